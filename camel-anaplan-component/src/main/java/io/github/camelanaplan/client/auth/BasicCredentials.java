package io.github.camelanaplan.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** Username and password ({@code Authorization: Basic}). */
public final class BasicCredentials extends Credentials {

    private final String username;
    private final String password;

    public BasicCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public Token login(AuthService auth) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return auth.authenticate("Basic " + basic, null);
    }

    @Override
    public String method() {
        return "basic";
    }

    public String username() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicCredentials && ((BasicCredentials) o).username.equals(username)
               && ((BasicCredentials) o).password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "basic credentials of " + username;
    }
}
