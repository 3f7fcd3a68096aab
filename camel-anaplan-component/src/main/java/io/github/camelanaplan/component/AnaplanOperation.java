package io.github.camelanaplan.component;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelanaplan.client.bulk.ActionType;

/**
 * The operations of the {@code anaplan:} endpoint. The URI name is what a route writes after {@code anaplan:};
 * operations of the other Anaplan APIs carry the API's name before a slash ({@code alm/sync}).
 */
public enum AnaplanOperation {
    UPLOAD("upload"),
    DOWNLOAD("download"),
    IMPORT("import", ActionType.IMPORT),
    EXPORT("export", ActionType.EXPORT, Family.BULK, true),
    PROCESS("process", ActionType.PROCESS),
    ACTION("action", ActionType.ACTION),
    RUN("run"),
    INVOKE("invoke"),
    TASK_STATUS("taskStatus"),
    CANCEL("cancel"),
    DUMP("dump"),
    SOLUTION_LOGS("solutionLogs", ActionType.ACTION),
    DELETE_FILE("deleteFile"),
    WORKSPACES("workspaces"),
    MODELS("models"),
    FILES("files"),
    IMPORTS("imports"),
    EXPORTS("exports"),
    PROCESSES("processes"),
    ACTIONS("actions"),
    IMPORT_METADATA("importMetadata", ActionType.IMPORT),
    EXPORT_METADATA("exportMetadata", ActionType.EXPORT),
    PROCESS_METADATA("processMetadata", ActionType.PROCESS),
    MODEL_STATUS("modelStatus"),
    OPEN_MODEL("openModel"),
    CLOSE_MODEL("closeModel"),

    ALM_REVISIONS("alm/revisions", Family.ALM, true),
    ALM_LATEST_REVISION("alm/latestRevision", Family.ALM),
    ALM_CREATE_REVISION("alm/createRevision", Family.ALM),
    ALM_SYNCABLE_REVISIONS("alm/syncableRevisions", Family.ALM),
    ALM_SYNC("alm/sync", Family.ALM),
    ALM_SYNC_TASKS("alm/syncTasks", Family.ALM),
    ALM_COMPARISON_REPORT("alm/comparisonReport", Family.ALM),
    ALM_SUMMARY_REPORT("alm/summaryReport", Family.ALM),
    ALM_ONLINE("alm/online", Family.ALM),
    ALM_OFFLINE("alm/offline", Family.ALM),
    ALM_APPLIED_TO_MODELS("alm/appliedToModels", Family.ALM),

    TR_MODULES("transactional/modules", Family.TRANSACTIONAL),
    TR_LINE_ITEMS("transactional/lineItems", Family.TRANSACTIONAL),
    TR_VIEWS("transactional/views", Family.TRANSACTIONAL),
    TR_VIEW_DATA("transactional/viewData", Family.TRANSACTIONAL),
    TR_READ_VIEW("transactional/readView", Family.TRANSACTIONAL, true),
    TR_READ_LIST("transactional/readList", Family.TRANSACTIONAL, true),
    TR_LISTS("transactional/lists", Family.TRANSACTIONAL),
    TR_LIST_ITEMS("transactional/listItems", Family.TRANSACTIONAL),
    TR_ADD_LIST_ITEMS("transactional/addListItems", Family.TRANSACTIONAL),
    TR_UPDATE_LIST_ITEMS("transactional/updateListItems", Family.TRANSACTIONAL),
    TR_UPSERT_LIST_ITEMS("transactional/upsertListItems", Family.TRANSACTIONAL),
    TR_DELETE_LIST_ITEMS("transactional/deleteListItems", Family.TRANSACTIONAL),
    TR_RESET_LIST_INDEX("transactional/resetListIndex", Family.TRANSACTIONAL),
    TR_WRITE_CELLS("transactional/writeCells", Family.TRANSACTIONAL),
    TR_DIMENSION_ITEMS("transactional/dimensionItems", Family.TRANSACTIONAL),
    TR_MODEL_CALENDAR("transactional/modelCalendar", Family.TRANSACTIONAL),
    TR_CURRENT_PERIOD("transactional/currentPeriod", Family.TRANSACTIONAL),
    TR_SET_CURRENT_PERIOD("transactional/setCurrentPeriod", Family.TRANSACTIONAL),
    TR_FISCAL_YEAR("transactional/fiscalYear", Family.TRANSACTIONAL),
    TR_VERSIONS("transactional/versions", Family.TRANSACTIONAL),

    AUDIT_EVENTS("audit/events", Family.AUDIT, true),

    CW_INTEGRATIONS("cloudworks/integrations", Family.CLOUDWORKS),
    CW_RUN("cloudworks/run", Family.CLOUDWORKS),
    CW_RUN_STATUS("cloudworks/runStatus", Family.CLOUDWORKS);

    /** The Anaplan API an operation talks to; each has its own operations class. */
    enum Family {
        BULK,
        ALM,
        TRANSACTIONAL,
        AUDIT,
        CLOUDWORKS
    }

    private final String uriName;
    private final ActionType actionType;
    private final Family family;
    private final boolean consumer;

    AnaplanOperation(String uriName) {
        this(uriName, null, Family.BULK, false);
    }

    AnaplanOperation(String uriName, ActionType actionType) {
        this(uriName, actionType, Family.BULK, false);
    }

    AnaplanOperation(String uriName, Family family) {
        this(uriName, null, family, false);
    }

    AnaplanOperation(String uriName, Family family, boolean consumer) {
        this(uriName, null, family, consumer);
    }

    AnaplanOperation(String uriName, ActionType actionType, Family family, boolean consumer) {
        this.uriName = uriName;
        this.actionType = actionType;
        this.family = family;
        this.consumer = consumer;
    }

    public String uriName() {
        return uriName;
    }

    Family family() {
        return family;
    }

    /** Whether {@code from("anaplan:<operation>")} works. */
    public boolean hasConsumer() {
        return consumer;
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

    /** The operations that can be consumed from. */
    public static String consumerNames() {
        return Arrays.stream(values()).filter(AnaplanOperation::hasConsumer).map(AnaplanOperation::uriName)
                .collect(Collectors.joining(", "));
    }
}
