package io.github.camelanaplan.examples.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns the streamed rows of {@code jdbc:…?outputType=StreamList} (an {@code Iterator} of column → value maps, read
 * from the open ResultSet as it is consumed) into an {@code Iterator<String>} of CSV lines: a header line, then one
 * line per row. The Anaplan producer consumes such an iterator piece by piece while it cuts upload chunks, so no more
 * than a chunk of rows is ever in memory, whatever the row count.
 *
 * <p>How many rows went out is known only once the upload has read the whole iterator: {@link #count(Exchange)}.
 */
public class ResultSetCsvLines implements Processor {

    /** Exchange property holding the {@link Counter} of rows the iterator handed out. */
    public static final String ROW_COUNTER = "ExampleRowCounter";

    private List<String> columns;

    /** Columns to write, in this order (also the header line); default: the columns of the first row as returned. */
    public void setColumns(String columns) {
        List<String> list = new ArrayList<>();
        for (String c : columns.split(",")) {
            if (!c.isBlank()) {
                list.add(c.trim());
            }
        }
        this.columns = list;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Iterator<?> rows = exchange.getMessage().getMandatoryBody(Iterator.class);
        Counter counter = new Counter();
        exchange.setProperty(ROW_COUNTER, counter);
        exchange.getMessage().setBody(new Lines(rows, columns, counter));
    }

    /** Rows handed out so far by the iterator of this exchange. */
    public static long count(Exchange exchange) {
        Counter c = exchange.getProperty(ROW_COUNTER, Counter.class);
        return c == null ? 0 : c.rows;
    }

    /** A counter written by the uploading thread, read after the upload. */
    public static final class Counter {
        volatile long rows;

        public long rows() {
            return rows;
        }
    }

    private static final class Lines implements Iterator<String> {
        private final Iterator<?> rows;
        private final Counter counter;
        private List<String> columns;
        private Map<?, ?> pending;
        private boolean headerDone;

        Lines(Iterator<?> rows, List<String> columns, Counter counter) {
            this.rows = rows;
            this.columns = columns;
            this.counter = counter;
        }

        @Override
        public boolean hasNext() {
            return !headerDone || pending != null || rows.hasNext();
        }

        @Override
        public String next() {
            if (!headerDone) {
                if (columns == null) {
                    if (!rows.hasNext()) {
                        throw new NoSuchElementException("the query returned no rows and no columns were configured");
                    }
                    pending = (Map<?, ?>) rows.next();
                    columns = new ArrayList<>();
                    for (Object key : pending.keySet()) {
                        columns.add(String.valueOf(key));
                    }
                }
                headerDone = true;
                return Csv.line(columns);
            }
            Map<?, ?> row;
            if (pending != null) {
                row = pending;
                pending = null;
            } else {
                row = (Map<?, ?>) rows.next();
            }
            List<Object> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                values.add(value(row, column));
            }
            counter.rows++;
            return Csv.line(values);
        }

        private static Object value(Map<?, ?> row, String column) {
            Object v = row.get(column);
            if (v == null && !row.containsKey(column)) {
                for (Map.Entry<?, ?> e : row.entrySet()) {
                    if (String.valueOf(e.getKey()).equalsIgnoreCase(column)) {
                        return e.getValue();
                    }
                }
            }
            return v;
        }
    }
}
