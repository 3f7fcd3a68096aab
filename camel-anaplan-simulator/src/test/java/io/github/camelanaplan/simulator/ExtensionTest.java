package io.github.camelanaplan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @Test
    void runsForTheClass() throws Exception {
        assertThat(sim.apiUrl()).isEqualTo(sim.baseUrl() + "/2/0");
        assertThat(sim.auditUrl()).isEqualTo(sim.baseUrl() + "/audit/api/1");
        assertThat(sim.cloudWorksUrl()).isEqualTo(sim.baseUrl() + "/cloudworks/2/0");
        assertThat(sim.oauthUrl()).isEqualTo(sim.baseUrl());
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        SimClient c = new SimClient(sim.simulator()).login();
        assertThat(c.get("/users/me").statusCode()).isEqualTo(200);
        assertThat(sim.journal().count("GET", "/2/0/users/me")).isEqualTo(1);
    }
}
