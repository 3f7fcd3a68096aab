package io.github.camelanaplan.component;

import java.util.List;
import java.util.Map;

import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.support.PluginHelper;

/** Run by {@link NoMicrometerTest} inside a class loader that has no Micrometer. */
public final class NoMicrometerProbe {

    private NoMicrometerProbe() {
    }

    public static String run() throws Exception {
        try (AnaplanSimulator sim = AnaplanSimulator.start();
             CamelContext context = new DefaultCamelContext()) {
            DefaultHealthCheckRegistry health = new DefaultHealthCheckRegistry();
            health.setCamelContext(context);
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
            context.getRegistry().bind("meterRegistry", new Object()); // not a MeterRegistry: ignored
            AnaplanComponent component = new AnaplanComponent();
            AnaplanConfiguration c = component.getConfiguration();
            c.setAuthUrl(sim.authUrl());
            c.setApiUrl(sim.apiUrl());
            c.setUsername(Seed.USERNAME);
            c.setPassword(Seed.PASSWORD);
            context.addComponent("anaplan", component);
            context.start();
            List<?> workspaces = context.createProducerTemplate().requestBody("anaplan:workspaces", null, List.class);
            HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(r -> r.getCheck().getId().equals("anaplan")).findFirst().orElseThrow();
            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("anaplan");
            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
            return "workspaces=" + workspaces.size() + " health=" + result.getState() + " console="
                   + text.contains("Auth method: basic") + " metrics=" + (AnaplanMetrics.meterRegistryClass() != null);
        }
    }
}
