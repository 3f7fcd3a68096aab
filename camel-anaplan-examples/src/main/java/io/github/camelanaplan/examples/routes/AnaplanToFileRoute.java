package io.github.camelanaplan.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Anaplan → file: the export consumer runs the export {@code anaplan.exportId} every {@code examples.export.delay}
 * and, when its content changed since the last file written ({@code examples.export.onlyChanged}), writes it into
 * {@code examples.export.folder} as {@code <examples.export.filePrefix>-<timestamp>.csv}. The last content's hash is
 * kept in a file under {@code examples.state.folder}, so a restart does not write the same content again.
 *
 * <p>{@code examples.export.autoStartup=false} leaves the route stopped until the application starts it (the demo
 * does, to run the routes one after the other).
 */
public class AnaplanToFileRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        from(ExampleRoutes.exportConsumer(getContext(), "anaplan-to-file"))
                .routeId("anaplan-to-file")
                .autoStartup("{{examples.export.autoStartup}}")
                .to("file:{{examples.export.folder}}?fileName={{examples.export.filePrefix}}-${date:now:yyyyMMdd-HHmmss-SSS}.csv")
                .bean("movements", "record")
                .log("export: written to ${header.CamelFileNameProduced} (task ${header.CamelAnaplanTaskId})");
    }
}
