package io.github.camelanaplan.simulator;

/** The four kinds of runnable model objects and their path segment. */
enum ActionKind {
    IMPORT("imports"), EXPORT("exports"), PROCESS("processes"), ACTION("actions");

    final String segment;

    ActionKind(String segment) {
        this.segment = segment;
    }

    static ActionKind ofSegment(String s) {
        for (ActionKind k : values()) {
            if (k.segment.equals(s)) {
                return k;
            }
        }
        return null;
    }
}
