package io.github.camelanaplan.client.auth;

/**
 * How a client logs in. Implementations hold secrets: their {@code toString()} shows none, and equality is by value
 * so that endpoints with the same credentials share one client.
 */
public abstract class Credentials {

    /** Logs in from scratch. */
    public abstract Token login(AuthService auth);

    /** Extends a token that is still valid; by default {@code /token/refresh}, falling back to a new login. */
    public Token renew(AuthService auth, Token current) {
        Token refreshed = auth.refresh(current);
        return refreshed != null ? refreshed : login(auth);
    }

    /** Whether a token can be renewed at all (a ready-made token cannot). */
    public boolean renewable() {
        return true;
    }

    /** Ends the session on close. */
    public void logout(AuthService auth, Token token) {
        auth.logout(token);
    }

    /** A name for the auth method ("basic", "certificate", "oauth", "token"), shown in consoles and logs. */
    public abstract String method();

    @Override
    public String toString() {
        return method() + " credentials";
    }
}
