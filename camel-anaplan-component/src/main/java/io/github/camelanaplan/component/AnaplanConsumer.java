package io.github.camelanaplan.component;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.cursor.CursorKey;
import io.github.camelanaplan.client.error.AnaplanException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Base of the Anaplan consumers: a scheduled poll (Camel's {@code delay}, {@code initialDelay}, {@code scheduler}...
 * options; route policies and cluster services decide which instance polls) that emits exchanges one at a time and
 * keeps its cursor in the endpoint's {@link StateRepository} under a key of its route and target
 * ({@link #cursorKey()}), so a restart neither repeats nor misses anything and two routes reading the same target keep
 * separate cursors.
 */
abstract class AnaplanConsumer extends ScheduledPollConsumer {

    protected final AnaplanEndpoint endpoint;

    AnaplanConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        checkOptions();
        // a FileStateRepository bean must be started to load what it kept
        ServiceHelper.startService(endpoint.stateRepository());
        super.doStart();
    }

    /** Fails the consumer's start when an option it needs is missing. */
    abstract void checkOptions();

    AnaplanConfiguration config() {
        return endpoint.getConfiguration();
    }

    AnaplanClient client() {
        return endpoint.client();
    }

    /** This consumer's cursor; {@code legacyKey} is where it was kept before keys were per route (null: nowhere). */
    CursorStore cursorStore(String legacyKey) {
        return new CursorStore(endpoint.stateRepository(), cursorKey(), legacyKey);
    }

    /**
     * The route and the operation; subclasses add the ids of what they read. A consumer outside a route (a polling
     * consumer) has no route id: its key then names the target only.
     */
    CursorKey cursorKey() {
        return CursorKey.of(getRouteId(), endpoint.operation().uriName());
    }

    String require(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("from(\"anaplan:" + endpoint.getOperation() + "\") needs the " + option
                                               + " option");
        }
        return value;
    }

    /**
     * Routes one exchange synchronously. A failure goes to the consumer's exception handler and returns false, so the
     * caller does not advance its cursor past it.
     */
    boolean emit(Consumer<Exchange> fill) {
        Exchange exchange = createExchange(false);
        try {
            fill.accept(exchange);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null && !exchange.isRollbackOnly();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing exchange from anaplan:" + endpoint.getOperation(),
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /** The content as a stream, or read into byte[] when streaming=false. */
    Object content(InputStream content) {
        if (config().isStreaming()) {
            return content;
        }
        try (InputStream in = content) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AnaplanException("Reading content failed: " + e.getMessage(), e);
        }
    }

    static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // the route may have closed it already
            }
        }
    }
}
