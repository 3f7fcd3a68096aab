package io.github.camelanaplan.examples;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelanaplan.examples.support.EmbeddedKafka;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Starting camel-main applications with the example routes against a simulator, as the demo does. */
final class ExampleHarness {

    private static EmbeddedKafka kafka;

    private ExampleHarness() {
    }

    /** A started camel-main with these routes, the anaplan component pointed at the simulator, and extra properties. */
    static Main start(AnaplanSimulator sim, Map<String, String> properties, Map<String, Object> beans,
                      RoutesBuilder... routes) {
        Main main = new Main();
        AnaplanTarget.simulator(sim).camelProperties().forEach(main::addOverrideProperty);
        properties.forEach(main::addOverrideProperty);
        beans.forEach(main::bind);
        if (!beans.containsKey("movements")) {
            main.bind("movements", new Movements());
        }
        for (RoutesBuilder r : routes) {
            main.configure().addRoutesBuilder(r);
        }
        main.start();
        return main;
    }

    static Movements movements(Main main) {
        return main.getCamelContext().getRegistry().lookupByNameAndType("movements", Movements.class);
    }

    static SimModel model(AnaplanSimulator sim) {
        return sim.tenant().model(Seed.MODEL_ID);
    }

    /** Names (first column) of the model's Employees rows that start with this prefix. */
    static Set<String> names(AnaplanSimulator sim, String prefix) {
        Set<String> names = new HashSet<>();
        for (List<String> row : model(sim).rows(Seed.EMPLOYEES)) {
            if (row.get(0).startsWith(prefix + "-")) {
                names.add(row.get(0));
            }
        }
        return names;
    }

    /** One broker for all the tests of this JVM (a KRaft broker takes a few seconds to start). */
    static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            EmbeddedKafka k = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(k::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    /** Sends employees {@code from..to} of this prefix, keyed by name, values CSV lines. */
    static void produce(String topic, String prefix, long from, long to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            for (long i = from; i <= to; i++) {
                producer.send(new ProducerRecord<>(topic, io.github.camelanaplan.examples.support.DemoData.name(prefix, i),
                        io.github.camelanaplan.examples.support.DemoData.line(prefix, i)));
            }
            producer.flush();
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);
}
