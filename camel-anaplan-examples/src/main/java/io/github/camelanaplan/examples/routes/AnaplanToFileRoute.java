package io.github.camelanaplan.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Anaplan → file: runs the export {@code anaplan.exportId} and writes its CSV, streamed as it downloads, into
 * {@code examples.export.folder} as {@code <export name prefix>-<timestamp>.csv}.
 *
 * <p>Started by {@code examples.export.fileTrigger} ({@code direct:…}, or {@code scheduler:…}/{@code cron:…} for a
 * periodic export). Once the component's export consumer exists, {@code from("anaplan:export?…")} replaces the
 * trigger + producer pair.
 */
public class AnaplanToFileRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        from("{{examples.export.fileTrigger}}")
                .routeId("anaplan-to-file")
                .to(ExampleRoutes.EXPORT)
                .to("file:{{examples.export.folder}}?fileName={{examples.export.filePrefix}}-${date:now:yyyyMMdd-HHmmss-SSS}.csv")
                .bean("movements", "record")
                .log("export: written to ${header.CamelFileNameProduced} (${header.CamelAnaplanChunkCount} chunk(s), "
                     + "task ${header.CamelAnaplanTaskId})");
    }
}
