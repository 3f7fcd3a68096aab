package io.github.camelanaplan.simulator;

import java.util.List;

/** Definition of an import, export, process or other action in a model. */
final class ActionDef {

    final ActionKind kind;
    final String id;
    final String name;
    /** imports: source file id. */
    final String dataSourceFileId;
    /** imports / exports / delete actions: the list or module they work on. */
    final String targetName;
    /** imports: HIERARCHY_DATA, MODULE_DATA...; actions: DELETE_BY_SELECTION, OPTIMIZER...; exports: layout. */
    final String type;
    /** processes: the ids of the actions run in order. */
    final List<String> actionIds;

    ActionDef(ActionKind kind, String id, String name, String dataSourceFileId, String targetName, String type,
            List<String> actionIds) {
        this.kind = kind;
        this.id = id;
        this.name = name;
        this.dataSourceFileId = dataSourceFileId;
        this.targetName = targetName;
        this.type = type;
        this.actionIds = actionIds;
    }
}
