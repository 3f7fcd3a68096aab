package io.github.camelanaplan.client.bulk;

import java.util.List;

/**
 * The result of a finished task. For a process, {@code nestedResults} holds one result per action it ran.
 */
public record TaskResult(Boolean successful, Boolean failureDumpAvailable, String objectId, String objectName,
                         List<TaskDetail> details, List<TaskResult> nestedResults) {

    public TaskResult {
        details = details == null ? List.of() : details;
        nestedResults = nestedResults == null ? List.of() : nestedResults;
    }

    public boolean isSuccessful() {
        return Boolean.TRUE.equals(successful);
    }

    public boolean isFailureDumpAvailable() {
        return Boolean.TRUE.equals(failureDumpAvailable);
    }

    /**
     * Row counts summed over this result's details and those of its nested results. Counts Anaplan did not report
     * stay null.
     */
    public RowCounts rowCounts() {
        RowCounts counts = RowCounts.NONE;
        for (TaskDetail detail : details) {
            counts = counts.plus(RowCounts.of(detail));
        }
        for (TaskResult nested : nestedResults) {
            counts = counts.plus(nested.rowCounts());
        }
        return counts;
    }
}
