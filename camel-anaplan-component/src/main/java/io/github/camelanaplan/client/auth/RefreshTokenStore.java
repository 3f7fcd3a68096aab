package io.github.camelanaplan.client.auth;

/**
 * Keeps the newest OAuth refresh token. With rotating clients every refresh returns a new refresh token and the old
 * one stops working, so a store that survives restarts (a file, a database, a vault) keeps the integration able to
 * log in after a restart.
 */
public interface RefreshTokenStore {

    /** The newest refresh token saved for the client, or null when none was saved yet. */
    String load(String clientId);

    /** Saves the newest refresh token of the client. Called right after Anaplan issued it. */
    void save(String clientId, String refreshToken);

    /** A store that lives as long as the JVM. */
    static RefreshTokenStore inMemory() {
        return new RefreshTokenStore() {
            private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public String load(String clientId) {
                return tokens.get(clientId);
            }

            @Override
            public void save(String clientId, String refreshToken) {
                tokens.put(clientId, refreshToken);
            }
        };
    }
}
