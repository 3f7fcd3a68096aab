package io.github.camelanaplan.examples.routes;

import javax.sql.DataSource;

import io.github.camelanaplan.examples.support.CsvTableWriter;
import org.apache.camel.builder.RouteBuilder;

/**
 * Anaplan → JDBC: runs the export {@code anaplan.exportId} and loads its rows into the table
 * {@code examples.export.table} of the data source {@code examples.export.dataSource}, replacing what the table held,
 * in one transaction.
 *
 * <p>Started by {@code examples.export.jdbcTrigger}; see {@link AnaplanToFileRoute} about the export consumer.
 */
public class AnaplanToJdbcRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        CsvTableWriter writer = new CsvTableWriter();
        writer.setTable(getContext().resolvePropertyPlaceholders("{{examples.export.table}}"));
        String dataSource = getContext().resolvePropertyPlaceholders("{{examples.export.dataSource}}");

        from("{{examples.export.jdbcTrigger}}")
                .routeId("anaplan-to-jdbc")
                .to(ExampleRoutes.EXPORT)
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
