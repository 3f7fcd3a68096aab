package io.github.camelanaplan.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelanaplan.simulator.SimAuth;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of this module (JUnit auto-detection): captures all logging down to TRACE and fails the
 * test during which a secret — a password, client secret, token or refresh token a simulator issued, or a secret a test
 * registered with {@link #register(String)} (private keys, key passwords) — appeared in a log event or its stack trace.
 * <p>
 * HttpClient's own wire and header loggers are kept at INFO in log4j2-test.xml: they print raw request headers by
 * design, and are documented as not to be enabled in production.
 */
public final class SecretLeakExtension implements BeforeAllCallback, AfterEachCallback {

    private static final Set<String> TEST_SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new ArrayList<>();
    private static volatile boolean installed;

    /** A secret a test created itself (a PEM private key, a key password): it must not appear in any log. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 6) {
            TEST_SECRETS.add(secret);
        }
    }

    /** Every secret known so far: the simulators' and the tests'. */
    public static List<String> knownSecrets() {
        List<String> all = new ArrayList<>(SimAuth.secretsOfThisJvm());
        all.addAll(TEST_SECRETS);
        return all;
    }

    /** The first known secret contained in the text, or null. */
    public static String leakIn(String text) {
        if (text == null) {
            return null;
        }
        for (String secret : knownSecrets()) {
            if (text.contains(secret)) {
                return secret;
            }
        }
        return null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> found;
        synchronized (LEAKS) {
            found = new ArrayList<>(LEAKS);
            LEAKS.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError("A secret reached the logs during " + context.getDisplayName() + ": " + found);
        }
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggerContext.getConfiguration();
        AbstractAppender appender = new AbstractAppender("secret-leaks", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    text.append('\n').append(t);
                }
                String secret = leakIn(text.toString());
                if (secret != null) {
                    synchronized (LEAKS) {
                        LEAKS.add(event.getLoggerName() + ": secret " + secret.substring(0, 3) + "… in \""
                                  + text.toString().replace(secret, "<SECRET>") + "\"");
                    }
                }
            }
        };
        appender.start();
        configuration.addAppender(appender);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            logger.addAppender(appender, null, null);
        }
        configuration.getRootLogger().addAppender(appender, null, null);
        loggerContext.updateLoggers();
        installed = true;
    }
}
