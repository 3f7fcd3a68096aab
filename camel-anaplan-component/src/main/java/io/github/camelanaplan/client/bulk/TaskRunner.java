package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.task.StartedTasks;
import io.github.camelanaplan.client.task.TaskOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.bulk.RowCounts;
import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Anaplan tasks exactly once, waits for them with adaptive polling, cancels them on timeout, and turns
 * unsuccessful results into {@link AnaplanActionException}s carrying the failure dumps.
 */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final long MIN_POLL_MILLIS = 200;

    private final RetryingCaller transport;
    private final AnaplanClient client;
    private final String modelUrl;

    TaskRunner(RetryingCaller transport, AnaplanClient client, String modelUrl) {
        this.transport = transport;
        this.client = client;
        this.modelUrl = modelUrl;
    }

    String actionUrl(ActionType type, String actionId) {
        return modelUrl + "/" + type.collection() + "/" + actionId;
    }

    /**
     * Starts a task. When the start's outcome is unknown (reset, timeout, gateway error), the task list tells whether
     * the task was created: if so that task is ours, otherwise the start is sent again. One call starts one task.
     */
    String start(ActionType type, String actionId, TaskOptions options) {
        String tasksUrl = actionUrl(type, actionId) + "/tasks";
        Set<String> before = taskIds(tasksUrl);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("localeName", options.locale());
        if (!options.mappingParameters().isEmpty()) {
            body.put("mappingParameters", options.mappingParameters());
        }
        ApiCall call = new ApiCall("start " + type.label() + " " + actionId, "POST", tasksUrl,
                Map.of("Accept", "application/json"), () -> Json.entity(body), RequestKind.TASK_START, true);
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                JsonNode node = transport.execute(call, Json.tree());
                String taskId = node.path("task").path("taskId").asText(node.path("taskId").asText(null));
                if (taskId == null || taskId.isEmpty()) {
                    throw new AnaplanException(call.step() + ": the answer holds no taskId");
                }
                transport.stats().taskStarted();
                return taskId;
            } catch (UnknownOutcomeException unknown) {
                Set<String> after = StartedTasks.since(before, () -> taskIds(tasksUrl), unknown, client.callOptions().timeout());
                if (after.size() == 1) {
                    String taskId = after.iterator().next();
                    LOG.info("{}: outcome unknown ({}), but the task list shows it started as task {}", call.step(),
                            unknown.getMessage(), taskId);
                    transport.stats().taskStarted();
                    return taskId;
                }
                if (after.size() > 1) {
                    throw new AnaplanException(call.step() + ": outcome unknown and " + after.size()
                                               + " new tasks appeared meanwhile (another client is running it too): "
                                               + after, unknown);
                }
                if (attempts > 3) {
                    throw unknown;
                }
                LOG.info("{}: outcome unknown ({}); the task list shows no new task, starting again", call.step(),
                        unknown.getMessage());
            }
        }
    }

    private Set<String> taskIds(String tasksUrl) {
        Set<String> ids = new HashSet<>();
        for (JsonNode task : client.listAll(tasksUrl, "tasks", "list tasks")) {
            ids.add(task.path("taskId").asText());
        }
        return ids;
    }

    TaskStatus status(ActionType type, String actionId, String taskId) {
        JsonNode node = transport.execute(
                ApiCall.get("task status of " + type.label() + " " + actionId, actionUrl(type, actionId) + "/tasks/" + taskId),
                Json.tree());
        TaskStatus status = Json.convert(node.path("task"), TaskStatus.class);
        if (status == null) {
            throw new AnaplanException("task status of " + type.label() + " " + actionId + ": the answer holds no task");
        }
        return status;
    }

    TaskStatus cancel(ActionType type, String actionId, String taskId) {
        JsonNode node = transport.execute(
                ApiCall.delete("cancel " + type.label() + " task " + taskId, actionUrl(type, actionId) + "/tasks/" + taskId),
                (status, contentType, body) -> {
                    byte[] bytes = body.readAllBytes();
                    return bytes.length == 0 ? null : Json.parse(new ByteArrayInputStream(bytes));
                });
        TaskStatus status = node == null ? null : Json.convert(node.path("task"), TaskStatus.class);
        return status != null ? status : new TaskStatus(taskId, TaskState.CANCELLING, null, null, null, null);
    }

    /**
     * Starts a task and polls until it is terminal. The task is known to the client before it starts, so closing the
     * client at any moment cancels it. The next poll comes when the reported progress says the task should be done
     * (so short tasks are seen finishing quickly), otherwise the delay grows from pollDelay to maxPollDelay.
     */
    TaskStatus startAndAwait(ActionType type, String actionId, TaskOptions options) {
        AnaplanClient.ActiveTask active = client.register();
        transport.stats().tasksRunningCounter().incrementAndGet();
        try {
            String taskId = start(type, actionId, options);
            active.started(() -> cancel(type, actionId, taskId));
            long startNanos = System.nanoTime();
            long delay = options.pollDelay().toMillis();
            long maxDelay = Math.max(delay, options.maxPollDelay().toMillis());
            while (true) {
                long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
                long wait = delay;
                if (options.taskTimeout() != null) {
                    long left = options.taskTimeout().toMillis() - elapsed;
                    if (left <= 0) {
                        return timedOut(type, actionId, taskId, options);
                    }
                    wait = Math.min(wait, left);
                }
                active.sleep(wait);
                if (active.cancelledByShutdown()) {
                    throw new AnaplanActionException(type.label() + " " + actionId + " task " + taskId
                                                     + " was cancelled: the client is shutting down", null, null);
                }
                TaskStatus status = status(type, actionId, taskId);
                if (status.taskState().isTerminal()) {
                    return status;
                }
                delay = nextDelay(status, delay, maxDelay, (System.nanoTime() - startNanos) / 1_000_000);
            }
        } finally {
            transport.stats().tasksRunningCounter().decrementAndGet();
            client.unregister(active);
        }
    }

    static long nextDelay(TaskStatus status, long delay, long maxDelay, long elapsedMillis) {
        Double progress = status.progress();
        if (status.taskState() == TaskState.IN_PROGRESS && progress != null && progress > 0.0 && progress < 1.0) {
            long remaining = (long) (elapsedMillis * (1.0 - progress) / progress);
            return Math.max(MIN_POLL_MILLIS, Math.min(maxDelay, remaining + 50));
        }
        return Math.min(maxDelay, Math.max(MIN_POLL_MILLIS, delay * 3 / 2));
    }

    private TaskStatus timedOut(ActionType type, String actionId, String taskId, TaskOptions options) {
        TaskStatus last = null;
        if (options.cancelOnTimeout()) {
            try {
                last = cancel(type, actionId, taskId);
            } catch (AnaplanException e) {
                LOG.warn("Could not cancel timed-out task {}: {}", taskId, e.getMessage());
            }
        }
        throw new AnaplanActionException(type.label() + " " + actionId + " task " + taskId + " timed out after "
                                         + options.taskTimeout() + (options.cancelOnTimeout() ? " and was cancelled" : ""),
                last, null);
    }

    /** Raises the failure of an unsuccessful, cancelled or (with failOnWarnings) partly rejected task. */
    void check(ActionType type, String actionId, TaskStatus status, TaskOptions options) {
        String what = type.label() + " " + actionId + " (task " + status.taskId() + ")";
        if (status.taskState() == TaskState.CANCELLED) {
            throw new AnaplanActionException(what + " was cancelled", status, null);
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
        String firstError = dumps.values().stream().map(TaskRunner::firstRowError).filter(e -> e != null).findFirst()
                .orElse(null);
        if (firstError != null) {
            message.append("; first rejected row: ").append(firstError);
        } else if (result != null && !result.details().isEmpty() && result.details().get(0).localMessageText() != null) {
            message.append("; ").append(result.details().get(0).localMessageText().trim());
        }
        throw new AnaplanActionException(message.toString(), status, dumps);
    }

    private Map<String, String> fetchDumps(ActionType type, String actionId, TaskStatus status) {
        Map<String, String> dumps = new LinkedHashMap<>();
        try {
            if (type == ActionType.PROCESS) {
                for (TaskResult nested : status.result().nestedResults()) {
                    if (nested.isFailureDumpAvailable() && nested.objectId() != null) {
                        dumps.put(nested.objectId(), dumpText(dumpUrl(type, actionId, status.taskId(), nested.objectId())));
                    }
                }
            } else {
                dumps.put(actionId, dumpText(dumpUrl(type, actionId, status.taskId(), null)));
            }
        } catch (AnaplanException | IOException e) {
            LOG.warn("Could not fetch the failure dump of {} {} task {}: {}", type.label(), actionId, status.taskId(),
                    e.getMessage());
        }
        return dumps;
    }

    /** The dump's base URL: {@code …/tasks/{t}/dump} for an import, {@code …/tasks/{t}/dumps/{objectId}} for a process. */
    String dumpUrl(ActionType type, String actionId, String taskId, String objectId) {
        String task = actionUrl(type, actionId) + "/tasks/" + taskId;
        return objectId == null || objectId.equals(actionId) ? task + "/dump" : task + "/dumps/" + objectId;
    }

    private String dumpText(String url) throws IOException {
        try (InputStream in = client.openChunked(url, 1)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
