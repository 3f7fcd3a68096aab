package io.github.camelanaplan.simulator;

import java.nio.file.Path;

/** Loads a seed JSON file (format in src-docs/simulator.md). */
final class SeedLoader {

    private SeedLoader() {
    }

    static void load(Path path, SimTenant tenant, SimAuth auth) {
        throw new UnsupportedOperationException("seed files are not supported yet");
    }
}
