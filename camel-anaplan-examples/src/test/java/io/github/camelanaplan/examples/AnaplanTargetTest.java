package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class AnaplanTargetTest {

    @Test
    void noUserNameMeansTheSimulator() {
        assertThat(AnaplanTarget.fromEnvironment(Map.of(), new Properties())).isNull();
    }

    @Test
    void environmentVariablesPointAtARealTenant() {
        Map<String, String> env = new HashMap<>();
        env.put("ANAPLAN_USERNAME", "me@example.com");
        env.put("ANAPLAN_PASSWORD", "secret");
        env.put("ANAPLAN_WORKSPACE_ID", "ws");
        env.put("ANAPLAN_MODEL_ID", "model");
        env.put("ANAPLAN_IMPORT_ID", "112000000007");
        env.put("ANAPLAN_FILE_ID", "113000000012");
        Properties system = new Properties();
        system.setProperty("anaplan.exportId", "116000000003");

        AnaplanTarget t = AnaplanTarget.fromEnvironment(env, system);

        assertThat(t.simulated()).isFalse();
        assertThat(t.apiUrl()).isEqualTo("https://api.anaplan.com/2/0");
        assertThat(t.exportId()).isEqualTo("116000000003");
        assertThat(t.camelProperties()).containsEntry("camel.component.anaplan.username", "me@example.com")
                .containsEntry("camel.component.anaplan.modelId", "model").containsEntry("anaplan.importId", "112000000007")
                .containsEntry("anaplan.fileId", "113000000012").doesNotContainKey("camel.component.anaplan.statusPollDelay");
        assertThat(t.describe()).contains("me@example.com").doesNotContain("secret");
    }

    @Test
    void aPartialConfigurationSaysWhatIsMissing() {
        assertThatThrownBy(() -> AnaplanTarget.fromEnvironment(Map.of("ANAPLAN_USERNAME", "me@example.com"),
                new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANAPLAN_PASSWORD").hasMessageContaining("ANAPLAN_FILE_ID");
    }
}
