package io.github.camelanaplan.examples.routes;

import io.github.camelanaplan.examples.support.FailureDumpWriter;
import org.apache.camel.builder.RouteBuilder;

/**
 * file → Anaplan: every CSV file dropped into {@code examples.file.inbox} is uploaded to the import's data source file
 * and imported. A file whose import succeeded moves to {@code .done/}; one whose import failed or rejected rows moves
 * to {@code examples.file.errorFolder} (default {@code .error/}) with the import's failure dump beside it
 * ({@code <name>.dump.csv}).
 *
 * <p>Properties: {@code examples.file.inbox}, {@code examples.file.errorFolder}, {@code anaplan.importId},
 * {@code anaplan.fileId}; the connection comes from {@code camel.component.anaplan.*}.
 */
public class FileToAnaplanRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        FailureDumpWriter dumps = new FailureDumpWriter();
        dumps.setErrorFolder(getContext().resolvePropertyPlaceholders("{{examples.file.errorFolder}}"));

        from("file:{{examples.file.inbox}}?include=.*\\.csv"
             + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=250"
             + "&move=.done/${file:name}&moveFailed={{examples.file.errorFolder}}/${file:name}")
                .routeId("file-to-anaplan")
                // not handled: the exchange stays failed, so the file consumer moves the file to the error folder
                .onException(Exception.class)
                    .logExhausted(false)
                    .process(dumps)
                    .bean("movements", "recordFailure")
                .end()
                .log("file: importing ${file:name} (${file:size} bytes)")
                // failOnWarnings: a file with any rejected row counts as failed (its other rows are imported)
                .to(ExampleRoutes.IMPORT + "&failOnWarnings=true")
                .bean("movements", "record")
                .log("file: ${file:name} imported, ${header.CamelAnaplanRowsProcessed} rows, "
                     + "${header.CamelAnaplanChunkCount} chunk(s), task ${header.CamelAnaplanTaskId}");
    }
}
