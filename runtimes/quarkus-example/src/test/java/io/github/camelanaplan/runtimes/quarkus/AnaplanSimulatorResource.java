package io.github.camelanaplan.runtimes.quarkus;

import java.util.Map;

import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the Anaplan simulator for the test and points the component at it, through properties only. */
public class AnaplanSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static AnaplanSimulator sim;

    @Override
    public Map<String, String> start() {
        sim = AnaplanSimulator.start();
        return Map.of(
                "camel.component.anaplan.auth-url", sim.authUrl(),
                "camel.component.anaplan.api-url", sim.apiUrl(),
                "camel.component.anaplan.username", Seed.USERNAME,
                "camel.component.anaplan.password", Seed.PASSWORD,
                "camel.component.anaplan.status-poll-delay", "100ms");
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }
}
