package io.github.camelanaplan.client.auth;

import java.util.Objects;

/** A ready token obtained elsewhere: used as is, never renewed, never logged out. */
public final class TokenCredentials extends Credentials {

    private final String token;

    public TokenCredentials(String token) {
        this.token = Objects.requireNonNull(token, "authToken");
    }

    @Override
    public Token login(AuthService auth) {
        // lifetime unknown: assume the usual 35 minutes; a 401 then reports the token as dead
        long now = System.currentTimeMillis();
        return new Token(token, now + 35 * 60_000L, now);
    }

    @Override
    public Token renew(AuthService auth, Token current) {
        return current;
    }

    @Override
    public boolean renewable() {
        return false;
    }

    @Override
    public void logout(AuthService auth, Token token) {
        // not ours to end
    }

    @Override
    public String method() {
        return "token";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenCredentials && ((TokenCredentials) o).token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }
}
