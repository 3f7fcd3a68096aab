package io.github.camelanaplan.runtimes.quarkus;

import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.simulator.Seed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the Quarkus application (JVM mode) against the simulator. */
@QuarkusTest
@QuarkusTestResource(AnaplanSimulatorResource.class)
class AnaplanQuarkusTest {

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Test
    void theComponentIsConfiguredFromApplicationProperties() {
        AnaplanConfiguration c = context.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        assertThat(c.getApiUrl()).isEqualTo(AnaplanSimulatorResource.sim.apiUrl());
        assertThat(c.getUsername()).isEqualTo(Seed.USERNAME);
        assertThat(c.getWorkspaceId()).isEqualTo(Seed.WORKSPACE_ID);
        assertThat(c.getModelId()).isEqualTo(Seed.MODEL_ID);
    }

    @Test
    void theRouteImportsIntoAnaplan() {
        String csv = "Name,Code,Department,Email\nGrace,E200,Engineering,grace@example.com\n";
        Exchange result = template.request("direct:employees", e -> e.getMessage().setBody(csv));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(TaskResult.class).isSuccessful()).isTrue();
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED)).isEqualTo(1L);
        assertThat(AnaplanSimulatorResource.sim.tenant().model(Seed.MODEL_ID).rows(Seed.EMPLOYEES)).hasSize(1);
    }
}
