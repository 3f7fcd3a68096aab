package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.AnaplanClient;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the {@code anaplan} component: each connection engine in use (one per set of credentials and URLs)
 * must be able to authenticate and reach the API ({@code GET /users/me}). DOWN names the engine and the reason; the
 * details carry the auth method and API URL of each engine, never a credential or token.
 * <p>
 * The check covers every {@code anaplan} component of the context. The component registers it when it starts (and
 * again once the context has started, for runtimes that set up health after the routes), and Camel can also resolve it
 * by id {@value #ID} from {@code META-INF/services/org/apache/camel/health-check/anaplan-check}.
 * <p>
 * Results are cached per engine for {@link #setCacheTime(Duration) a few seconds}, so frequent probes (Kubernetes,
 * Spring Boot actuator, Quarkus health) do not turn into a stream of requests to Anaplan. With no endpoint started yet
 * there is nothing to check, and the check is UP.
 */
public final class AnaplanHealthCheck implements HealthCheck, CamelContextAware {

    /** The id under which the check is registered: {@code camel/anaplan} in health endpoints. */
    public static final String ID = "anaplan";
    public static final String GROUP = "camel";

    private final Map<AnaplanClient, Probe> probes = new ConcurrentHashMap<>();
    private final LongSupplier clock = System::nanoTime;
    private volatile long cacheNanos = Duration.ofSeconds(5).toNanos();
    private volatile boolean enabled = true;
    private CamelContext camelContext;

    /** Found by Camel as {@code META-INF/services/org/apache/camel/health-check/anaplan-check}, or made by the component. */
    public AnaplanHealthCheck() {
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public boolean isLiveness() {
        return false; // a remote service being unreachable does not mean this JVM should be restarted
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How long a probe's answer is reused; 0 probes on every call. Default 5 seconds. */
    public void setCacheTime(Duration cacheTime) {
        this.cacheNanos = cacheTime.toNanos();
    }

    public Duration getCacheTime() {
        return Duration.ofNanos(cacheNanos);
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        List<AnaplanClient> current = AnaplanComponent.clientsOf(camelContext);
        probes.keySet().retainAll(current);
        builder.detail("anaplan.clients", current.size());
        Outcome firstFailure = null;
        for (AnaplanClient client : current) {
            Outcome outcome = probes.computeIfAbsent(client, Probe::new).outcome();
            String prefix = "anaplan.client." + client.id() + ".";
            builder.detail(prefix + "authMethod", client.tokens().method());
            builder.detail(prefix + "apiUrl", client.settings().apiUrl());
            builder.detail(prefix + "state", outcome.up ? "UP" : "DOWN");
            if (!outcome.up) {
                builder.detail(prefix + "reason", outcome.reason);
                if (outcome.httpStatus > 0) {
                    builder.detail(prefix + "httpStatus", outcome.httpStatus);
                }
                if (firstFailure == null) {
                    firstFailure = outcome;
                }
            }
        }
        if (firstFailure == null) {
            return builder.message(current.isEmpty() ? "No Anaplan connection in use yet"
                    : "Authenticated and reached the Anaplan API").up().build();
        }
        if (firstFailure.httpStatus > 0) {
            builder.detail(HealthCheck.HTTP_RESPONSE_CODE, firstFailure.httpStatus);
        }
        return builder.message(firstFailure.reason).down().build();
    }

    /** The cached answer of one client. */
    private final class Probe {
        private final AnaplanClient client;
        private Outcome last;
        private long lastNanos;

        Probe(AnaplanClient client) {
            this.client = client;
        }

        synchronized Outcome outcome() {
            long now = clock.getAsLong();
            if (last == null || now - lastNanos >= cacheNanos) {
                last = probe();
                lastNanos = clock.getAsLong();
            }
            return last;
        }

        private Outcome probe() {
            String who = "Anaplan client " + client.id() + " (" + client.tokens().method() + ", "
                         + client.settings().apiUrl() + ")";
            try {
                client.me(); // the user is not reported: the username is a secret option
                return new Outcome(true, null, 0);
            } catch (AnaplanAuthenticationException e) {
                return new Outcome(false, who + " cannot authenticate: " + e.getMessage(), e.getHttpStatus());
            } catch (AnaplanApiException e) {
                return new Outcome(false, who + " cannot reach the API: " + e.getMessage(), e.getHttpStatus());
            } catch (RuntimeException e) {
                return new Outcome(false, who + " cannot reach the API: " + describe(e), 0);
            }
        }
    }

    /** The exception's message, or its type when it has none; the engine's messages carry no secret. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private record Outcome(boolean up, String reason, int httpStatus) {
    }
}
