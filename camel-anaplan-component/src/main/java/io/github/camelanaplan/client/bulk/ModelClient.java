package io.github.camelanaplan.client.bulk;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientListener;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.task.ModelLocks;
import io.github.camelanaplan.client.task.TaskOptions;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * Task runs of one model are serialised within one client (its {@link ModelLocks}) (Anaplan runs one task per model at a time), and an upload
 * followed by an import holds the model for both steps, so no other exchange overwrites the file in between.
 */
public final class ModelClient {

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final String workspaceId;
    private final String modelId;
    private final ApiPath modelPath;
    private final ActionTasks tasks;
    private final TaskFailure failures;

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
        this.modelPath = client.api().then("workspaces", workspaceId, "models", modelId);
        this.tasks = new ActionTasks(transport, client, modelPath);
        this.failures = new TaskFailure(client, tasks);
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
        return client.listAll(ApiRequest.get(modelPath.then(collection)).step("list " + collection).build(), collection,
                type);
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
        ApiRequest request = ApiRequest.get(tasks.actionPath(type, id))
                .query("showImportDataSource", type == ActionType.PROCESS ? "true" : null)
                .step(type.label() + " metadata of " + id).build();
        JsonAnswer answer = transport.execute(request, Json.answer(request));
        T metadata = answer.read(key, resultType);
        if (metadata == null) {
            throw answer.violation(key, "is missing");
        }
        return metadata;
    }

    /**
     * Uploads a body into a server file.
     *
     * @param allowFileCreation when false, refuses an id that is not an existing file of the model
     */
    public UploadResult upload(String fileId, Object body, Charset charset, UploadOptions options, boolean allowFileCreation) {
        UploadSource source = UploadSource.of(body, charset); // refuses unsupported bodies before anything is sent
        Runnable fileCheck = allowFileCreation ? () -> { } : () -> requireExistingFile(fileId);
        try (ModelLocks.Held fileLock = client.modelLocks().file(modelId, fileId)) {
            long startNanos = System.nanoTime();
            try {
                // the check runs before anything is declared or sent (while a file's first chunk compresses)
                UploadResult result = new FileUploader(transport, client.executor(), client.transferBuffers()).upload(modelPath.then("files"), fileId,
                        source, options, fileCheck);
                long nanos = System.nanoTime() - startNanos;
                client.fire(l -> l.uploadFinished(modelId, fileId, result, nanos));
                return result;
            } catch (RuntimeException e) {
                long nanos = System.nanoTime() - startNanos;
                client.fire(l -> l.uploadFailed(modelId, fileId, e, nanos));
                throw e;
            }
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

    /**
     * A lazy stream of a file's content, chunk by chunk, prefetching up to {@code prefetch} chunks. The file's
     * {@code chunkCount} in the listing is checked against its chunk list first, so a short list cannot pass for
     * the whole file.
     */
    public ChunkedInputStream download(String fileId, int prefetch) {
        Integer claimedChunks = files().stream().filter(f -> fileId.equals(f.id())).map(AnaplanFile::chunkCount)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return client.openChunked(modelPath.then("files", fileId), prefetch, claimedChunks);
    }

    public void deleteFile(String fileId) {
        transport.execute(ApiRequest.delete(modelPath.then("files", fileId)).step("delete file " + fileId).build(),
                Json.discard());
    }

    /** Starts a task and returns its id without waiting. */
    public String startTask(ActionType type, String actionId, TaskOptions options) {
        try (ModelLocks.Held modelLock = client.modelLocks().model(modelId)) {
            return tasks.start(type, actionId, options);
        }
    }

    /**
     * Runs an action and waits for its end; optionally uploads its file first (upload + import as one unit).
     *
     * @throws AnaplanActionException when the task fails, is cancelled or times out
     */
    public TaskRun run(ActionType type, String actionId, TaskOptions options, PendingUpload upload) {
        try (ModelLocks.Held modelLock = client.modelLocks().model(modelId);
             // held until the task ends, so no other upload to this file replaces it while the import reads it
             ModelLocks.Held fileLock = upload == null ? null : client.modelLocks().file(modelId, upload.fileId())) {
            UploadResult uploaded = upload == null ? null
                    : upload(upload.fileId(), upload.body(), upload.charset(), upload.options(), upload.allowFileCreation());
            long startNanos = System.nanoTime();
            TaskStatus status = null;
            try {
                status = tasks.startAndAwait(type, actionId, options);
                failures.check(type, actionId, status, options);
            } catch (RuntimeException e) {
                TaskStatus last = status != null ? status
                        : e instanceof AnaplanActionException action ? action.getTaskStatus() : null;
                taskFinished(type, actionId, outcome(e), last, startNanos);
                throw e;
            }
            taskFinished(type, actionId, ClientListener.TaskOutcome.SUCCESS, status, startNanos);
            return new TaskRun(status, uploaded);
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
        return client.openChunked(tasks.dumpPath(type, actionId, taskId, objectId), 1);
    }

    /**
     * The solver log of an optimizer action (117…) run by a process task: {@code taskId} is that process task's id.
     * Needs a Workspace Administrator login.
     */
    public String solutionLogs(String optimizerActionId, String processTaskId) {
        ApiRequest request = ApiRequest.get(modelPath.then("optimizeActions", optimizerActionId, "tasks", processTaskId,
                "solutionLogs")).accept("text/plain").step("solution logs of " + optimizerActionId).build();
        return transport.execute(request,
                (status, contentType, body) -> new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private void taskFinished(ActionType type, String actionId, ClientListener.TaskOutcome outcome, TaskStatus status,
                              long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        client.fire(l -> l.taskFinished(modelId, type, actionId, outcome, status, nanos));
    }

    /** How a failed run ended, as the exception says (never its wording). */
    static ClientListener.TaskOutcome outcome(RuntimeException failure) {
        if (!(failure instanceof AnaplanActionException action)) {
            return ClientListener.TaskOutcome.ERROR; // no end state seen: the start or a status poll failed
        }
        switch (action.getReason()) {
            case CANCELLED:
            case SHUTDOWN: // the client shutting down cancels the tasks still being waited on
                return ClientListener.TaskOutcome.CANCELLED;
            case TIMED_OUT:
                return ClientListener.TaskOutcome.TIMED_OUT;
            case FAILED:
            case REJECTED_ROWS:
            default:
                return ClientListener.TaskOutcome.FAILED;
        }
    }

    /** An upload to run before a task, under the same model lock. */
    public record PendingUpload(String fileId, Object body, Charset charset, UploadOptions options,
                                boolean allowFileCreation) {
    }

    /** A finished task, and the upload that preceded it if any. */
    public record TaskRun(TaskStatus status, UploadResult upload) {
    }
}
