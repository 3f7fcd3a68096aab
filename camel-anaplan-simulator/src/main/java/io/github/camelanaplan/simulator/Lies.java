package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lying mode: lies checked in the order added, the first that fires on an answer wins (faults go first: a
 * faulted request is never lied about). {@link #serveHonestly(boolean)} suspends every lie without spending it.
 */
public final class Lies {

    private final List<Lie> lies = new CopyOnWriteArrayList<>();
    private final List<String> fired = new CopyOnWriteArrayList<>();
    private volatile boolean honest;

    /** Adds a lie and returns it (to query {@link Lie#firedCount()} later). */
    public Lie add(Lie lie) {
        if (lie.kind() == null) {
            throw new IllegalArgumentException("the lie says nothing: choose what it does (dropLastChunks, field, ...)");
        }
        lies.add(lie);
        return lie;
    }

    /** While true every answer is honest and no lie is counted; the journal then holds the honest answers. */
    public void serveHonestly(boolean b) {
        this.honest = b;
    }

    public boolean servingHonestly() {
        return honest;
    }

    /** Removes all lies and the fired history. */
    public void clear() {
        lies.clear();
        fired.clear();
    }

    /** Names of the lies that fired, in order. */
    public List<String> fired() {
        return new ArrayList<>(fired);
    }

    public List<Lie> lies() {
        return new ArrayList<>(lies);
    }

    Lie matchBefore(String method, String path, String rawQuery) {
        if (honest) {
            return null;
        }
        for (Lie l : lies) {
            if (l.fireBefore(method, path, rawQuery)) {
                fired.add(l.name());
                return l;
            }
        }
        return null;
    }

    /** The lie that fires on this answer and its changes (applied to {@code served}), or null. */
    Told matchAfter(String method, String path, String query, int status, com.fasterxml.jackson.databind.JsonNode served,
                    boolean hasBody) {
        if (honest) {
            return null;
        }
        for (Lie l : lies) {
            List<JsonMutation> m = l.fireAfter(method, path, query, status, served, hasBody);
            if (m != null) {
                fired.add(l.name());
                return new Told(l, m);
            }
        }
        return null;
    }

    /** A lie that fired and what it changed. */
    record Told(Lie lie, List<JsonMutation> mutations) {
    }
}
