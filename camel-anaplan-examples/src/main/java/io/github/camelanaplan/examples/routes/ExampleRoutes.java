package io.github.camelanaplan.examples.routes;

import java.io.File;

import io.github.camelanaplan.examples.support.Movements;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/** Bits the example route builders share. */
final class ExampleRoutes {

    /** The upload + import step every "into Anaplan" example ends with (connection set on the component). */
    static final String IMPORT = "anaplan:import?actionId={{anaplan.importId}}&fileId={{anaplan.fileId}}";

    /**
     * The export consumer of the "out of Anaplan" examples: runs the export {@code examples.export.initialDelay} after the
     * route started, then every {@code examples.export.delay}, and,
     * with {@code examples.export.onlyChanged}, emits its content only when it differs from the last content the
     * route handled; that hash is kept in the route's own state repository (see {@link #stateRepository}).
     */
    static String exportConsumer(CamelContext context, String routeId) {
        return "anaplan:export?actionId={{anaplan.exportId}}&initialDelay={{examples.export.initialDelay}}"
               + "&delay={{examples.export.delay}}&onlyChanged={{examples.export.onlyChanged}}"
               + "&stateRepository=#" + stateRepository(context, routeId);
    }

    private ExampleRoutes() {
    }

    /** Binds a {@link Movements} bean named {@code movements} unless there is one already. */
    static void ensureMovements(CamelContext context) {
        if (context.getRegistry().lookupByNameAndType("movements", Movements.class) == null) {
            context.getRegistry().bind("movements", new Movements());
        }
    }

    /**
     * The name of the consumer cursor store of a route: the {@code StateRepository} bean named after the route
     * ({@code anaplan-to-file} → {@code anaplanToFileState}) if the application bound one (a shared, clustered one
     * for instance), else a {@link FileStateRepository} over {@code <examples.state.folder>/<routeId>.state}, bound
     * under that name. One per route: two consumers of the same export keep their cursor under the same key, so
     * sharing one store would make the second see nothing new.
     */
    static String stateRepository(CamelContext context, String routeId) {
        StringBuilder name = new StringBuilder();
        for (String part : routeId.split("-")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        name.append("State");
        if (context.getRegistry().lookupByNameAndType(name.toString(), StateRepository.class) == null) {
            File folder = new File(context.resolvePropertyPlaceholders("{{examples.state.folder}}"));
            if (!folder.isDirectory() && !folder.mkdirs()) {
                throw new IllegalStateException("cannot create the state folder " + folder.getAbsolutePath());
            }
            context.getRegistry().bind(name.toString(),
                    FileStateRepository.fileStateRepository(new File(folder, routeId + ".state")));
        }
        return name.toString();
    }
}
