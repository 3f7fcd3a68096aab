package io.github.camelanaplan.component;

import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * Camel tests against a fresh simulator per test, over real sockets. The component is configured once with the
 * simulator's URLs and the seeded basic credentials, as a user would with {@code camel.component.anaplan.*}.
 */
public abstract class AnaplanTestSupport extends CamelTestSupport {

    protected AnaplanSimulator sim;

    /** Simulator options of this test class; fast tasks by default. */
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.defaults().taskDuration(java.time.Duration.ofMillis(150));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim = AnaplanSimulator.start(simulatorOptions());
        CamelContext context = super.createCamelContext();
        AnaplanComponent component = SimulatedAnaplan.component(sim);
        AnaplanConfiguration c = component.getConfiguration();
        c.setRetryBackoff(20);
        c.setStatusPollDelay(50);
        c.setMaxStatusPollDelay(200);
        c.setUploadChunkSize(1_000_000);
        configure(c);
        context.addComponent("anaplan", component);
        return context;
    }

    /** Changes this test class makes to the component's configuration, after the fast defaults above. */
    protected void configure(AnaplanConfiguration configuration) {
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    protected SimModel model() {
        return sim.tenant().model(Seed.MODEL_ID);
    }

    /** A CSV of the seeded Employees layout with {@code rows} data rows. */
    protected static String employeesCsv(int rows) {
        StringBuilder csv = new StringBuilder("Name,Code,Department,Email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Employee ").append(i).append(",E").append(i).append(",Dept ").append(i % 7).append(",e")
                    .append(i).append("@example.com\n");
        }
        return csv.toString();
    }
}
