package io.github.camelanaplan.component;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the Anaplan component. Ids, names and the locale given as headers override the endpoint's options
 * per message; a value that is not a String (a Long, a UUID) is converted with Camel's type converters.
 */
public final class AnaplanConstants {

    @Metadata(label = "producer", description = "Workspace id (32 hex characters); overrides the workspaceId option.",
              javaType = "String")
    public static final String WORKSPACE_ID = "CamelAnaplanWorkspaceId";
    @Metadata(label = "producer", description = "Model id (32 hex characters); overrides the modelId option.",
              javaType = "String")
    public static final String MODEL_ID = "CamelAnaplanModelId";
    @Metadata(label = "producer", description = "Server file id (113...); overrides the fileId option.", javaType = "String")
    public static final String FILE_ID = "CamelAnaplanFileId";
    @Metadata(label = "producer", description = "Import, export, process or action id; overrides the actionId option.",
              javaType = "String")
    public static final String ACTION_ID = "CamelAnaplanActionId";
    @Metadata(description = "In: the task to read, cancel or take the dump of. Out: the task the producer started.",
              javaType = "String")
    public static final String TASK_ID = "CamelAnaplanTaskId";
    @Metadata(label = "producer", description = "Nested action id of a process, for its failure dump.", javaType = "String")
    public static final String OBJECT_ID = "CamelAnaplanObjectId";
    @Metadata(label = "producer", description = "List id (101...) for transactional list operations.", javaType = "String")
    public static final String LIST_ID = "CamelAnaplanListId";
    @Metadata(label = "producer", description = "Module id (102...) for transactional module operations.",
              javaType = "String")
    public static final String MODULE_ID = "CamelAnaplanModuleId";
    @Metadata(label = "producer", description = "View id for transactional view reads.", javaType = "String")
    public static final String VIEW_ID = "CamelAnaplanViewId";
    @Metadata(label = "producer", description = "Runtime mappings, entityType:entityName pairs separated by commas; "
                                                + "overrides the mappingParameters option.",
              javaType = "String")
    public static final String MAPPING_PARAMETERS = "CamelAnaplanMappingParameters";

    // ids of the remaining id options, names instead of ids, and the locale: each overrides its option per message
    @Metadata(label = "producer", description = "ALM source model id (32 hex characters); overrides the sourceModelId option.",
              javaType = "String")
    public static final String SOURCE_MODEL_ID = "CamelAnaplanSourceModelId";
    @Metadata(label = "producer", description = "ALM revision id for alm/appliedToModels; overrides the revisionId option.",
              javaType = "String")
    public static final String REVISION_ID = "CamelAnaplanRevisionId";
    @Metadata(label = "producer", description = "ALM source revision id; overrides the sourceRevisionId option.",
              javaType = "String")
    public static final String SOURCE_REVISION_ID = "CamelAnaplanSourceRevisionId";
    @Metadata(label = "producer", description = "ALM target revision id; overrides the targetRevisionId option.",
              javaType = "String")
    public static final String TARGET_REVISION_ID = "CamelAnaplanTargetRevisionId";
    @Metadata(label = "producer", description = "CloudWorks integration id; overrides the integrationId option.",
              javaType = "String")
    public static final String INTEGRATION_ID = "CamelAnaplanIntegrationId";
    @Metadata(label = "producer", description = "CloudWorks run id for cloudworks/runStatus; overrides the runId option "
                                                + "(and the CamelAnaplanTaskId header).",
              javaType = "String")
    public static final String RUN_ID = "CamelAnaplanRunId";
    @Metadata(label = "producer", description = "Dimension (list) id for transactional/dimensionItems; overrides the "
                                                + "dimensionId option.",
              javaType = "String")
    public static final String DIMENSION_ID = "CamelAnaplanDimensionId";
    @Metadata(label = "producer", description = "Locale sent with task starts (en_US...); overrides the locale option.",
              javaType = "String")
    public static final String LOCALE = "CamelAnaplanLocale";
    @Metadata(label = "producer", description = "Workspace name, resolved to its id; overrides the workspaceName option "
                                                + "(a CamelAnaplanWorkspaceId header wins).",
              javaType = "String")
    public static final String WORKSPACE_NAME = "CamelAnaplanWorkspaceName";
    @Metadata(label = "producer", description = "Model name, resolved to its id; overrides the modelName option "
                                                + "(a CamelAnaplanModelId header wins).",
              javaType = "String")
    public static final String MODEL_NAME = "CamelAnaplanModelName";
    @Metadata(label = "producer", description = "Server file name, resolved to its id; overrides the fileName option "
                                                + "(a CamelAnaplanFileId header wins).",
              javaType = "String")
    public static final String FILE_NAME = "CamelAnaplanFileName";
    @Metadata(label = "producer", description = "Import, export, process or action name, resolved to its id; overrides "
                                                + "the actionName option (a CamelAnaplanActionId header wins).",
              javaType = "String")
    public static final String ACTION_NAME = "CamelAnaplanActionName";
    @Metadata(label = "producer", description = "List name, resolved to its id; overrides the listName option "
                                                + "(a CamelAnaplanListId header wins).",
              javaType = "String")
    public static final String LIST_NAME = "CamelAnaplanListName";
    @Metadata(label = "producer", description = "Module name, resolved to its id; overrides the moduleName option "
                                                + "(a CamelAnaplanModuleId header wins).",
              javaType = "String")
    public static final String MODULE_NAME = "CamelAnaplanModuleName";
    @Metadata(label = "producer", description = "View name, resolved to its id; overrides the viewName option "
                                                + "(a CamelAnaplanViewId header wins).",
              javaType = "String")
    public static final String VIEW_NAME = "CamelAnaplanViewName";
    @Metadata(label = "producer", description = "ALM source model name, resolved to its id; overrides the "
                                                + "sourceModelName option (a CamelAnaplanSourceModelId header wins).",
              javaType = "String")
    public static final String SOURCE_MODEL_NAME = "CamelAnaplanSourceModelName";

    @Metadata(label = "producer", description = "State of the task when the producer returned (COMPLETE, CANCELLED...).",
              javaType = "String")
    public static final String TASK_STATE = "CamelAnaplanTaskState";
    @Metadata(label = "producer", description = "Whether the task reported success.", javaType = "Boolean")
    public static final String TASK_SUCCESSFUL = "CamelAnaplanTaskSuccessful";
    @Metadata(label = "producer", description = "Whether the task left a failure dump.", javaType = "Boolean")
    public static final String FAILURE_DUMP_AVAILABLE = "CamelAnaplanFailureDumpAvailable";
    @Metadata(label = "producer", description = "Number of chunks uploaded or downloaded.", javaType = "Integer")
    public static final String CHUNK_COUNT = "CamelAnaplanChunkCount";
    @Metadata(label = "producer", description = "Rows the task processed successfully.", javaType = "Long")
    public static final String ROWS_PROCESSED = "CamelAnaplanRowsProcessed";
    @Metadata(label = "producer", description = "Rows the task ignored.", javaType = "Long")
    public static final String ROWS_IGNORED = "CamelAnaplanRowsIgnored";
    @Metadata(label = "producer", description = "Rows the task failed.", javaType = "Long")
    public static final String ROWS_FAILED = "CamelAnaplanRowsFailed";
    @Metadata(label = "producer", description = "Rows the task read in total.", javaType = "Long")
    public static final String ROWS_TOTAL = "CamelAnaplanRowsTotal";
    @Metadata(label = "producer", description = "Name of the revision alm/createRevision creates.", javaType = "String")
    public static final String REVISION_NAME = "CamelAnaplanRevisionName";
    @Metadata(label = "producer", description = "Description of the revision alm/createRevision creates.",
              javaType = "String")
    public static final String REVISION_DESCRIPTION = "CamelAnaplanRevisionDescription";

    private AnaplanConstants() {
    }
}
