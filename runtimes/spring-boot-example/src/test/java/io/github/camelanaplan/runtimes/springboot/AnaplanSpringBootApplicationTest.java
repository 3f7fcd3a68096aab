package io.github.camelanaplan.runtimes.springboot;

import java.util.List;

import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.component.AnaplanHealthCheck;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the application against the simulator. Only properties differ from production: the simulator's URLs and
 * seeded credentials, given through {@code camel.component.anaplan.*}.
 */
@SpringBootTest
class AnaplanSpringBootApplicationTest {

    private static final AnaplanSimulator SIM = AnaplanSimulator.start();

    @DynamicPropertySource
    static void anaplan(DynamicPropertyRegistry registry) {
        registry.add("camel.component.anaplan.auth-url", SIM::authUrl);
        registry.add("camel.component.anaplan.api-url", SIM::apiUrl);
        registry.add("camel.component.anaplan.username", () -> Seed.USERNAME);
        registry.add("camel.component.anaplan.password", () -> Seed.PASSWORD);
        registry.add("camel.component.anaplan.status-poll-delay", () -> "100ms");
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void theComponentIsConfiguredFromProperties() {
        AnaplanConfiguration c = camelContext.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        assertThat(c.getApiUrl()).isEqualTo(SIM.apiUrl());
        assertThat(c.getAuthUrl()).isEqualTo(SIM.authUrl());
        assertThat(c.getUsername()).isEqualTo(Seed.USERNAME);
        assertThat(c.getWorkspaceId()).isEqualTo(Seed.WORKSPACE_ID);
        assertThat(c.getModelId()).isEqualTo(Seed.MODEL_ID);
        assertThat(c.getRetryCount()).isEqualTo(3);
    }

    @Test
    void theRouteImportsIntoAnaplanAndIsObservable() {
        String csv = "Name,Code,Department,Email\nAda,E100,Engineering,ada@example.com\nLinus,E101,Engineering,linus@example.com\n";
        Exchange result = template.request("direct:employees", e -> e.getMessage().setBody(csv));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(TaskResult.class).isSuccessful()).isTrue();
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED)).isEqualTo(2L);
        assertThat(SIM.tenant().model(Seed.MODEL_ID).rows(Seed.EMPLOYEES)).hasSize(2);

        // the component's readiness check is in Camel's health registry, which the actuator reports
        HealthCheck.Result health = HealthCheckHelper.invokeReadiness(camelContext).stream()
                .filter(r -> r.getCheck().getId().equals(AnaplanHealthCheck.ID)).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);

        // and its meters are in Spring Boot's MeterRegistry
        assertThat(meterRegistry.find("anaplan.task.duration").tag("operation", "import")
                .tag("modelId", Seed.MODEL_ID).tag("outcome", "success").timer()).isNotNull();
        assertThat(meterRegistry.find("anaplan.upload.bytes").counter().count()).isEqualTo(csv.length());
        assertThat(List.of(meterRegistry.find("anaplan.client.requests").functionCounter().count())).first()
                .satisfies(n -> assertThat(n).isPositive());
    }
}
