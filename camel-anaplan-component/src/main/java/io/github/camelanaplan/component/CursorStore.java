package io.github.camelanaplan.component;

import java.util.Optional;

import io.github.camelanaplan.client.cursor.Cursor;
import io.github.camelanaplan.client.cursor.CursorCodec;
import io.github.camelanaplan.client.cursor.CursorKey;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer's cursor in the endpoint's {@link StateRepository}, under its {@link CursorKey}. A cursor stored before
 * keys were scoped per route (under {@code legacyKey}) is taken over once: copied to the new key, and the old value
 * marked moved, so a second route that shared it starts afresh rather than repeating.
 */
final class CursorStore {

    private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);

    private final StateRepository<String, String> repository;
    private final String key;
    private final String legacyKey;

    /** @param legacyKey where this consumer kept its cursor before, or null */
    CursorStore(StateRepository<String, String> repository, CursorKey key, String legacyKey) {
        this.repository = repository;
        this.key = key.toString();
        this.legacyKey = legacyKey;
    }

    String key() {
        return key;
    }

    /** The stored cursor, empty on a first start. */
    Optional<Cursor> load() {
        Optional<Cursor> cursor = decode(key, repository.getState(key));
        if (cursor.isPresent() || legacyKey == null || repository.getState(key) != null) {
            return cursor;
        }
        Optional<Cursor> legacy = decode(legacyKey, repository.getState(legacyKey));
        if (legacy.isPresent()) {
            LOG.info("Consumer cursor taken over from the old key {} to {}", legacyKey, key);
            save(legacy.get());
            repository.setState(legacyKey, CursorCodec.movedTo(key));
        }
        return legacy;
    }

    void save(Cursor cursor) {
        repository.setState(key, CursorCodec.encode(cursor));
    }

    private static Optional<Cursor> decode(String key, String value) {
        try {
            return CursorCodec.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (state repository key " + key
                                            + "; remove the key to start afresh)", e);
        }
    }
}
