package io.github.camelanaplan.examples.routes;

import io.github.camelanaplan.examples.support.KafkaBatchCommit;
import io.github.camelanaplan.examples.support.KafkaBatchToCsv;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Kafka → Anaplan: records (values are CSV lines) are consumed in batches — up to {@code examples.kafka.batchSize}
 * records, or what arrived within {@code examples.kafka.batchIntervalMs} — and each batch is uploaded and imported as
 * one file. Offsets are committed only after the import succeeded; a failed import fails the batch, and
 * {@code breakOnFirstError} makes the consumer reconnect and read again from the last committed offsets, so the
 * batch is retried and nothing is skipped.
 *
 * <p>Properties: {@code examples.kafka.brokers}, {@code examples.kafka.topic}, {@code examples.kafka.groupId},
 * {@code examples.kafka.batchSize}, {@code examples.kafka.batchIntervalMs}, {@code examples.kafka.header},
 * {@code anaplan.importId}, {@code anaplan.fileId}.
 */
public class KafkaToAnaplanRoute extends RouteBuilder {

    @Override
    public void configure() {
        ExampleRoutes.ensureMovements(getContext());
        KafkaBatchToCsv toCsv = new KafkaBatchToCsv();
        toCsv.setHeader(getContext().resolvePropertyPlaceholders("{{examples.kafka.header}}"));

        from("kafka:{{examples.kafka.topic}}?brokers={{examples.kafka.brokers}}&groupId={{examples.kafka.groupId}}"
             + "&autoOffsetReset=earliest"
             // batches by size and by time
             + "&batching=true&maxPollRecords={{examples.kafka.batchSize}}"
             + "&batchingIntervalMs={{examples.kafka.batchIntervalMs}}&pollTimeoutMs=500"
             // offsets committed by the route, after the import; a failure re-reads from the last commit
             + "&allowManualCommit=true&autoCommitEnable=false&breakOnFirstError=true")
                .routeId("kafka-to-anaplan")
                .onException(Exception.class)
                    .logExhausted(false)
                    .bean("movements", "recordFailure")
                    .log(LoggingLevel.WARN, "kafka: import of a batch of ${header.ExampleRecords} records failed "
                                            + "(${exception.message}); offsets not committed, the batch will be read again")
                .end()
                .process(toCsv)
                .to(ExampleRoutes.IMPORT)
                .process(new KafkaBatchCommit())
                .bean("movements", "record")
                .log("kafka: batch of ${header.ExampleRecords} records imported (${header.CamelAnaplanRowsProcessed} "
                     + "rows, task ${header.CamelAnaplanTaskId}), offsets committed");
    }
}
