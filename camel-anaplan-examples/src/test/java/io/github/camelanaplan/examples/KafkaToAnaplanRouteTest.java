package io.github.camelanaplan.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelanaplan.examples.routes.KafkaToAnaplanRoute;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaToAnaplanRouteTest {

    private static Map<String, String> kafkaProperties(String topic, String group) {
        Map<String, String> p = new HashMap<>();
        p.put("examples.kafka.brokers", ExampleHarness.kafka().bootstrapServers());
        p.put("examples.kafka.topic", topic);
        p.put("examples.kafka.groupId", group);
        p.put("examples.kafka.batchSize", "500");
        p.put("examples.kafka.batchIntervalMs", "1000");
        return p;
    }

    @Test
    void aFailedImportIsRetriedAndNoRecordIsLostOrImportedTwice() throws Exception {
        int records = 5000;
        ExampleHarness.kafka().createTopic("employees-retry", 3);
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            SimModel model = ExampleHarness.model(sim);
            model.failNextTask(Seed.IMPORT_ID);
            Main main = ExampleHarness.start(sim, kafkaProperties("employees-retry", "retry-group"), Map.of(),
                    new KafkaToAnaplanRoute());
            try {
                ExampleHarness.produce("employees-retry", "K", 1, records);
                Movements.Counters c = ExampleHarness.movements(main).counters("kafka-to-anaplan");
                await().atMost(ExampleHarness.WAIT).until(() -> c.records() >= records);
                // the committed offsets reach the end of every partition
                await().atMost(Duration.ofSeconds(20)).until(() -> committed("retry-group", "employees-retry") == records);

                assertThat(ExampleHarness.names(sim, "K")).hasSize(records);
                assertThat(c.failures()).as("failed batches").isEqualTo(1);
                // each record's row imported exactly once by a successful import: their rows add up to the records
                assertThat(c.records()).isEqualTo(records);
                assertThat(c.rows()).isEqualTo(records);
                // one import task per successful batch, plus the failed one
                assertThat(model.taskStarts(Seed.IMPORT_ID)).isEqualTo(c.messages() + 1);
                assertThat(model.tasks(Seed.IMPORT_ID).stream().filter(t -> Boolean.FALSE.equals(t.successful())))
                        .hasSize(1);
                assertThat(c.messages()).as("batches of at most 500").isGreaterThanOrEqualTo(records / 500);
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void twoInstancesInOneGroupShareThePartitionsAndImportEachRecordOnce() throws Exception {
        int records = 8000;
        String topic = "employees-shared";
        String group = "shared-group";
        ExampleHarness.kafka().createTopic(topic, 4);
        try (AnaplanSimulator sim = AnaplanSimulator.start()) {
            SimModel model = ExampleHarness.model(sim);
            // each instance uploads to its own file and runs its own import (same target list): two processes
            // uploading to one data source file at the same time would overwrite each other's file before the import
            model.addFile("113000000099", "Employees (instance 2).csv");
            model.addImport("112000000099", "Employees from Employees (instance 2).csv", "113000000099", Seed.EMPLOYEES);

            Map<String, String> p1 = kafkaProperties(topic, group);
            Map<String, String> p2 = kafkaProperties(topic, group);
            p2.put("anaplan.importId", "112000000099");
            p2.put("anaplan.fileId", "113000000099");
            Main one = ExampleHarness.start(sim, p1, Map.of(), new KafkaToAnaplanRoute());
            Main two = ExampleHarness.start(sim, p2, Map.of(), new KafkaToAnaplanRoute());
            try {
                // wait until the group settled with both members holding partitions
                Map<String, Set<Integer>> assignment = awaitTwoMembers(group);
                assertThat(assignment.values()).allSatisfy(parts -> assertThat(parts).isNotEmpty());

                ExampleHarness.produce(topic, "S", 1, records);
                Movements.Counters c1 = ExampleHarness.movements(one).counters("kafka-to-anaplan");
                Movements.Counters c2 = ExampleHarness.movements(two).counters("kafka-to-anaplan");
                await().atMost(ExampleHarness.WAIT).until(() -> c1.records() + c2.records() >= records);
                await().atMost(Duration.ofSeconds(20)).until(() -> committed(group, topic) == records);

                System.out.printf("instance 1: partitions %s, %d records in %d batches; instance 2: partitions %s, %d "
                                  + "records in %d batches%n", c1.partitions(), c1.records(), c1.messages(),
                        c2.partitions(), c2.records(), c2.messages());
                assertThat(c1.partitions()).isNotEmpty();
                assertThat(c2.partitions()).isNotEmpty();
                Set<Integer> all = new HashSet<>(c1.partitions());
                all.addAll(c2.partitions());
                assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3);
                assertThat(c1.records()).isPositive();
                assertThat(c2.records()).isPositive();
                assertThat(c1.records() + c2.records()).isEqualTo(records);
                assertThat(c1.rows() + c2.rows()).as("rows imported, all imports together").isEqualTo(records);
                assertThat(ExampleHarness.names(sim, "S")).hasSize(records);
                assertThat(model.taskStarts(Seed.IMPORT_ID)).isEqualTo(c1.messages());
                assertThat(model.taskStarts("112000000099")).isEqualTo(c2.messages());
            } finally {
                one.stop();
                two.stop();
            }
        }
    }

    /** Partitions of the topic per member once the group is stable with two members. */
    private static Map<String, Set<Integer>> awaitTwoMembers(String group) {
        Map<String, Set<Integer>> result = new HashMap<>();
        await().atMost(ExampleHarness.WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (Admin admin = ExampleHarness.kafka().admin()) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                        .get(group);
                if (d.state() != ConsumerGroupState.STABLE || d.members().size() != 2) {
                    return false;
                }
                result.clear();
                for (MemberDescription m : d.members()) {
                    Set<Integer> parts = new HashSet<>();
                    m.assignment().topicPartitions().forEach(tp -> parts.add(tp.partition()));
                    result.put(m.consumerId(), parts);
                }
                return result.values().stream().noneMatch(Set::isEmpty);
            }
        });
        return result;
    }

    /** Sum of the group's committed offsets on the topic (= records consumed and committed, from offset 0). */
    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = ExampleHarness.kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                    sum += e.getValue().offset();
                }
            }
            return sum;
        }
    }
}
