package io.github.camelanaplan.component;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelanaplan.client.ActionType;

/**
 * The operations of the {@code anaplan:} endpoint. The URI name is what a route writes after {@code anaplan:}.
 */
public enum AnaplanOperation {
    UPLOAD("upload", Needs.FILE),
    DOWNLOAD("download", Needs.FILE),
    IMPORT("import", Needs.ACTION, ActionType.IMPORT),
    EXPORT("export", Needs.ACTION, ActionType.EXPORT),
    PROCESS("process", Needs.ACTION, ActionType.PROCESS),
    ACTION("action", Needs.ACTION, ActionType.ACTION),
    RUN("run", Needs.ACTION),
    INVOKE("invoke", Needs.ACTION),
    TASK_STATUS("taskStatus", Needs.TASK),
    CANCEL("cancel", Needs.TASK),
    DUMP("dump", Needs.TASK),
    DELETE_FILE("deleteFile", Needs.FILE),
    WORKSPACES("workspaces", Needs.NOTHING),
    MODELS("models", Needs.NOTHING),
    FILES("files", Needs.MODEL),
    IMPORTS("imports", Needs.MODEL),
    EXPORTS("exports", Needs.MODEL),
    PROCESSES("processes", Needs.MODEL),
    ACTIONS("actions", Needs.MODEL),
    IMPORT_METADATA("importMetadata", Needs.ACTION, ActionType.IMPORT),
    EXPORT_METADATA("exportMetadata", Needs.ACTION, ActionType.EXPORT),
    PROCESS_METADATA("processMetadata", Needs.ACTION, ActionType.PROCESS),
    MODEL_STATUS("modelStatus", Needs.MODEL_ONLY),
    OPEN_MODEL("openModel", Needs.MODEL_ONLY),
    CLOSE_MODEL("closeModel", Needs.MODEL_ONLY);

    /** The ids an operation cannot run without. */
    enum Needs {
        NOTHING,
        MODEL_ONLY,
        MODEL,
        FILE,
        ACTION,
        TASK
    }

    private final String uriName;
    private final Needs needs;
    private final ActionType actionType;

    AnaplanOperation(String uriName, Needs needs) {
        this(uriName, needs, null);
    }

    AnaplanOperation(String uriName, Needs needs, ActionType actionType) {
        this.uriName = uriName;
        this.needs = needs;
        this.actionType = actionType;
    }

    public String uriName() {
        return uriName;
    }

    Needs needs() {
        return needs;
    }

    /** The one action type this operation accepts, or null when any (run, invoke, taskStatus...). */
    public ActionType actionType() {
        return actionType;
    }

    /** The operation named in a URI, or IllegalArgumentException listing the valid names. */
    public static AnaplanOperation fromUri(String name) {
        for (AnaplanOperation operation : values()) {
            if (operation.uriName.equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown Anaplan operation '" + name + "'; valid operations: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(AnaplanOperation::uriName).collect(Collectors.joining(", "));
    }
}
