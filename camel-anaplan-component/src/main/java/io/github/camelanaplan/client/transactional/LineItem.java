package io.github.camelanaplan.client.transactional;

import java.util.List;

/**
 * A line item. The base fields are always there; the others only with {@code includeAll=true}.
 */
public record LineItem(String moduleId, String moduleName, String id, String name, String code, String format,
                       String formula, String formulaScope, String parent, String summary, String timeScale,
                       String timeRange, String style, String notes, Long cellCount, IdName version,
                       List<IdName> appliesTo, List<IdName> referencedBy) {
}
