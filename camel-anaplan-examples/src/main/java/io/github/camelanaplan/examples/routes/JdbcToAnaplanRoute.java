package io.github.camelanaplan.examples.routes;

import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.examples.support.ResultSetCsvLines;
import org.apache.camel.builder.RouteBuilder;

/**
 * JDBC → Anaplan: runs {@code examples.jdbc.query} and streams its rows, one at a time from the open ResultSet, as CSV
 * lines into an upload + import. Memory stays bounded by the upload chunk size, whatever the number of rows.
 *
 * <p>Properties: {@code examples.jdbc.trigger} (an endpoint to start from: {@code direct:…}, {@code timer:…},
 * {@code cron:…}), {@code examples.jdbc.dataSource} (name of a {@code javax.sql.DataSource} bean),
 * {@code examples.jdbc.query}, {@code examples.jdbc.columns} (CSV header, one name per selected column),
 * {@code examples.jdbc.uploadChunkSize}, {@code anaplan.importId}, {@code anaplan.fileId}.
 */
public class JdbcToAnaplanRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        ResultSetCsvLines csv = new ResultSetCsvLines();
        csv.setColumns(getContext().resolvePropertyPlaceholders("{{examples.jdbc.columns}}"));

        from("{{examples.jdbc.trigger}}")
                .routeId("jdbc-to-anaplan")
                .log("jdbc: running the query")
                .setBody(simple("{{examples.jdbc.query}}"))
                // StreamList: the body is an Iterator over the open ResultSet, closed when the exchange completes
                .to("jdbc:{{examples.jdbc.dataSource}}?outputType=StreamList&statement.fetchSize=1000")
                .process(csv)
                .to(ExampleRoutes.IMPORT + "&uploadChunkSize={{examples.jdbc.uploadChunkSize}}")
                .process(e -> e.getMessage().setHeader(Movements.RECORDS, ResultSetCsvLines.count(e)))
                .bean("movements", "record")
                .log("jdbc: ${header.ExampleRecords} rows streamed, ${header.CamelAnaplanRowsProcessed} imported in "
                     + "${header.CamelAnaplanChunkCount} chunk(s), task ${header.CamelAnaplanTaskId}");
    }
}
