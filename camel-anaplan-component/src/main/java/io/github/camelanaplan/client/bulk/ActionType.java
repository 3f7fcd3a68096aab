package io.github.camelanaplan.client.bulk;

/**
 * The kinds of runnable Anaplan objects, their id prefix and the collection they live under.
 */
public enum ActionType {
    IMPORT("112", "imports"),
    EXPORT("116", "exports"),
    PROCESS("118", "processes"),
    ACTION("117", "actions");

    private final String idPrefix;
    private final String collection;

    ActionType(String idPrefix, String collection) {
        this.idPrefix = idPrefix;
        this.collection = collection;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The path segment: imports, exports, processes or actions. */
    public String collection() {
        return collection;
    }

    /** The type an action id belongs to, from its prefix; null when the id has no known prefix. */
    public static ActionType ofId(String actionId) {
        if (actionId != null) {
            for (ActionType type : values()) {
                if (actionId.startsWith(type.idPrefix)) {
                    return type;
                }
            }
        }
        return null;
    }

    /** Anaplan's human name: "import", "export", "process", "action". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
