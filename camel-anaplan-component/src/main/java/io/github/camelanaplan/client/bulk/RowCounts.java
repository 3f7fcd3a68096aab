package io.github.camelanaplan.client.bulk;

/**
 * Rows a task reported: processed (successful), ignored, failed, total. A null field was not reported.
 */
public record RowCounts(Long processed, Long ignored, Long failed, Long total) {

    public static final RowCounts NONE = new RowCounts(null, null, null, null);

    static RowCounts of(TaskDetail detail) {
        return new RowCounts(number(detail.value("successRowCount")), number(detail.value("ignoredCount")),
                number(detail.value("failedCount")), number(detail.value("totalRowCount")));
    }

    RowCounts plus(RowCounts other) {
        return new RowCounts(sum(processed, other.processed), sum(ignored, other.ignored), sum(failed, other.failed),
                sum(total, other.total));
    }

    /** Rows that did not make it: ignored plus failed. */
    public long rejected() {
        return (ignored == null ? 0 : ignored) + (failed == null ? 0 : failed);
    }

    private static Long sum(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(a + b);
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
