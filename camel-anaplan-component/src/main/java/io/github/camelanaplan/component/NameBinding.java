package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.names.NameResolver;
import io.github.camelanaplan.client.names.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Names instead of ids, for one message: which names apply (header or option), and the ids they resolve to, read
 * before the operation's first request. Per object the first of these wins: the id header, the name header, the id
 * option, the name option. Resolution only lists (GETs), so a name that matches nothing or several fails the message
 * before anything is changed. The resolved ids reach the operation through {@link OperationSupport#optional} as an
 * exchange property that lives only while the operation reads its inputs; headers are left alone, so a later
 * endpoint of the route does not inherit this one's ids.
 */
final class NameBinding {

    /** Internal exchange property holding the resolved ids by id header; removed once the operation has read them. */
    static final String RESOLVED = "CamelAnaplanResolvedIds";

    /** Every name header, with the id header and the option names it stands for. */
    private static final String[][] NAMES = {
        {AnaplanConstants.WORKSPACE_NAME, AnaplanConstants.WORKSPACE_ID, "workspaceName", "workspaceId"},
        {AnaplanConstants.MODEL_NAME, AnaplanConstants.MODEL_ID, "modelName", "modelId"},
        {AnaplanConstants.FILE_NAME, AnaplanConstants.FILE_ID, "fileName", "fileId"},
        {AnaplanConstants.ACTION_NAME, AnaplanConstants.ACTION_ID, "actionName", "actionId"},
        {AnaplanConstants.LIST_NAME, AnaplanConstants.LIST_ID, "listName", "listId"},
        {AnaplanConstants.MODULE_NAME, AnaplanConstants.MODULE_ID, "moduleName", "moduleId"},
        {AnaplanConstants.VIEW_NAME, AnaplanConstants.VIEW_ID, "viewName", "viewId"},
        {AnaplanConstants.SOURCE_MODEL_NAME, AnaplanConstants.SOURCE_MODEL_ID, "sourceModelName", "sourceModelId"},
    };

    private final AnaplanEndpoint endpoint;

    NameBinding(AnaplanEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Name options hold plain single-line text and the cache a sane duration; checked at endpoint creation. */
    static void checkOptions(AnaplanConfiguration c) {
        OptionRules.singleLine("workspaceName", c.getWorkspaceName());
        OptionRules.singleLine("modelName", c.getModelName());
        OptionRules.singleLine("fileName", c.getFileName());
        OptionRules.singleLine("actionName", c.getActionName());
        OptionRules.singleLine("listName", c.getListName());
        OptionRules.singleLine("moduleName", c.getModuleName());
        OptionRules.singleLine("viewName", c.getViewName());
        OptionRules.singleLine("sourceModelName", c.getSourceModelName());
        OptionRules.nonNegativeDuration("nameCacheTtl", c.getNameCacheTtl());
    }

    /** Whether this message names anything, by option or header (else no listing is read at all). */
    boolean needed(Message in) {
        AnaplanConfiguration c = endpoint.getConfiguration();
        if (c.getWorkspaceName() != null || c.getModelName() != null || c.getFileName() != null
            || c.getActionName() != null || c.getListName() != null || c.getModuleName() != null
            || c.getViewName() != null || c.getSourceModelName() != null) {
            return true;
        }
        for (String[] name : NAMES) {
            if (in.getHeader(name[0]) != null) {
                return true;
            }
        }
        return false;
    }

    /** The ids the message's names resolve to, by id header; only for objects whose id is not given otherwise. */
    Map<String, String> resolve(Message in, AnaplanOperation operation) {
        AnaplanConfiguration c = endpoint.getConfiguration();
        NameResolver names = new NameResolver(endpoint.client(), Duration.ofMillis(c.getNameCacheTtl()));
        Map<String, String> ids = new HashMap<>();
        String ws = id(in, ids, 0, c.getWorkspaceId(), c.getWorkspaceName(), names::workspaceId);
        String modelName = name(in, 1, c.getModelId(), c.getModelName());
        String model;
        if (modelName != null) {
            Named found = names.model(ws, modelName);
            model = checked(ids, AnaplanConstants.MODEL_ID, found.id());
            if (ws == null && found.ownerId() != null) {
                // the model was found tenant-wide: its own workspace is the one its objects live in
                ws = checked(ids, AnaplanConstants.WORKSPACE_ID, found.ownerId());
            }
        } else {
            model = OperationSupport.optional(in, AnaplanConstants.MODEL_ID, c.getModelId());
        }
        String workspace = ws;
        id(in, ids, 2, c.getFileId(), c.getFileName(),
            n -> names.fileId(need(workspace, "workspaceId", "fileName"), need(model, "modelId", "fileName"), n));
        id(in, ids, 3, c.getActionId(), c.getActionName(),
            n -> names.actionId(need(workspace, "workspaceId", "actionName"), need(model, "modelId", "actionName"), n,
                    operation.actionType()));
        id(in, ids, 4, c.getListId(), c.getListName(), n -> names.listId(workspace, need(model, "modelId", "listName"), n));
        id(in, ids, 5, c.getModuleId(), c.getModuleName(),
            n -> names.moduleId(workspace, need(model, "modelId", "moduleName"), n));
        id(in, ids, 6, c.getViewId(), c.getViewName(), n -> names.viewId(workspace, need(model, "modelId", "viewName"), n));
        id(in, ids, 7, c.getSourceModelId(), c.getSourceModelName(), n -> names.model(null, n).id());
        return ids;
    }

    /** The object's id: given (header or option) as is, else its name resolved and kept in {@code ids}. */
    private static String id(Message in, Map<String, String> ids, int index, String idOption, String nameOption,
                             Function<String, String> resolve) {
        String name = name(in, index, idOption, nameOption);
        String idHeader = NAMES[index][1];
        if (name == null) {
            return OperationSupport.optional(in, idHeader, idOption);
        }
        return checked(ids, idHeader, resolve.apply(name));
    }

    /** The name to resolve, or null when an id wins: id header, name header, id option, name option. */
    private static String name(Message in, int index, String idOption, String nameOption) {
        String[] entry = NAMES[index];
        if (in.getHeader(entry[1]) != null) {
            return null;
        }
        String header = OperationSupport.headerText(in, entry[0]);
        if (header != null) {
            return header;
        }
        return idOption != null ? null : nameOption;
    }

    /** An id from a listing goes into paths like any other: it must have its kind's shape. */
    private static String checked(Map<String, String> ids, String idHeader, String id) {
        try {
            OptionRules.header(idHeader, id);
        } catch (IllegalArgumentException e) {
            throw new AnaplanException("A listing answered an id that does not fit its kind, refused: " + e.getMessage());
        }
        ids.put(idHeader, id);
        return id;
    }

    private static String need(String id, String idOption, String nameOption) {
        if (id == null) {
            String what = idOption.replace("Id", "");
            throw new IllegalArgumentException(nameOption + " needs the " + what + ": set " + idOption + " or " + what
                                               + "Name (option or header)");
        }
        return id;
    }

    /** The resolved ids of the message being prepared, or none. */
    @SuppressWarnings("unchecked")
    static Map<String, String> of(Message in) {
        Exchange exchange = in.getExchange();
        Object ids = exchange == null ? null : exchange.getProperty(RESOLVED);
        return ids instanceof Map ? (Map<String, String>) ids : Map.of();
    }
}
