package io.github.camelanaplan.simulator;

/** A workspace. */
public final class SimWorkspace {

    private final String id;
    private final String name;

    SimWorkspace(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String id() { return id; }
    public String name() { return name; }
}
