package io.github.camelanaplan.simulator;

/** Where {@code /token/authenticate} puts the new optional {@code refreshToken} field (anaplan-api.md UNSURE #3). */
public enum RefreshTokenField {
    /** Not sent (current documented behaviour). */
    NONE,
    /** Inside {@code tokenInfo}. */
    IN_TOKEN_INFO,
    /** At the top level of the response. */
    TOP_LEVEL
}
