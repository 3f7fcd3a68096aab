package io.github.camelanaplan.client.cursor;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a consumer stands in what it reads: a position (a time in epoch milliseconds: the newest revision applied,
 * where an audit read stopped), the ids already emitted near that position (each with the position it was seen at),
 * and optionally a content hash (the last export emitted). Immutable; every change returns a new cursor. Stored as
 * text by {@link CursorCodec}.
 * <p>
 * The id set is bounded by {@link #MAX_SEEN}: beyond it the ids recorded first are forgotten, so an item that old
 * could be emitted again if the source served it again (at-least-once, never a gap).
 */
public final class Cursor {

    /** Most ids a cursor remembers. */
    public static final int MAX_SEEN = 10_000;

    private static final Cursor EMPTY = new Cursor(null, new LinkedHashMap<>(), null);

    private final Long position;
    /** id → the position it was seen at, in the order recorded. */
    private final LinkedHashMap<String, Long> seen;
    private final String hash;

    private Cursor(Long position, LinkedHashMap<String, Long> seen, String hash) {
        this.position = position;
        this.seen = seen;
        this.hash = hash;
    }

    /** A cursor that has seen nothing. */
    public static Cursor empty() {
        return EMPTY;
    }

    static Cursor of(Long position, Map<String, Long> seen, String hash) {
        return new Cursor(position, bounded(new LinkedHashMap<>(seen)), hash);
    }

    public OptionalLong position() {
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The ids remembered, each with the position it was seen at, oldest first. */
    public Map<String, Long> seen() {
        return Collections.unmodifiableMap(seen);
    }

    public Optional<String> hash() {
        return Optional.ofNullable(hash);
    }

    public boolean hasSeen(String id) {
        return seen.containsKey(id);
    }

    /**
     * Whether an item of a stream ordered by position (then id) lies ahead of this cursor: later than its position, or
     * at its position and not yet seen.
     */
    public boolean isAhead(long at, String id) {
        return position == null || at > position || at == position && !seen.containsKey(id);
    }

    /**
     * The cursor once an item of an ordered stream was emitted: the position moves to the item's if later, and only
     * the ids seen at the new position are kept (earlier ones can no longer come after the cursor).
     */
    public Cursor passing(long at, String id) {
        Objects.requireNonNull(id, "id");
        if (position == null || at > position) {
            LinkedHashMap<String, Long> only = new LinkedHashMap<>();
            only.put(id, at);
            return new Cursor(at, only, hash);
        }
        if (at < position) {
            return this;
        }
        return withSeen(id, at);
    }

    /** The cursor with one more id remembered (seen at {@code at}); the position does not move. */
    public Cursor withSeen(String id, long at) {
        Objects.requireNonNull(id, "id");
        LinkedHashMap<String, Long> more = new LinkedHashMap<>(seen);
        more.remove(id);
        more.put(id, at);
        return new Cursor(position, bounded(more), hash);
    }

    /** The cursor at another position, remembering the same ids. */
    public Cursor at(long newPosition) {
        return new Cursor(newPosition, seen, hash);
    }

    /** The cursor without the ids seen before {@code floor}. */
    public Cursor forgettingBefore(long floor) {
        LinkedHashMap<String, Long> kept = new LinkedHashMap<>(seen);
        kept.values().removeIf(at -> at < floor);
        return kept.size() == seen.size() ? this : new Cursor(position, kept, hash);
    }

    public Cursor withHash(String newHash) {
        return new Cursor(position, seen, newHash);
    }

    private static LinkedHashMap<String, Long> bounded(LinkedHashMap<String, Long> ids) {
        Iterator<String> oldest = ids.keySet().iterator();
        for (int excess = ids.size() - MAX_SEEN; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
        return ids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && Objects.equals(position, c.position) && seen.equals(c.seen)
               && Objects.equals(hash, c.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, seen, hash);
    }

    @Override
    public String toString() {
        return "Cursor[position=" + position + ", seen=" + seen.size() + " ids, hash=" + hash + "]";
    }
}
