package io.github.camelanaplan.client.bulk;

import java.util.List;

/** One entry of a task result's {@code details}: {@code values} is a flat key, value, key, value... list. */
public record TaskDetail(String type, String localMessageText, Long occurrences, List<String> values) {

    public TaskDetail {
        values = values == null ? List.of() : values;
    }

    /** The value following {@code key} in {@link #values()}, or null. */
    public String value(String key) {
        for (int i = 0; i + 1 < values.size(); i += 2) {
            if (key.equals(values.get(i))) {
                return values.get(i + 1);
            }
        }
        return null;
    }
}
