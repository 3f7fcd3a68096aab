package io.github.camelanaplan.component;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the component's Micrometer meters when Micrometer is on the classpath and a {@code MeterRegistry} is in the
 * Camel registry; otherwise does nothing. No Micrometer type appears here, so the component loads and runs without
 * Micrometer (it is an optional dependency).
 */
final class AnaplanMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AnaplanMetrics.class);
    static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    /** A registry bound under this name wins when the Camel registry holds several. */
    static final String METER_REGISTRY_NAME = "anaplanMeterRegistry";

    private AnaplanMetrics() {
    }

    /**
     * Starts feeding the meter registry found in the context's registry from every client of {@code clients}.
     *
     * @return the observer to stop with {@link #unbind}, or null when there is no Micrometer or no registry
     */
    static ClientRegistry.Observer bind(CamelContext context, ClientRegistry clients) {
        Class<?> type = meterRegistryClass();
        if (type == null) {
            LOG.debug("Micrometer is not on the classpath: no Anaplan metrics");
            return null;
        }
        Object registry = findRegistry(context, type);
        if (registry == null) {
            LOG.debug("No Micrometer MeterRegistry in the Camel registry: no Anaplan metrics");
            return null;
        }
        ClientRegistry.Observer metrics = new AnaplanMicrometerMetrics(registry);
        clients.observe(metrics);
        LOG.debug("Anaplan metrics bound to {}", registry.getClass().getName());
        return metrics;
    }

    static void unbind(ClientRegistry clients, ClientRegistry.Observer metrics) {
        if (metrics != null) {
            clients.unobserve(metrics);
            ((AnaplanMicrometerMetrics) metrics).closeAll();
        }
    }

    static Class<?> meterRegistryClass() {
        try {
            return Class.forName(METER_REGISTRY_CLASS, false, AnaplanMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** By name {@value #METER_REGISTRY_NAME}, else the only one, else a composite one (Spring Boot's), else any. */
    private static Object findRegistry(CamelContext context, Class<?> type) {
        Object named = context.getRegistry().lookupByName(METER_REGISTRY_NAME);
        if (type.isInstance(named)) {
            return named;
        }
        Set<?> found = context.getRegistry().findByType(type);
        if (found == null || found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            for (Object candidate : found) {
                if (candidate.getClass().getName().contains("Composite")) {
                    return candidate;
                }
            }
        }
        return found.iterator().next();
    }
}
