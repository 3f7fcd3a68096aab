package io.github.camelanaplan.simulator;

import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV reading (keeping each record's raw text and line number) and writing. */
final class Csv {

    /** One parsed record. */
    static final class Record {
        final List<String> fields;
        final String raw;
        final int line;

        Record(List<String> fields, String raw, int line) {
            this.fields = fields;
            this.raw = raw;
            this.line = line;
        }
    }

    private Csv() {
    }

    static List<Record> parse(String text, char sep, char quote) {
        List<Record> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        while (i < n) {
            int start = i;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inQuotes = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == quote) {
                        if (i + 1 < n && text.charAt(i + 1) == quote) {
                            cur.append(quote);
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cur.append(c);
                    }
                    i++;
                } else if (c == quote && cur.length() == 0) {
                    inQuotes = true;
                    i++;
                } else if (c == sep) {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    endOfRecord = true;
                } else {
                    cur.append(c);
                    i++;
                }
            }
            int end = i;
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n') {
                i++;
            }
            line++;
            fields.add(cur.toString());
            out.add(new Record(fields, text.substring(start, end), startLine));
        }
        return out;
    }

    static String escape(String v, char sep) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(sep) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(values.get(i), ','));
        }
        return sb.append("\n").toString();
    }

    static String write(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(headers));
        for (List<String> r : rows) {
            sb.append(line(r));
        }
        return sb.toString();
    }
}
