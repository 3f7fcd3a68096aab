package io.github.camelanaplan.client.http;

/**
 * Hands out the current token and renews it. Implementations renew single-flight: however many threads see a 401
 * at once, the token is renewed once.
 */
public interface TokenSource {

    /** A token valid for a while yet; renews it first when it is about to expire. */
    String token();

    /** The API answered 401 to {@code rejectedToken}: renew it unless another thread already did. */
    void rejected(String rejectedToken);
}
