package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimAuth;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's readiness check, registered the Camel way, against the simulator. */
class HealthCheckTest extends AnaplanTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DefaultHealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    private AnaplanHealthCheck check() {
        return context.getComponent("anaplan", AnaplanComponent.class).getHealthCheck();
    }

    @Test
    void registeredAsAReadinessCheck() {
        HealthCheck check = HealthCheckRegistry.get(context).getCheck(AnaplanHealthCheck.ID).orElseThrow();
        assertThat(check).isSameAs(check());
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        // nothing in use yet: nothing to check
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("anaplan.clients", 0);
    }

    @Test
    void resolvableByIdFromItsServiceFile() {
        HealthCheck resolved = PluginHelper.getHealthCheckResolver(context).resolveHealthCheck(AnaplanHealthCheck.ID);
        assertThat(resolved).isInstanceOf(AnaplanHealthCheck.class);
        assertThat(((AnaplanHealthCheck) resolved).getCamelContext()).isSameAs(context);
    }

    @Test
    void upWhenTheEngineAuthenticatesAndReachesTheApi() {
        template.requestBody("anaplan:workspaces", null, List.class);
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("anaplan.clients", 1);
        int id = clientId();
        assertThat(result.getDetails()).containsEntry("anaplan.client." + id + ".authMethod", "basic")
                .containsEntry("anaplan.client." + id + ".apiUrl", sim.apiUrl())
                .containsEntry("anaplan.client." + id + ".state", "UP");
        assertNoSecret(result);
    }

    @Test
    void downWithTheReasonOnceTheCredentialsAreRejected() {
        check().setCacheTime(Duration.ZERO);
        template.requestBody("anaplan:workspaces", null, List.class);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);

        // the password is changed in Anaplan and all tokens revoked: renewing the token fails
        sim.auth().addUser(Seed.USERNAME, "Changed-Passw0rd!");
        sim.auth().revokeAllTokens();
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        int id = clientId();
        assertThat(result.getMessage()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Anaplan client " + id).contains("cannot authenticate").contains("401");
        assertThat(result.getDetails()).containsEntry("anaplan.client." + id + ".state", "DOWN")
                .containsEntry("anaplan.client." + id + ".httpStatus", 401)
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertNoSecret(result);
    }

    @Test
    void downWhenTheApiCannotBeReached() {
        check().setCacheTime(Duration.ZERO);
        template.requestBody("anaplan:workspaces", null, List.class);
        sim.close();
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("cannot reach the API");
        assertNoSecret(result);
    }

    @Test
    void answersAreCachedSoProbesDoNotHammerAnaplan() {
        check().setCacheTime(Duration.ofMinutes(1));
        template.requestBody("anaplan:workspaces", null, List.class);
        readiness();
        int before = sim.journal().count("GET", ".*/users/me");
        for (int i = 0; i < 10; i++) {
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(sim.journal().count("GET", ".*/users/me")).isEqualTo(before);
        check().setCacheTime(Duration.ZERO);
        readiness();
        assertThat(sim.journal().count("GET", ".*/users/me")).isEqualTo(before + 1);
    }

    /** Through Camel's helper, as health endpoints (Spring Boot actuator, Quarkus, camel-main) call it. */
    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals(AnaplanHealthCheck.ID)).findFirst().orElseThrow();
    }

    private int clientId() {
        return context.getComponent("anaplan", AnaplanComponent.class).clients().snapshot().values().iterator().next()
                .id();
    }

    private static void assertNoSecret(HealthCheck.Result result) {
        StringBuilder all = new StringBuilder(String.valueOf(result.getMessage().orElse("")));
        for (Map.Entry<String, Object> e : result.getDetails().entrySet()) {
            all.append('\n').append(e.getKey()).append('=').append(e.getValue());
        }
        result.getError().ifPresent(e -> all.append('\n').append(e));
        String text = all.toString();
        assertThat(text).doesNotContain(Seed.PASSWORD).doesNotContain("Changed-Passw0rd!").doesNotContain(Seed.USERNAME);
        for (String secret : SimAuth.secretsOfThisJvm()) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
