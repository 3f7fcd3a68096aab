package io.github.camelanaplan.client.auth;

import java.util.concurrent.locks.ReentrantLock;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.http.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one token for a client: logs in lazily, renews ahead of expiry and after a 401. Renewal is single-flight:
 * threads arriving while another renews wait for its result instead of logging in again.
 */
public final class TokenManager implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final Credentials credentials;
    private final AuthService auth;
    private final Runnable onRenewal;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;

    public TokenManager(Credentials credentials, AuthService auth, Runnable onRenewal) {
        this.credentials = credentials;
        this.auth = auth;
        this.onRenewal = onRenewal;
    }

    @Override
    public String token() {
        Token token = current;
        if (token != null && (System.currentTimeMillis() < token.renewAtMillis() || !credentials.renewable())) {
            return token.value();
        }
        lock.lock();
        try {
            token = current;
            if (token == null) {
                current = credentials.login(auth);
                onRenewal.run();
                LOG.debug("Logged in to Anaplan ({})", credentials.method());
            } else if (System.currentTimeMillis() >= token.renewAtMillis()) {
                current = System.currentTimeMillis() < token.expiresAtMillis() ? credentials.renew(auth, token)
                        : credentials.login(auth);
                onRenewal.run();
                LOG.debug("Renewed the Anaplan token ahead of expiry ({})", credentials.method());
            }
            return current.value();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rejected(String rejectedToken) {
        lock.lock();
        try {
            Token token = current;
            if (token != null && rejectedToken != null && !token.value().equals(rejectedToken)) {
                return; // another thread already renewed it
            }
            if (!credentials.renewable()) {
                throw new AnaplanAuthenticationException("Anaplan rejected the configured authToken (HTTP 401); it cannot be "
                                                         + "renewed: configure credentials instead", 401);
            }
            current = credentials.login(auth);
            onRenewal.run();
            LOG.debug("Logged in again after a 401 ({})", credentials.method());
        } finally {
            lock.unlock();
        }
    }

    /** The token's expiry (epoch millis), or 0 before the first login. */
    public long expiresAtMillis() {
        Token token = current;
        return token == null ? 0 : token.expiresAtMillis();
    }

    public String method() {
        return credentials.method();
    }

    /** Logs out the token, if there is one. */
    public void logout() {
        lock.lock();
        try {
            Token token = current;
            current = null;
            if (token != null && System.currentTimeMillis() < token.expiresAtMillis()) {
                credentials.logout(auth, token);
            }
        } finally {
            lock.unlock();
        }
    }
}
