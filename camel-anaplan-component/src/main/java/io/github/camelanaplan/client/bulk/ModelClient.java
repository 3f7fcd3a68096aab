package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientListener;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.task.TaskOptions;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.bulk.Action;
import io.github.camelanaplan.client.bulk.AnaplanFile;
import io.github.camelanaplan.client.bulk.Export;
import io.github.camelanaplan.client.bulk.ExportMetadata;
import io.github.camelanaplan.client.bulk.Import;
import io.github.camelanaplan.client.bulk.ImportMetadata;
import io.github.camelanaplan.client.bulk.Process;
import io.github.camelanaplan.client.bulk.ProcessMetadata;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.transfer.ChunkedInputStream;
import io.github.camelanaplan.client.transfer.FileUploader;
import io.github.camelanaplan.client.transfer.UploadOptions;
import io.github.camelanaplan.client.transfer.UploadResult;
import io.github.camelanaplan.client.transfer.UploadSource;

/**
 * The Integration API (bulk) operations of one model: files, uploads and downloads, actions and their tasks.
 * <p>
 * Task runs of one model are serialised inside this JVM (Anaplan runs one task per model at a time), and an upload
 * followed by an import holds the model for both steps, so no other exchange overwrites the file in between.
 */
public final class ModelClient {

    private static final Map<String, ReentrantLock> MODEL_LOCKS = new ConcurrentHashMap<>();
    private static final Map<String, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String workspaceId;
    private final String modelId;
    private final String modelUrl;
    private final TaskRunner tasks;

    public ModelClient(AnaplanClient client, String workspaceId, String modelId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalArgumentException("workspaceId is required");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        this.client = client;
        this.transport = client.caller();
        this.workspaceId = workspaceId;
        this.modelId = modelId;
        this.modelUrl = client.settings().apiUrl() + "/workspaces/" + workspaceId + "/models/" + modelId;
        this.tasks = new TaskRunner(transport, client, modelUrl);
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String modelId() {
        return modelId;
    }

    public List<AnaplanFile> files() {
        return list("files", AnaplanFile.class);
    }

    public List<Import> imports() {
        return list("imports", Import.class);
    }

    public List<Export> exports() {
        return list("exports", Export.class);
    }

    public List<Process> processes() {
        return list("processes", Process.class);
    }

    public List<Action> actions() {
        return list("actions", Action.class);
    }

    private <T> List<T> list(String collection, Class<T> type) {
        return AnaplanClient.convertAll(client.listAll(modelUrl + "/" + collection, collection, "list " + collection), type);
    }

    public ImportMetadata importMetadata(String importId) {
        return metadata(ActionType.IMPORT, importId, "importMetadata", ImportMetadata.class);
    }

    public ExportMetadata exportMetadata(String exportId) {
        return metadata(ActionType.EXPORT, exportId, "exportMetadata", ExportMetadata.class);
    }

    public ProcessMetadata processMetadata(String processId) {
        return metadata(ActionType.PROCESS, processId, "processMetadata", ProcessMetadata.class);
    }

    private <T> T metadata(ActionType type, String id, String key, Class<T> resultType) {
        String url = tasks.actionUrl(type, id) + (type == ActionType.PROCESS ? "?showImportDataSource=true" : "");
        JsonNode node = transport.execute(ApiCall.get(type.label() + " metadata of " + id, url), Json.tree());
        return Json.convert(node.path(key), resultType);
    }

    /**
     * Uploads a body into a server file.
     *
     * @param allowFileCreation when false, refuses an id that is not an existing file of the model
     */
    public UploadResult upload(String fileId, Object body, Charset charset, UploadOptions options, boolean allowFileCreation) {
        UploadSource source = UploadSource.of(body, charset); // refuses unsupported bodies before anything is sent
        if (!allowFileCreation) {
            try {
                requireExistingFile(fileId);
            } catch (RuntimeException e) {
                closeQuietly(source);
                throw e;
            }
        }
        ReentrantLock fileLock = FILE_LOCKS.computeIfAbsent(modelId + "/" + fileId, k -> new ReentrantLock(true));
        fileLock.lock();
        long startNanos = System.nanoTime();
        try {
            UploadResult result = new FileUploader(transport, client.executor()).upload(modelUrl + "/files", fileId,
                    source, options);
            long nanos = System.nanoTime() - startNanos;
            client.fire(l -> l.uploadFinished(modelId, fileId, result, nanos));
            return result;
        } catch (RuntimeException e) {
            long nanos = System.nanoTime() - startNanos;
            client.fire(l -> l.uploadFailed(modelId, fileId, e, nanos));
            throw e;
        } finally {
            fileLock.unlock();
        }
    }

    private void requireExistingFile(String fileId) {
        Set<String> knownFiles = client.knownFiles(modelId);
        if (knownFiles.contains(fileId)) {
            return;
        }
        List<AnaplanFile> files = files();
        files.forEach(f -> knownFiles.add(f.id()));
        if (!knownFiles.contains(fileId)) {
            throw new IllegalArgumentException("fileId " + fileId + " is not a file of model " + modelId
                                               + " (allowFileCreation=false); files: "
                                               + files.stream().map(f -> f.id() + " " + f.name()).collect(Collectors.joining(", ")));
        }
    }

    private static void closeQuietly(UploadSource source) {
        try {
            source.close();
        } catch (java.io.IOException e) {
            // the upload never started: nothing to report beyond the original failure
        }
    }

    /** The data source file of an import (113…), or null when the import reads from a model. */
    public String importDataSource(String importId) {
        for (Import imp : imports()) {
            if (imp.id().equals(importId)) {
                String source = imp.importDataSourceId();
                return source != null && source.startsWith("113") ? source : null;
            }
        }
        throw new IllegalArgumentException("actionId " + importId + " is not an import of model " + modelId);
    }

    /** A lazy stream of a file's content, chunk by chunk, prefetching up to {@code prefetch} chunks. */
    public ChunkedInputStream download(String fileId, int prefetch) {
        return client.openChunked(modelUrl + "/files/" + fileId, prefetch);
    }

    public void deleteFile(String fileId) {
        transport.execute(ApiCall.delete("delete file " + fileId, modelUrl + "/files/" + fileId), Json.discard());
    }

    /** Starts a task and returns its id without waiting. */
    public String startTask(ActionType type, String actionId, TaskOptions options) {
        ReentrantLock lock = modelLock();
        lock.lock();
        try {
            return tasks.start(type, actionId, options);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs an action and waits for its end; optionally uploads its file first (upload + import as one unit).
     *
     * @throws AnaplanActionException when the task fails, is cancelled or times out
     */
    public TaskRun run(ActionType type, String actionId, TaskOptions options, PendingUpload upload) {
        ReentrantLock lock = modelLock();
        lock.lock();
        try {
            UploadResult uploaded = upload == null ? null
                    : upload(upload.fileId(), upload.body(), upload.charset(), upload.options(), upload.allowFileCreation());
            long startNanos = System.nanoTime();
            TaskStatus status = null;
            try {
                status = tasks.startAndAwait(type, actionId, options);
                tasks.check(type, actionId, status, options);
            } catch (RuntimeException e) {
                TaskStatus last = status != null ? status
                        : e instanceof AnaplanActionException action ? action.getTaskStatus() : null;
                taskFinished(type, actionId, outcome(last, options, startNanos, e), last, startNanos);
                throw e;
            }
            taskFinished(type, actionId, ClientListener.TaskOutcome.SUCCESS, status, startNanos);
            return new TaskRun(status, uploaded);
        } finally {
            lock.unlock();
        }
    }

    public TaskStatus taskStatus(ActionType type, String actionId, String taskId) {
        return tasks.status(type, actionId, taskId);
    }

    public TaskStatus cancelTask(ActionType type, String actionId, String taskId) {
        return tasks.cancel(type, actionId, taskId);
    }

    /** A task's failure dump: the import's own, or a nested action's ({@code objectId}) for a process. */
    public InputStream dump(ActionType type, String actionId, String taskId, String objectId) {
        return client.openChunked(tasks.dumpUrl(type, actionId, taskId, objectId), 1);
    }

    /**
     * The solver log of an optimizer action (117…) run by a process task: {@code taskId} is that process task's id.
     * Needs a Workspace Administrator login.
     */
    public String solutionLogs(String optimizerActionId, String processTaskId) {
        String url = modelUrl + "/optimizeActions/" + optimizerActionId + "/tasks/" + processTaskId + "/solutionLogs";
        return transport.execute(ApiCall.get("solution logs of " + optimizerActionId, url).withHeader("Accept", "text/plain"),
                (status, contentType, body) -> new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private void taskFinished(ActionType type, String actionId, ClientListener.TaskOutcome outcome, TaskStatus status,
                              long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        client.fire(l -> l.taskFinished(modelId, type, actionId, outcome, status, nanos));
    }

    private static ClientListener.TaskOutcome outcome(TaskStatus last, TaskOptions options, long startNanos,
                                                      RuntimeException failure) {
        if (last != null && last.taskState() == TaskState.CANCELLED) {
            return ClientListener.TaskOutcome.CANCELLED;
        }
        if (last != null && last.taskState() == TaskState.COMPLETE) {
            return ClientListener.TaskOutcome.FAILED;
        }
        if (options.taskTimeout() != null && failure instanceof AnaplanActionException
            && System.nanoTime() - startNanos >= options.taskTimeout().toNanos()) {
            return ClientListener.TaskOutcome.TIMED_OUT;
        }
        // the client shutting down cancels the tasks still being waited on
        return failure instanceof AnaplanActionException && failure.getMessage() != null
               && failure.getMessage().contains("shutting down") ? ClientListener.TaskOutcome.CANCELLED
                : ClientListener.TaskOutcome.ERROR;
    }

    private ReentrantLock modelLock() {
        return MODEL_LOCKS.computeIfAbsent(modelId, k -> new ReentrantLock(true));
    }

    /** An upload to run before a task, under the same model lock. */
    public record PendingUpload(String fileId, Object body, Charset charset, UploadOptions options,
                                boolean allowFileCreation) {
    }

    /** A finished task, and the upload that preceded it if any. */
    public record TaskRun(TaskStatus status, UploadResult upload) {
    }
}
