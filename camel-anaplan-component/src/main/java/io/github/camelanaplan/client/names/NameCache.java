package io.github.camelanaplan.client.names;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Listings read for name resolution, kept per connection engine. Each caller says how old an entry may be (its
 * {@code nameCacheTtl}); zero means always list again. A listing is keyed by what it lists and where
 * ("models|workspaceId", "imports|modelId"...). The clock is injectable so tests need no waiting.
 */
public final class NameCache {

    private record Entry(List<Named> objects, long loadedAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public NameCache() {
        this(System::nanoTime);
    }

    public NameCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A listing no older than {@code ttl}, loaded (and kept) when there is none. */
    List<Named> get(String key, Duration ttl, Supplier<List<Named>> loader) {
        Entry entry = entries.get(key);
        long now = nanoClock.getAsLong();
        if (entry != null && now - entry.loadedAtNanos() < ttl.toNanos()) {
            return entry.objects();
        }
        return load(key, loader);
    }

    /** Lists again whatever is kept, e.g. when a name was not found in a kept listing (the object may be new). */
    List<Named> load(String key, Supplier<List<Named>> loader) {
        List<Named> objects = List.copyOf(loader.get());
        entries.put(key, new Entry(objects, nanoClock.getAsLong()));
        return objects;
    }

    /**
     * The object named exactly {@code name} in the listing under {@code key}. When a kept listing has no (or several)
     * matches it is listed once more before failing: the object may be new, or renamed since.
     */
    Named find(String key, String what, String name, Duration ttl, Supplier<List<Named>> loader) {
        return find(List.of(key), what, name, ttl, k -> loader);
    }

    /** Like {@link #find(String, String, String, Duration, Supplier)} over the union of several listings. */
    Named find(List<String> keys, String what, String name, Duration ttl,
               java.util.function.Function<String, Supplier<List<Named>>> loaders) {
        boolean[] loaded = {false};
        List<Named> all = new java.util.ArrayList<>();
        for (String key : keys) {
            Supplier<List<Named>> loader = loaders.apply(key);
            all.addAll(get(key, ttl, () -> {
                loaded[0] = true;
                return loader.get();
            }));
        }
        try {
            return NameMatch.match(what, name, all);
        } catch (io.github.camelanaplan.client.error.AnaplanNameException e) {
            if (loaded[0]) {
                throw e;
            }
            List<Named> fresh = new java.util.ArrayList<>();
            for (String key : keys) {
                fresh.addAll(load(key, loaders.apply(key)));
            }
            return NameMatch.match(what, name, fresh);
        }
    }

    /** Forgets every listing. */
    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
