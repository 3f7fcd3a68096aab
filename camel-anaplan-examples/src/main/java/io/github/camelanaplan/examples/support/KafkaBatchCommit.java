package io.github.camelanaplan.examples.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the offsets of a camel-kafka batch after it was imported: for every partition in the batch, the manual commit
 * of its last record (a batch can span partitions, and a Kafka commit is per partition: committing only the batch's
 * last record would leave the other partitions uncommitted). Needs {@code allowManualCommit=true} and
 * {@code autoCommitEnable=false} on the consumer; runs on the consumer's thread, as Kafka requires.
 */
public class KafkaBatchCommit implements Processor {

    /** Exchange property where {@link KafkaBatchToCsv} keeps the batch's records once the body became CSV. */
    public static final String BATCH = "ExampleKafkaBatch";

    @Override
    public void process(Exchange exchange) {
        List<?> records = exchange.getProperty(BATCH, List.class);
        if (records == null) {
            Object body = exchange.getMessage().getBody();
            records = body instanceof List ? (List<?>) body : List.of();
        }
        Map<Integer, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Object r : records) {
            Exchange record = (Exchange) r;
            Integer partition = record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
            KafkaManualCommit commit = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                lastPerPartition.put(partition == null ? -1 : partition, commit);
            }
        }
        if (lastPerPartition.isEmpty() && !records.isEmpty()) {
            throw new IllegalStateException("the Kafka records carry no manual commit: set allowManualCommit=true");
        }
        for (KafkaManualCommit commit : lastPerPartition.values()) {
            commit.commit();
        }
    }
}
