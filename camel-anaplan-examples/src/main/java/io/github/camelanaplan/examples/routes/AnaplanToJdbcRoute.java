package io.github.camelanaplan.examples.routes;

import javax.sql.DataSource;

import io.github.camelanaplan.examples.support.CsvTableWriter;
import org.apache.camel.builder.RouteBuilder;

/**
 * Anaplan → JDBC: the export consumer runs the export {@code anaplan.exportId} every {@code examples.export.delay}
 * and, when its content changed ({@code examples.export.onlyChanged}), loads its rows into the table
 * {@code examples.export.table} of the data source {@code examples.export.dataSource}, replacing what the table held,
 * in one transaction. A failed load leaves the table as it was and the content counts as not handled: the next poll
 * loads it again.
 *
 * <p>See {@link AnaplanToFileRoute} about the state kept and {@code examples.export.autoStartup}.
 */
public class AnaplanToJdbcRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        CsvTableWriter writer = new CsvTableWriter();
        writer.setTable(getContext().resolvePropertyPlaceholders("{{examples.export.table}}"));
        String dataSource = getContext().resolvePropertyPlaceholders("{{examples.export.dataSource}}");

        from(ExampleRoutes.exportConsumer(getContext(), "anaplan-to-jdbc"))
                .routeId("anaplan-to-jdbc")
                .autoStartup("{{examples.export.autoStartup}}")
                .process(e -> {
                    if (writer.getDataSource() == null) {
                        writer.setDataSource(e.getContext().getRegistry().lookupByNameAndType(dataSource, DataSource.class));
                    }
                    writer.process(e);
                })
                .bean("movements", "record")
                .log("export: ${header.ExampleRecords} rows written to table {{examples.export.table}} "
                     + "(task ${header.CamelAnaplanTaskId})");
    }
}
