package io.github.camelanaplan.examples.routes;

import io.github.camelanaplan.examples.support.Movements;
import org.apache.camel.CamelContext;

/** Bits the example route builders share. */
final class ExampleRoutes {

    /** The upload + import step every "into Anaplan" example ends with (connection set on the component). */
    static final String IMPORT = "anaplan:import?actionId={{anaplan.importId}}&fileId={{anaplan.fileId}}";

    /** The export step of the "out of Anaplan" examples. */
    static final String EXPORT = "anaplan:export?actionId={{anaplan.exportId}}";

    private ExampleRoutes() {
    }

    /** Binds a {@link Movements} bean named {@code movements} unless there is one already. */
    static void ensureMovements(CamelContext context) {
        if (context.getRegistry().lookupByNameAndType("movements", Movements.class) == null) {
            context.getRegistry().bind("movements", new Movements());
        }
    }
}
