package io.github.camelanaplan.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientSettings;

/**
 * Shares one {@link AnaplanClient} among the endpoints whose settings (credentials, URLs, transport) are equal, and
 * closes it when the last of them lets go: one token, one connection pool, one rate limiter per tenant login.
 */
final class ClientRegistry {

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

    /** The client for these settings, created with its transfers on {@code workers} when none is open. */
    synchronized AnaplanClient acquire(ClientSettings settings, ExecutorService workers) {
        Entry entry = clients.get(settings);
        if (entry == null || entry.client.isClosed()) {
            entry = new Entry(AnaplanClient.create(settings, workers));
            clients.put(settings, entry);
            AnaplanClient created = entry.client;
            observers.forEach(o -> o.created(created));
        }
        entry.users++;
        return entry.client;
    }

    synchronized void release(AnaplanClient client) {
        clients.entrySet().removeIf(e -> {
            if (e.getValue().client != client || --e.getValue().users > 0) {
                return false;
            }
            observers.forEach(o -> o.closing(client));
            client.close();
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

        Entry(AnaplanClient client) {
            this.client = client;
        }
    }
}
