package io.github.camelanaplan.examples.support;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns a camel-kafka batch ({@code batching=true}: the body is the {@code List<Exchange>} of the polled records) into
 * one CSV text: the header line, then each record's value as one line (values are CSV lines already). Sets
 * {@link Movements#RECORDS} to the number of records and {@link Movements#PARTITIONS} to the partitions they came
 * from.
 */
public class KafkaBatchToCsv implements Processor {

    private String header = "Name,Code,Department,Email";

    /** The CSV header line written first (the columns the Anaplan import maps). */
    public void setHeader(String header) {
        this.header = header;
    }

    public String getHeader() {
        return header;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<?> records = exchange.getMessage().getMandatoryBody(List.class);
        StringBuilder csv = new StringBuilder(64 * (records.size() + 1));
        csv.append(header).append('\n');
        java.util.Set<Integer> partitions = new java.util.TreeSet<>();
        for (Object record : records) {
            Integer partition = ((Exchange) record).getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
            if (partition != null) {
                partitions.add(partition);
            }
            String value = ((Exchange) record).getMessage().getBody(String.class);
            if (value == null || value.isBlank()) {
                continue;
            }
            csv.append(value);
            if (!value.endsWith("\n")) {
                csv.append('\n');
            }
        }
        exchange.getMessage().setHeader(Movements.RECORDS, records.size());
        exchange.getMessage().setHeader(Movements.PARTITIONS, partitions);
        exchange.setProperty(KafkaBatchCommit.BATCH, records);
        exchange.getMessage().setBody(csv.toString());
    }
}
