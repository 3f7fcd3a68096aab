package io.github.camelanaplan.component;

import java.util.ArrayList;
import java.util.List;

import io.github.camelanaplan.client.AnaplanClient;
import org.apache.camel.CamelContext;

/**
 * Test-only window onto the engine behind the Camel binding: the {@link AnaplanClient}s a component's endpoints
 * share, so reliability tests can check their connection pools and threads after a route stops.
 */
public final class EngineProbe {

    private EngineProbe() {
    }

    /** The clients currently open for the {@code anaplan} component of this context. */
    public static List<AnaplanClient> clients(CamelContext context) {
        AnaplanComponent component = context.getComponent("anaplan", AnaplanComponent.class);
        return component == null ? List.of() : new ArrayList<>(component.clients().snapshot().values());
    }
}
