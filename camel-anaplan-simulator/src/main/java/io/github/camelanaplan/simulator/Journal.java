package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Every request the simulator saw, in arrival order (thread-safe). */
public final class Journal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    int enter() {
        return inFlight.getAndIncrement();
    }

    void exit() {
        inFlight.decrementAndGet();
    }

    synchronized void record(JournalEntry e) {
        // keep arrival order even though entries complete out of order
        int i = entries.size();
        while (i > 0 && entries.get(i - 1).startNanos() > e.startNanos()) {
            i--;
        }
        entries.add(i, e);
    }

    /** A snapshot of all entries in arrival order. */
    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Entries with this method ("*" for any) whose path matches the regex completely. */
    public List<JournalEntry> matching(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries()) {
            if (("*".equals(method) || e.method().equalsIgnoreCase(method)) && p.matcher(e.path()).matches()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Number of entries with this method ("*" for any) whose path matches the regex completely. */
    public int count(String method, String pathRegex) {
        return matching(method, pathRegex).size();
    }

    /** Most requests matching the path regex that were in flight at the same time. */
    public int maxConcurrency(String pathRegex) {
        List<JournalEntry> list = matching("*", pathRegex);
        List<long[]> events = new ArrayList<>();
        for (JournalEntry e : list) {
            events.add(new long[] {e.startNanos(), 1});
            events.add(new long[] {e.endNanos(), -1});
        }
        // ends sort before starts at the same instant
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int cur = 0;
        int max = 0;
        for (long[] ev : events) {
            cur += (int) ev[1];
            max = Math.max(max, cur);
        }
        return max;
    }
}
