package io.github.camelanaplan.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelanaplan.client.alm.Revision;
import io.github.camelanaplan.examples.routes.AlmPromotionRoute;
import io.github.camelanaplan.examples.routes.AnaplanToFileRoute;
import io.github.camelanaplan.examples.routes.AnaplanToJdbcRoute;
import io.github.camelanaplan.examples.routes.FileToAnaplanRoute;
import io.github.camelanaplan.examples.routes.JdbcToAnaplanRoute;
import io.github.camelanaplan.examples.routes.KafkaToAnaplanRoute;
import io.github.camelanaplan.examples.support.DemoData;
import io.github.camelanaplan.examples.support.EmbeddedKafka;
import io.github.camelanaplan.examples.support.Movements;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The main job: a camel-main application that runs the file, JDBC and Kafka routes into Anaplan and the export routes
 * out of it, against the embedded simulator (or a real tenant, see {@link AnaplanTarget}), then, against the
 * simulator only, the ALM route promoting a new revision of the model to its copy; it prints progress while they run
 * and a summary of what moved, then stops. Exit code 0 when everything arrived, 1 otherwise.
 *
 * <p>Sizes can be changed with system properties: {@code demo.fileRows} (rows per file, 2 files), {@code demo.jdbcRows},
 * {@code demo.kafkaRecords}, {@code demo.kafkaPartitions}, {@code demo.timeoutSeconds}.
 */
public final class DemoApplication {

    private final long fileRows;
    private final long jdbcRows;
    private final long kafkaRecords;
    private final int kafkaPartitions;
    private final Duration timeout;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Duration> phaseTimes = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private volatile Supplier<String> progress;

    /** Sizes from the {@code demo.*} system properties, or the defaults. */
    public DemoApplication() {
        this(Long.getLong("demo.fileRows", 20_000), Long.getLong("demo.jdbcRows", 200_000),
                Long.getLong("demo.kafkaRecords", 20_000), Integer.getInteger("demo.kafkaPartitions", 3),
                Duration.ofSeconds(Long.getLong("demo.timeoutSeconds", 90)));
    }

    DemoApplication(long fileRows, long jdbcRows, long kafkaRecords, int kafkaPartitions, Duration timeout) {
        this.fileRows = fileRows;
        this.jdbcRows = jdbcRows;
        this.kafkaRecords = kafkaRecords;
        this.kafkaPartitions = kafkaPartitions;
        this.timeout = timeout;
    }

    public static void main(String[] args) {
        boolean inMaven = System.getProperty("maven.home") != null;
        int code;
        try {
            code = new DemoApplication().run();
        } catch (Exception e) {
            System.out.println();
            System.out.println("The demo failed: " + e);
            e.printStackTrace(System.out);
            code = 1;
        }
        if (inMaven) {
            // run by exec:java inside Maven: let Maven report the outcome instead of ending its JVM
            if (code != 0) {
                throw new IllegalStateException("the demo failed, see above");
            }
            return;
        }
        System.exit(code);
    }

    int run() throws Exception {
        say("camel-anaplan demo: file, JDBC and Kafka into Anaplan, exports back out, and an ALM promotion");
        AnaplanTarget target = AnaplanTarget.fromEnvironment(System.getenv(), System.getProperties());
        AnaplanSimulator sim = null;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-progress");
            t.setDaemon(true);
            return t;
        });
        Main main = null;
        EmbeddedKafka kafka = null;
        Connection keepDb = null;
        try {
            if (target == null) {
                say("No ANAPLAN_* settings found: starting the embedded Anaplan simulator");
                sim = AnaplanSimulator.start();
                target = AnaplanTarget.simulator(sim);
            }
            say("Target: " + target.describe());
            Path work = Files.createTempDirectory("camel-anaplan-demo-");
            say("Work folder: " + work);

            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:anaplan-demo;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE");
            keepDb = dataSource.getConnection();
            long t0 = System.nanoTime();
            DemoData.createEmployeesTable(keepDb, "J", jdbcRows);
            say(String.format("H2: table EMPLOYEES filled with %,d rows (%s)", jdbcRows, took(t0)));

            t0 = System.nanoTime();
            say("Kafka: starting an in-process KRaft broker ...");
            kafka = EmbeddedKafka.start();
            kafka.createTopic("employees", kafkaPartitions);
            say(String.format("Kafka: broker at %s, topic 'employees' with %d partitions (%s)", kafka.bootstrapServers(),
                    kafkaPartitions, took(t0)));

            main = new Main();
            target.camelProperties().forEach(main::addOverrideProperty);
            main.addOverrideProperty("examples.file.inbox", work.resolve("inbox").toString());
            main.addOverrideProperty("examples.kafka.brokers", kafka.bootstrapServers());
            main.addOverrideProperty("examples.export.folder", work.resolve("export").toString());
            // the export consumers are started by the export phase, once the imports are done; then they poll every
            // second and write only when the content changed
            main.addOverrideProperty("examples.export.autoStartup", "false");
            main.addOverrideProperty("examples.export.initialDelay", "0");
            main.addOverrideProperty("examples.export.delay", "1000");
            main.addOverrideProperty("examples.state.folder", work.resolve("state").toString());
            if (target.simulated()) {
                // ALM: the seeded model is the "dev" model, its copy the "prod" one
                main.addOverrideProperty("examples.alm.devModelId", Seed.MODEL_ID);
                main.addOverrideProperty("examples.alm.prodModelId", Seed.MODEL2_ID);
                main.addOverrideProperty("examples.alm.delay", "500");
            }
            main.bind("dataSource", dataSource);
            Movements movements = new Movements();
            main.bind("movements", movements);
            main.configure().addRoutesBuilder(new FileToAnaplanRoute());
            main.configure().addRoutesBuilder(new JdbcToAnaplanRoute());
            main.configure().addRoutesBuilder(new KafkaToAnaplanRoute());
            if (target.exportId() != null) {
                main.configure().addRoutesBuilder(new AnaplanToFileRoute());
                main.configure().addRoutesBuilder(new AnaplanToJdbcRoute());
            }
            if (target.simulated()) {
                main.configure().addRoutesBuilder(new AlmPromotionRoute());
            }
            t0 = System.nanoTime();
            main.start();
            say("Camel: " + main.getCamelContext().getRoutes().size() + " routes started (" + took(t0) + ")");
            ticker.scheduleAtFixedRate(this::tick, 2, 2, TimeUnit.SECONDS);

            SimModel model = sim == null ? null : sim.tenant().model(Seed.MODEL_ID);
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();

            long fileExpected = filePhase(work.resolve("inbox"), movements, model);
            long jdbcExpected = jdbcPhase(template, movements);
            long kafkaExpected = kafkaPhase(kafka, movements, model);
            long imported = fileExpected + jdbcExpected + kafkaExpected;
            if (target.exportId() != null) {
                exportPhase(main.getCamelContext(), movements, work.resolve("export"), keepDb,
                        model == null ? -1 : imported);
            }
            if (model != null) {
                almPhase(main.getCamelContext(), template, movements, sim.tenant().model(Seed.MODEL2_ID));
            }
            progress = null;
            summary(movements);
            if (model != null) {
                int rows = model.rows(Seed.EMPLOYEES).size();
                check(rows == imported, String.format("the simulated model's Employees list holds %,d rows, expected %,d",
                        rows, imported));
            }
        } finally {
            ticker.shutdownNow();
            if (main != null) {
                main.stop();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (sim != null) {
                sim.close();
            }
            if (keepDb != null) {
                keepDb.close();
            }
        }
        if (problems.isEmpty()) {
            say("All data arrived. Done in " + took(started) + ".");
            return 0;
        }
        say("Problems:");
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    // ------------------------------------------------------------------------------------------------ phases

    private long filePhase(Path inbox, Movements movements, SimModel model) throws Exception {
        say("");
        say("1. file -> Anaplan: dropping CSV files into " + inbox);
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>(List.of("employees-1.csv", "employees-2.csv"));
        DemoData.writeCsv(inbox, names.get(0), "F", 1, fileRows, null);
        DemoData.writeCsv(inbox, names.get(1), "F", fileRows + 1, 2 * fileRows, null);
        long expected = 2 * fileRows;
        if (model != null) {
            // one file with two bad rows: the simulator rejects them, the route moves the file to .error/ with the dump
            model.rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("not-an-email"));
            StringBuilder bad = new StringBuilder();
            for (int i = 1; i <= 100; i++) {
                String line = DemoData.line("FX", i);
                bad.append(i % 50 == 0 ? line.substring(0, line.lastIndexOf(',') + 1) + "not-an-email" : line).append('\n');
            }
            names.add("employees-bad.csv");
            DemoData.writeCsv(inbox, names.get(2), "FX", 1, 0, bad.toString());
            expected += 98;
        }
        Movements.Counters c = movements.counters("file-to-anaplan");
        progress = () -> String.format("file: %d of %d files done, %,d rows imported", c.messages() + c.failures(),
                names.size(), c.rows());
        waitFor("the files to be imported", () -> c.messages() + c.failures() >= names.size());
        // the file consumer moves a file after the exchange completes
        waitFor("the files to be moved", () -> count(inbox.resolve(".done")) + count(inbox.resolve(".error"))
                                              >= names.size());
        phaseTimes.put("file-to-anaplan", Duration.ofNanos(System.nanoTime() - t0));
        if (model != null) {
            model.rejectRowsMatching(Seed.IMPORT_ID, null);
            check(Files.exists(inbox.resolve(".error/employees-bad.csv"))
                  && Files.exists(inbox.resolve(".error/employees-bad.csv.dump.csv")),
                    "employees-bad.csv and its failure dump should be in " + inbox.resolve(".error"));
            say("   employees-bad.csv had 2 rejected rows: moved to .error/ with employees-bad.csv.dump.csv beside it");
        }
        check(count(inbox.resolve(".done")) == 2, "2 files should be in " + inbox.resolve(".done"));
        return expected;
    }

    private long jdbcPhase(ProducerTemplate template, Movements movements) {
        say("");
        say(String.format("2. JDBC -> Anaplan: streaming %,d rows of H2 table EMPLOYEES into an upload + import", jdbcRows));
        Movements.Counters c = movements.counters("jdbc-to-anaplan");
        progress = () -> "jdbc: query running, rows streaming into the upload";
        long t0 = System.nanoTime();
        template.requestBody("direct:jdbc-to-anaplan", (Object) null);
        phaseTimes.put("jdbc-to-anaplan", Duration.ofNanos(System.nanoTime() - t0));
        check(c.rows() == jdbcRows, String.format("jdbc: Anaplan reported %,d rows imported, expected %,d", c.rows(), jdbcRows));
        return jdbcRows;
    }

    private long kafkaPhase(EmbeddedKafka kafka, Movements movements, SimModel model) throws Exception {
        say("");
        say(String.format("3. Kafka -> Anaplan: producing %,d records to topic 'employees', imported in batches",
                kafkaRecords));
        if (model != null) {
            model.failNextTask(Seed.IMPORT_ID);
            say("   (the simulator fails the next import: that batch is not committed, it is read again and retried)");
        }
        Movements.Counters c = movements.counters("kafka-to-anaplan");
        progress = () -> String.format("kafka: %,d of %,d records imported in %d batches (%d failed, retried)",
                c.records(), kafkaRecords, c.messages(), c.failures());
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            for (long i = 1; i <= kafkaRecords; i++) {
                producer.send(new ProducerRecord<>("employees", DemoData.name("K", i), DemoData.line("K", i)));
            }
            producer.flush();
        }
        waitFor("the Kafka records to be imported", () -> c.records() >= kafkaRecords);
        phaseTimes.put("kafka-to-anaplan", Duration.ofNanos(System.nanoTime() - t0));
        check(c.records() == kafkaRecords, String.format("kafka: %,d records imported, expected %,d", c.records(),
                kafkaRecords));
        check(c.rows() == kafkaRecords, String.format("kafka: Anaplan reported %,d rows imported, expected %,d (no record"
                                                      + " twice)", c.rows(), kafkaRecords));
        return kafkaRecords;
    }

    private void exportPhase(CamelContext camel, Movements movements, Path folder, Connection db, long expected)
            throws Exception {
        say("");
        say("4. Anaplan -> file and -> JDBC: export consumers on the Employees list (polling every second, writing only "
            + "when it changed)");
        Movements.Counters toFile = movements.counters("anaplan-to-file");
        Movements.Counters toTable = movements.counters("anaplan-to-jdbc");
        progress = () -> "export: anaplan-to-file " + (toFile.messages() == 0 ? "running" : "polling again");
        // one route after the other: both run the same export, and each run rewrites the export's file in the model
        long t0 = System.nanoTime();
        camel.getRouteController().startRoute("anaplan-to-file");
        waitFor("the export to be written to a file", () -> toFile.messages() >= 1);
        phaseTimes.put("anaplan-to-file", Duration.ofNanos(System.nanoTime() - t0));
        // the next poll runs the export again, finds the same content and writes nothing
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("anaplan-to-file").getConsumer();
        waitFor("the next export poll", () -> consumer.getSuccessCounter() >= 2);
        camel.getRouteController().stopRoute("anaplan-to-file");
        List<Path> written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.toList();
        }
        check(written.size() == 1 && toFile.messages() == 1, String.format("export file: %d file(s) written, expected 1 "
                                                                           + "(the second poll found the same content)",
                written.size()));
        long fileRowsOut;
        try (Stream<String> lines = Files.lines(written.get(0))) {
            fileRowsOut = lines.count() - 1;
        }
        say(String.format("   %s: %,d rows; polled again: unchanged, nothing written", written.get(0), fileRowsOut));
        movements.addRecords("anaplan-to-file", fileRowsOut);

        progress = () -> "export: anaplan-to-jdbc running";
        t0 = System.nanoTime();
        camel.getRouteController().startRoute("anaplan-to-jdbc");
        waitFor("the export to be loaded into the table", () -> toTable.messages() >= 1);
        phaseTimes.put("anaplan-to-jdbc", Duration.ofNanos(System.nanoTime() - t0));
        camel.getRouteController().stopRoute("anaplan-to-jdbc");
        long tableRows;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM EMPLOYEES_EXPORT")) {
            rs.next();
            tableRows = rs.getLong(1);
        }
        say(String.format("   H2 table EMPLOYEES_EXPORT: %,d rows", tableRows));
        if (expected >= 0) {
            check(fileRowsOut == expected, String.format("export file: %,d rows, expected %,d", fileRowsOut, expected));
            check(tableRows == expected, String.format("export table: %,d rows, expected %,d", tableRows, expected));
        }
    }

    private void almPhase(CamelContext camel, ProducerTemplate template, Movements movements, SimModel prod)
            throws Exception {
        say("");
        say("5. ALM: tagging revision 'Release 1.2' in the model; the route promotes it to the model's copy (\"prod\")");
        Movements.Counters c = movements.counters("alm-promote");
        progress = () -> "alm: waiting for the next poll of the revisions and the sync";
        // the consumer's first poll takes the revisions already there as its starting point: tag the new one after it
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("alm-promote").getConsumer();
        waitFor("the first poll of the revisions consumer", () -> consumer.getSuccessCounter() >= 1);
        long t0 = System.nanoTime();
        Revision tagged = template.requestBodyAndHeaders("anaplan:alm/createRevision", null, Map.of(
                "CamelAnaplanRevisionName", "Release 1.2", "CamelAnaplanRevisionDescription", "Tagged by the demo"),
                Revision.class);
        say("   tagged " + tagged.name() + " (" + tagged.id() + ")");
        waitFor("the revision to be promoted", () -> c.messages() + c.failures() >= 1);
        phaseTimes.put("alm-promote", Duration.ofNanos(System.nanoTime() - t0));
        check(prod.revisionNames().contains("Release 1.2"), "alm: the prod model's revisions are "
                                                            + prod.revisionNames() + ", expected Release 1.2 among them");
        say("   prod model revisions: " + String.join(", ", prod.revisionNames()));
    }

    // ------------------------------------------------------------------------------------------------ output

    private void summary(Movements movements) {
        say("");
        say("What moved:");
        System.out.printf(Locale.ROOT, "  %-18s %8s %10s %12s %7s %6s %7s %10s %12s%n", "route", "messages", "records",
                "rows", "chunks", "tasks", "failed", "time", "rows/s");
        Map<String, Movements.Counters> routes = new LinkedHashMap<>();
        phaseTimes.keySet().forEach(id -> routes.put(id, movements.counters(id)));
        routes.putAll(movements.snapshot());
        for (Map.Entry<String, Movements.Counters> e : routes.entrySet()) {
            Movements.Counters c = e.getValue();
            Duration d = phaseTimes.get(e.getKey());
            long rows = c.rows() > 0 ? c.rows() : c.records();
            String rate = d == null || rows == 0 ? "" : String.format(Locale.ROOT, "%,.0f", rows / (d.toNanos() / 1e9));
            System.out.printf(Locale.ROOT, "  %-18s %8d %,10d %,12d %7d %6d %7d %10s %12s%n", e.getKey(), c.messages(),
                    c.records(), c.rows(), c.chunks(), c.tasks(), c.failures(),
                    d == null ? "" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0), rate);
        }
        say("  (rows: as Anaplan reported them; records: Kafka records / rows written by the route; failed: messages "
            + "whose import failed, retried or moved to .error/)");
    }

    private void tick() {
        Supplier<String> p = progress;
        if (p != null) {
            say("   ... " + p.get());
        }
    }

    private void say(String line) {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println(line.isEmpty() ? "" : String.format("[%3ds] %s", s, line));
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            say("   PROBLEM: " + problem);
        }
    }

    private void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private static long count(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".dump.csv")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String took(long t0) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }
}
