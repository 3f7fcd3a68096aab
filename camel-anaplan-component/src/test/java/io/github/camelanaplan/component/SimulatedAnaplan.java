package io.github.camelanaplan.component;

import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;

/** The one place tests point an {@code anaplan} component at a simulator: its URLs, seeded login, workspace and model. */
public final class SimulatedAnaplan {

    private SimulatedAnaplan() {
    }

    public static AnaplanComponent component(AnaplanSimulator sim) {
        AnaplanComponent component = new AnaplanComponent();
        AnaplanConfiguration c = component.getConfiguration();
        c.setAuthUrl(sim.authUrl());
        c.setApiUrl(sim.apiUrl());
        c.setOauthUrl(sim.oauthUrl());
        c.setAuditUrl(sim.auditUrl());
        c.setCloudWorksUrl(sim.cloudWorksUrl());
        c.setUsername(Seed.USERNAME);
        c.setPassword(Seed.PASSWORD);
        c.setWorkspaceId(Seed.WORKSPACE_ID);
        c.setModelId(Seed.MODEL_ID);
        return component;
    }
}
