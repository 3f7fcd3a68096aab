package io.github.camelanaplan.simulator;

/** State of the token a request presented, as recorded in the {@link Journal}. */
public enum TokenState {
    /** A live token. */
    VALID,
    /** A token the simulator issued that has expired, been logged out or revoked. */
    EXPIRED,
    /** A token the simulator never issued. */
    UNKNOWN,
    /** No token presented (no Authorization header, or Basic / CACertificate). */
    NONE
}
