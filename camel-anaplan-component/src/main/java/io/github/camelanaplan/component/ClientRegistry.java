package io.github.camelanaplan.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one {@link AnaplanClient} engine among the endpoints whose settings key the same engine (credentials, the
 * five URLs, TLS context, proxy), and closes it when the last of them lets go: one token, one connection pool, one
 * rate limiter per tenant login. Each endpoint gets a view of the engine that sends its calls with its own
 * {@link io.github.camelanaplan.client.http.CallOptions}. Engine-wide resources (connection pool size, request rate
 * limit) are those of the first endpoint; a later one asking for others is told once, at INFO.
 */
final class ClientRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    private final Map<ClientSettings, Entry> clients = new HashMap<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    /** Hears clients come and go (metrics bind their meters to each client). */
    interface Observer {
        void created(AnaplanClient client);

        void closing(AnaplanClient client);
    }

    /** Adds an observer and tells it about the clients that already exist. */
    synchronized void observe(Observer observer) {
        observers.add(observer);
        clients.values().forEach(e -> observer.created(e.client));
    }

    synchronized void unobserve(Observer observer) {
        observers.remove(observer);
    }

    /** A view of the engine these settings key, sending calls with the settings' call options. */
    synchronized AnaplanClient acquire(ClientSettings settings) {
        Entry entry = clients.get(settings);
        if (entry == null || entry.client.isClosed()) {
            entry = new Entry(AnaplanClient.create(settings));
            clients.put(settings, entry);
            AnaplanClient created = entry.client;
            observers.forEach(o -> o.created(created));
        } else {
            entry.noteDifferentResources(settings);
        }
        entry.users++;
        return entry.client.withOptions(settings.callOptions());
    }

    /** Lets go of the engine that {@code client} (a view or the engine) belongs to. */
    synchronized void release(AnaplanClient client) {
        AnaplanClient engine = client.engine();
        clients.entrySet().removeIf(e -> {
            if (e.getValue().client != engine || --e.getValue().users > 0) {
                return false;
            }
            observers.forEach(o -> o.closing(engine));
            engine.close();
            return true;
        });
    }

    synchronized Map<ClientSettings, AnaplanClient> snapshot() {
        Map<ClientSettings, AnaplanClient> copy = new HashMap<>();
        clients.forEach((k, v) -> copy.put(k, v.client));
        return copy;
    }

    synchronized void closeAll() {
        clients.values().forEach(e -> {
            observers.forEach(o -> o.closing(e.client));
            e.client.close();
        });
        clients.clear();
    }

    private static final class Entry {
        final AnaplanClient client;
        int users;
        private boolean toldConnections;
        private boolean toldRate;

        Entry(AnaplanClient client) {
            this.client = client;
        }

        /** An endpoint sharing this engine asks for other engine-wide resources: keep the first, say so once each. */
        void noteDifferentResources(ClientSettings asked) {
            ClientSettings kept = client.settings();
            if (asked.maxRequestsPerMinute() != kept.maxRequestsPerMinute() && !toldRate) {
                toldRate = true;
                LOG.info("An endpoint asks for maxRequestsPerMinute={} but shares Anaplan connection {} (same credentials "
                         + "and URLs), which keeps the first endpoint's {}: the rate limit is one per tenant login",
                        asked.maxRequestsPerMinute(), client.id(), kept.maxRequestsPerMinute());
            }
            if (asked.maxConnections() != kept.maxConnections() && !toldConnections) {
                toldConnections = true;
                LOG.info("An endpoint asks for maxConnections={} but shares Anaplan connection {} (same credentials "
                         + "and URLs), which keeps the first endpoint's {}", asked.maxConnections(), client.id(),
                        kept.maxConnections());
            }
        }
    }
}
