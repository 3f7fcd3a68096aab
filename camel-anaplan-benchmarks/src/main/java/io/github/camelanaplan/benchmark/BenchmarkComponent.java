package io.github.camelanaplan.benchmark;

import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.simulator.Seed;

/** The {@code anaplan} component as the benchmark's JVMs use it: pointed at a simulator, defaults otherwise. */
final class BenchmarkComponent {

    private BenchmarkComponent() {
    }

    static AnaplanComponent pointedAt(String apiUrl, String authUrl, String oauthUrl) {
        AnaplanComponent component = new AnaplanComponent();
        AnaplanConfiguration c = component.getConfiguration();
        c.setApiUrl(apiUrl);
        c.setAuthUrl(authUrl);
        c.setOauthUrl(oauthUrl);
        c.setUsername(Seed.USERNAME);
        c.setPassword(Seed.PASSWORD);
        c.setWorkspaceId(Seed.WORKSPACE_ID);
        c.setModelId(Seed.MODEL_ID);
        // the request rate limit is a policy (Anaplan's API limit), not a limit of the machine: off
        c.setMaxRequestsPerMinute(0);
        return component;
    }
}
