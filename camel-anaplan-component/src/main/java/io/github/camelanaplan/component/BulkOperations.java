package io.github.camelanaplan.component;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.Charset;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.bulk.ModelClient;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.transfer.UploadResult;
import io.github.camelanaplan.client.transfer.UploadSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/** The Integration API (bulk) operations: files, actions and their tasks, workspaces and models. */
final class BulkOperations extends OperationSupport {

    BulkOperations(AnaplanEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Runnable prepare(Exchange exchange, AnaplanOperation operation) {
        AnaplanConfiguration c = endpoint.getConfiguration();
        Message in = exchange.getMessage();
        AnaplanClient client = endpoint.client();
        switch (operation) {
            case WORKSPACES:
                return () -> in.setBody(client.workspaces());
            case MODELS:
                String ws = optional(in, AnaplanConstants.WORKSPACE_ID, c.getWorkspaceId());
                return () -> in.setBody(client.models(ws));
            case MODEL_STATUS:
            case OPEN_MODEL:
            case CLOSE_MODEL:
                return modelOperation(operation, in, client, require(in, AnaplanConstants.MODEL_ID, c.getModelId(), "modelId", operation));
            default:
                break;
        }
        ModelClient model = client.model(require(in, AnaplanConstants.WORKSPACE_ID, c.getWorkspaceId(), "workspaceId", operation),
                require(in, AnaplanConstants.MODEL_ID, c.getModelId(), "modelId", operation));
        switch (operation) {
            case FILES:
                return () -> in.setBody(model.files());
            case IMPORTS:
                return () -> in.setBody(model.imports());
            case EXPORTS:
                return () -> in.setBody(model.exports());
            case PROCESSES:
                return () -> in.setBody(model.processes());
            case ACTIONS:
                return () -> in.setBody(model.actions());
            case UPLOAD: {
                String fileId = require(in, AnaplanConstants.FILE_ID, c.getFileId(), "fileId", operation);
                Object body = uploadBody(in, operation);
                return () -> {
                    UploadResult result = model.upload(fileId, body, charset(), endpoint.uploadOptions(), c.isAllowFileCreation());
                    in.setHeader(AnaplanConstants.CHUNK_COUNT, result.chunkCount());
                    in.setBody(result.file());
                };
            }
            case DOWNLOAD: {
                String fileId = require(in, AnaplanConstants.FILE_ID, c.getFileId(), "fileId", operation);
                return () -> setContent(in, model.download(fileId, c.getDownloadPrefetch()));
            }
            case DELETE_FILE: {
                String fileId = require(in, AnaplanConstants.FILE_ID, c.getFileId(), "fileId", operation);
                return () -> {
                    model.deleteFile(fileId);
                    in.setBody(null);
                };
            }
            case IMPORT_METADATA:
                return metadata(in, model, operation, model::importMetadata);
            case EXPORT_METADATA:
                return metadata(in, model, operation, model::exportMetadata);
            case PROCESS_METADATA:
                return metadata(in, model, operation, model::processMetadata);
            case IMPORT:
            case PROCESS:
            case ACTION:
            case RUN:
            case EXPORT:
                return run(in, model, operation);
            case INVOKE: {
                String actionId = actionId(in, operation);
                TaskOptions options = taskOptions(in, mappingParameters(in));
                return () -> {
                    String taskId = model.startTask(ActionType.ofId(actionId), actionId, options);
                    in.setHeader(AnaplanConstants.TASK_ID, taskId);
                    in.setBody(taskId);
                };
            }
            case SOLUTION_LOGS: {
                String actionId = actionId(in, operation);
                String taskId = require(in, AnaplanConstants.TASK_ID, c.getTaskId(), "taskId", operation);
                return () -> in.setBody(model.solutionLogs(actionId, taskId));
            }
            case TASK_STATUS:
            case CANCEL:
            case DUMP: {
                String actionId = actionId(in, operation);
                String taskId = require(in, AnaplanConstants.TASK_ID, c.getTaskId(), "taskId", operation);
                ActionType type = ActionType.ofId(actionId);
                if (operation == AnaplanOperation.DUMP) {
                    String objectId = optional(in, AnaplanConstants.OBJECT_ID, c.getObjectId());
                    return () -> setContent(in, model.dump(type, actionId, taskId, objectId));
                }
                return () -> {
                    TaskStatus status = operation == AnaplanOperation.CANCEL ? model.cancelTask(type, actionId, taskId)
                            : model.taskStatus(type, actionId, taskId);
                    setTaskHeaders(in, status);
                    in.setBody(status);
                };
            }
            default:
                throw new IllegalStateException("Operation " + operation.uriName() + " is not handled");
        }
    }

    private Runnable run(Message in, ModelClient model, AnaplanOperation operation) {
        AnaplanConfiguration c = endpoint.getConfiguration();
        String actionId = actionId(in, operation);
        ActionType type = ActionType.ofId(actionId);
        TaskOptions options = taskOptions(in, mappingParameters(in));
        String fileId = optional(in, AnaplanConstants.FILE_ID, c.getFileId());
        boolean uploadFirst = (type == ActionType.IMPORT || type == ActionType.PROCESS)
                              && (fileId != null || type == ActionType.IMPORT && in.getBody() != null);
        Object body = uploadFirst ? uploadBody(in, operation) : null;
        if (uploadFirst) {
            requireNotEmpty(body, operation);
        }
        return () -> {
            ModelClient.PendingUpload upload = null;
            if (uploadFirst) {
                String target = fileId != null ? fileId : model.importDataSource(actionId);
                if (target == null) {
                    throw new IllegalArgumentException("import " + actionId + " does not read a file; set fileId or "
                                                       + "send no body");
                }
                upload = new ModelClient.PendingUpload(target, body, charset(), endpoint.uploadOptions(), c.isAllowFileCreation());
            }
            ModelClient.TaskRun run;
            try {
                run = model.run(type, actionId, options, upload);
            } catch (AnaplanActionException e) {
                if (e.getTaskStatus() != null) {
                    setTaskHeaders(in, e.getTaskStatus());
                }
                throw e;
            }
            setTaskHeaders(in, run.status());
            if (type == ActionType.EXPORT) {
                setContent(in, model.download(actionId, c.getDownloadPrefetch()));
            } else {
                if (run.upload() != null) {
                    in.setHeader(AnaplanConstants.CHUNK_COUNT, run.upload().chunkCount());
                }
                in.setBody(run.status().result());
            }
        };
    }

    private Runnable modelOperation(AnaplanOperation operation, Message in, AnaplanClient client, String modelId) {
        switch (operation) {
            case MODEL_STATUS:
                return () -> in.setBody(client.modelStatus(modelId));
            case OPEN_MODEL:
                return () -> {
                    client.openModel(modelId);
                    in.setBody(null);
                };
            default:
                return () -> {
                    client.closeModel(modelId);
                    in.setBody(null);
                };
        }
    }

    private Runnable metadata(Message in, ModelClient model, AnaplanOperation operation,
                              java.util.function.Function<String, Object> read) {
        String actionId = actionId(in, operation);
        return () -> in.setBody(read.apply(actionId));
    }

    private String actionId(Message in, AnaplanOperation operation) {
        String actionId = require(in, AnaplanConstants.ACTION_ID, endpoint.getConfiguration().getActionId(), "actionId",
                operation);
        ActionType type = ActionType.ofId(actionId);
        if (type == null || operation.actionType() != null && operation.actionType() != type) {
            throw new IllegalArgumentException("actionId " + actionId + " does not fit operation " + operation.uriName()
                                               + (operation.actionType() == null ? ""
                                                       : " (needs a " + operation.actionType().idPrefix() + "... id)"));
        }
        return actionId;
    }

    private String mappingParameters(Message in) {
        return optional(in, AnaplanConstants.MAPPING_PARAMETERS, endpoint.getConfiguration().getMappingParameters());
    }

    private Charset charset() {
        return Charset.forName(endpoint.getConfiguration().getCharset());
    }

    /** The body to upload: files from file-like consumers as files (known length), everything else as is. */
    private static Object uploadBody(Message in, AnaplanOperation operation) {
        Object body = in.getBody();
        if (body instanceof WrappedFile) {
            Object file = ((WrappedFile<?>) body).getFile();
            body = file instanceof File ? file : in.getBody(InputStream.class);
        }
        if (body == null) {
            throw new IllegalArgumentException(operation.uriName() + " needs a message body to upload (byte[], String, "
                                               + "InputStream, File, Path, Reader, or an Iterator/Iterable of chunks)");
        }
        UploadSource.requireSupported(body); // here, before the file's chunk count is reset on the server
        return body;
    }

    private static void requireNotEmpty(Object body, AnaplanOperation operation) {
        long length = body instanceof byte[] ? ((byte[]) body).length
                : body instanceof String ? ((String) body).length()
                : body instanceof File ? ((File) body).length() : -1;
        if (length == 0) {
            throw new IllegalArgumentException(operation.uriName() + ": the message body is empty (0 bytes); refusing to "
                                               + "run the " + operation.uriName() + " on an empty file");
        }
    }
}
