package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.task.TaskOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the end state of a bulk task into its failure: an {@link AnaplanActionException} naming the state, the row
 * counts and the first rejected row, carrying the failure dumps.
 */
final class TaskFailure {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFailure.class);

    /**
     * Bytes of a dump held in an exception at most: a dump of millions of rejected rows must not fill the heap on its
     * way into an error message. Longer dumps are cut at the last line break within it; the {@code dump} operation
     * streams the whole.
     */
    static final int DUMP_TEXT_LIMIT = 1 << 20;

    private final AnaplanClient client;
    private final ActionTasks tasks;

    TaskFailure(AnaplanClient client, ActionTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** Raises the failure of an unsuccessful, cancelled or (with failOnWarnings) partly rejected task. */
    void check(ActionType type, String actionId, TaskStatus status, TaskOptions options) {
        String what = type.label() + " " + actionId + " (task " + status.taskId() + ")";
        if (status.taskState() == TaskState.CANCELLED) {
            throw new AnaplanActionException(what + " was cancelled", status, null, AnaplanActionException.Reason.CANCELLED);
        }
        TaskResult result = status.result();
        boolean successful = status.isSuccessful();
        RowCounts rows = result == null ? RowCounts.NONE : result.rowCounts();
        boolean warnings = successful && options.failOnWarnings() && rows.rejected() > 0;
        if (successful && !warnings) {
            return;
        }
        Map<String, String> dumps = options.fetchFailureDump() && result != null && result.isFailureDumpAvailable()
                ? fetchDumps(type, actionId, status) : Map.of();
        StringBuilder message = new StringBuilder(what);
        message.append(warnings ? " completed with rejected rows" : " failed").append(": state ")
                .append(status.taskState());
        if (rows.total() != null) {
            message.append(", rows processed ").append(rows.processed()).append(" of ").append(rows.total())
                    .append(", ignored ").append(rows.ignored() == null ? 0 : rows.ignored()).append(", failed ")
                    .append(rows.failed() == null ? 0 : rows.failed());
        }
        String firstError = dumps.values().stream().map(TaskFailure::firstRowError).filter(e -> e != null).findFirst()
                .orElse(null);
        if (firstError != null) {
            message.append("; first rejected row: ").append(firstError);
        } else if (result != null && !result.details().isEmpty() && result.details().get(0).localMessageText() != null) {
            message.append("; ").append(result.details().get(0).localMessageText().trim());
        }
        throw new AnaplanActionException(message.toString(), status, dumps,
                warnings ? AnaplanActionException.Reason.REJECTED_ROWS : AnaplanActionException.Reason.FAILED);
    }

    private Map<String, String> fetchDumps(ActionType type, String actionId, TaskStatus status) {
        Map<String, String> dumps = new LinkedHashMap<>();
        try {
            if (type == ActionType.PROCESS) {
                for (TaskResult nested : status.result().nestedResults()) {
                    if (nested.isFailureDumpAvailable() && nested.objectId() != null) {
                        dumps.put(nested.objectId(),
                                dumpText(tasks.dumpPath(type, actionId, status.taskId(), nested.objectId())));
                    }
                }
            } else {
                dumps.put(actionId, dumpText(tasks.dumpPath(type, actionId, status.taskId(), null)));
            }
        } catch (AnaplanException | IOException e) {
            LOG.warn("Could not fetch the failure dump of {} {} task {}: {}", type.label(), actionId, status.taskId(),
                    e.getMessage());
        }
        return dumps;
    }

    private String dumpText(ApiPath url) throws IOException {
        try (InputStream in = client.openChunked(url, 1)) {
            return headOf(in, DUMP_TEXT_LIMIT);
        }
    }

    /** At most {@code limit} bytes of the stream as text, cut after the last whole line when the stream is longer. */
    static String headOf(InputStream in, int limit) throws IOException {
        byte[] head = in.readNBytes(limit + 1);
        int length = head.length;
        if (length > limit) {
            length = limit;
            while (length > 0 && head[length - 1] != '\n') {
                length--;
            }
            if (length == 0) {
                length = limit; // one line longer than the limit: its start is still worth reading
            }
        }
        return new String(head, 0, length, StandardCharsets.UTF_8);
    }

    /** The {@code _Error_1_} column of the first data row of a dump. */
    static String firstRowError(String dump) {
        String[] lines = dump.split("\r?\n", 3);
        if (lines.length < 2) {
            return null;
        }
        List<String> header = Csv.parseLine(lines[0]);
        List<String> row = Csv.parseLine(lines[1]);
        int column = header.indexOf("_Error_1_");
        return column >= 0 && column < row.size() ? row.get(column) : null;
    }
}
