package io.github.camelanaplan.examples.support;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Just enough CSV (RFC 4180: comma, double quotes, quoted newlines) for the examples. */
public final class Csv {

    private Csv() {
    }

    /** One CSV line, ending with {@code \n}; null values become empty fields. */
    public static String line(Iterable<?> values) {
        StringBuilder out = new StringBuilder(64);
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendField(out, value == null ? "" : value.toString());
        }
        return out.append('\n').toString();
    }

    /** One CSV line from an array of values. */
    public static String line(Object... values) {
        return line(java.util.Arrays.asList(values));
    }

    static void appendField(StringBuilder out, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Reads records one at a time from a character stream; never holds more than one record. */
    public static final class RecordReader {
        private final Reader in;
        private int peeked = -2;

        public RecordReader(Reader in) {
            this.in = in;
        }

        /** The next record's fields, or null at the end of the input. */
        public List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (c == -1) {
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                    fieldStart = false;
                }
                c = read();
            }
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        private void unread(int c) {
            peeked = c;
        }
    }
}
