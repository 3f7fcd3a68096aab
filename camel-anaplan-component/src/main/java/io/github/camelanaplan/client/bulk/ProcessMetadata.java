package io.github.camelanaplan.client.bulk;

import java.util.List;

/** Process metadata: the actions the process runs, in order. */
public record ProcessMetadata(String name, List<ProcessAction> actions) {

    /** One action of a process. */
    public record ProcessAction(String id, String name, String actionType, String importDataSourceId, String importType,
                                String exportType, String exportFormat, String layout) {
    }

    public ProcessMetadata {
        actions = actions == null ? List.of() : actions;
    }
}
