package io.github.camelanaplan.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses "500ms", "2s", "35m", "1h", "1m30s"; a plain number is milliseconds. */
final class DurationParser {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationParser() {
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofMillis(Long.parseLong(t));
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                throw new IllegalArgumentException("invalid duration: " + text);
            }
            long v = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": d = d.plusMillis(v); break;
                case "s": d = d.plusSeconds(v); break;
                case "m": d = d.plusMinutes(v); break;
                case "h": d = d.plusHours(v); break;
                default: d = d.plusDays(v); break;
            }
            pos = m.end();
        }
        if (pos != t.length() || pos == 0) {
            throw new IllegalArgumentException("invalid duration: " + text);
        }
        return d;
    }
}
