package io.github.camelanaplan.examples.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelanaplan.component.AnaplanConstants;
import org.apache.camel.Exchange;

/**
 * What the example routes moved, per route: messages, rows, chunks, tasks. Routes call {@link #record(Exchange)}
 * after each {@code anaplan:} step (bound as the bean {@code movements}); the demo prints {@link #snapshot()}.
 */
public final class Movements {

    /** Header a route may set with the number of source records in the message (Kafka records, table rows). */
    public static final String RECORDS = "ExampleRecords";

    /** Header a Kafka route may set with the {@code Set<Integer>} of partitions its batch came from. */
    public static final String PARTITIONS = "ExamplePartitions";

    /** Counters of one route. */
    public static final class Counters {
        final LongAdder messages = new LongAdder();
        final LongAdder records = new LongAdder();
        final LongAdder rows = new LongAdder();
        final LongAdder rowsFailed = new LongAdder();
        final LongAdder chunks = new LongAdder();
        final LongAdder tasks = new LongAdder();
        final LongAdder failures = new LongAdder();
        final java.util.Set<Integer> partitions = new java.util.concurrent.ConcurrentSkipListSet<>();

        public long messages() { return messages.sum(); }
        public long records() { return records.sum(); }
        /** Rows Anaplan reported as processed successfully (imports) or exported (exports). */
        public long rows() { return rows.sum(); }
        public long rowsFailed() { return rowsFailed.sum(); }
        public long chunks() { return chunks.sum(); }
        public long tasks() { return tasks.sum(); }
        /** Messages that failed (a failed import, a batch to retry). */
        public long failures() { return failures.sum(); }
        /** Kafka partitions the imported batches came from. */
        public java.util.Set<Integer> partitions() { return new java.util.TreeSet<>(partitions); }
    }

    private final Map<String, Counters> byRoute = new ConcurrentHashMap<>();

    /** Counts a message that went through an {@code anaplan:} step successfully. */
    public void record(Exchange exchange) {
        Counters c = counters(routeId(exchange));
        c.messages.increment();
        add(c.records, exchange.getMessage().getHeader(RECORDS));
        add(c.rows, exchange.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED));
        add(c.rowsFailed, exchange.getMessage().getHeader(AnaplanConstants.ROWS_FAILED));
        add(c.chunks, exchange.getMessage().getHeader(AnaplanConstants.CHUNK_COUNT));
        if (exchange.getMessage().getHeader(AnaplanConstants.TASK_ID) != null) {
            c.tasks.increment();
        }
        Object partitions = exchange.getMessage().getHeader(PARTITIONS);
        if (partitions instanceof java.util.Collection) {
            for (Object p : (java.util.Collection<?>) partitions) {
                c.partitions.add(((Number) p).intValue());
            }
        }
    }

    /** Counts a message whose Anaplan step failed (its task, if one ran, counts as a task). */
    public void recordFailure(Exchange exchange) {
        Counters c = counters(routeId(exchange));
        c.failures.increment();
        if (exchange.getMessage().getHeader(AnaplanConstants.TASK_ID) != null) {
            c.tasks.increment();
        }
    }

    /** Adds rows a route counted itself (for example rows written to a table). */
    public void addRows(String routeId, long rows) {
        counters(routeId).rows.add(rows);
    }

    /** Adds records a route's result was counted in afterwards (for example the lines of an exported file). */
    public void addRecords(String routeId, long records) {
        counters(routeId).records.add(records);
    }

    public Counters counters(String routeId) {
        return byRoute.computeIfAbsent(routeId, k -> new Counters());
    }

    /** The counters of every route seen so far, in route id order. */
    public Map<String, Counters> snapshot() {
        return new LinkedHashMap<>(new java.util.TreeMap<>(byRoute));
    }

    private static String routeId(Exchange exchange) {
        String id = exchange.getFromRouteId();
        return id == null ? "unknown" : id;
    }

    private static void add(LongAdder adder, Object value) {
        if (value instanceof Number) {
            adder.add(((Number) value).longValue());
        } else if (value != null) {
            try {
                adder.add(Long.parseLong(value.toString().trim()));
            } catch (NumberFormatException ignored) {
                // not a count
            }
        }
    }
}
