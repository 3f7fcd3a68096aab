package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.MAPPER;
import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lying mode over real HTTP: what is served, what the journal keeps, how often a lie fires. */
class LyingModeTest {

    AnaplanSimulator sim;
    SimClient c;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(20)));
        c = new SimClient(sim).login();
        sim.journal().clear();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static String file(String id) {
        return ws() + "/files/" + id;
    }

    /** The last journal entry for this method and path regex. */
    JournalEntry last(String method, String pathRegex) {
        List<JournalEntry> m = sim.journal().matching(method, pathRegex);
        assertThat(m).as("journal entries for %s %s", method, pathRegex).isNotEmpty();
        return m.get(m.size() - 1);
    }

    static List<String> ids(JsonNode chunks) {
        List<String> out = new ArrayList<>();
        chunks.forEach(ch -> out.add(ch.get("id").asText()));
        return out;
    }

    // ---------------------------------------------------------------- rewrites of a JSON answer, table-driven

    static Stream<Arguments> chunkListLies() {
        return Stream.of(
                Arguments.of("dropLastChunks(1)", Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1),
                        List.of("0", "1"), JsonMutation.Kind.TRUNCATE_ARRAY),
                Arguments.of("dropLastChunks(5) empties the list", Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(5),
                        List.of(), JsonMutation.Kind.TRUNCATE_ARRAY),
                Arguments.of("chunkIdsSkip", Lie.on("GET", Lie.FILE_CHUNK_LIST).chunkIdsSkip(),
                        List.of("0", "2", "3"), JsonMutation.Kind.SET_FIELD),
                Arguments.of("chunkIdsRepeat", Lie.on("GET", Lie.FILE_CHUNK_LIST).chunkIdsRepeat(),
                        List.of("0", "1", "1"), JsonMutation.Kind.SET_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkListLies")
    void chunkListLie(String label, Lie lie, List<String> servedIds, JsonMutation.Kind mutation) throws Exception {
        assertThat(c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":3}").statusCode()).isEqualTo(200);
        sim.lie(lie);

        HttpResponse<String> r = c.get(file(Seed.FILE_ID) + "/chunks");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode served = json(r);
        assertThat(served.has("chunks") ? ids(served.get("chunks")) : List.of()).isEqualTo(servedIds);

        JournalEntry e = last("GET", Lie.FILE_CHUNK_LIST);
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        assertThat(ids(MAPPER.readTree(e.honestBody()).get("chunks"))).containsExactly("0", "1", "2");
        assertThat(MAPPER.readTree(e.servedBody())).isEqualTo(served);
        assertThat(e.mutations()).isNotEmpty().allSatisfy(m -> assertThat(m.pointer()).matches("/chunks.*|/meta/paging/.*"));
        assertThat(e.mutations()).extracting(JsonMutation::kind).contains(mutation);
        assertThat(lie.firedCount()).isEqualTo(1);

        // once only (the default): the next answer is honest and the journal says so
        assertThat(ids(json(c.get(file(Seed.FILE_ID) + "/chunks")).get("chunks"))).containsExactly("0", "1", "2");
        JournalEntry honest = last("GET", Lie.FILE_CHUNK_LIST);
        assertThat(honest.lieApplied()).isNull();
        assertThat(honest.honestBody()).isNull();
        assertThat(honest.servedBody()).isNull();
        assertThat(honest.mutations()).isEmpty();
        assertThat(lie.firedCount()).isEqualTo(1);
        assertThat(sim.lies().fired()).containsExactly(lie.name());
    }

    static Stream<Arguments> fieldLies() {
        return Stream.of(
                Arguments.of("chunkCountOff(+2) on the file list",
                        Lie.on("GET", ".*/files").chunkCountOff(2), ws() + "/files",
                        (Consumer<JsonNode[]>) hs -> {
                            JsonNode honest = hs[0], served = hs[1];
                            assertThat(honest.get("files")).isNotEmpty();
                            for (int i = 0; i < honest.get("files").size(); i++) {
                                assertThat(served.at("/files/" + i + "/chunkCount").asInt())
                                        .isEqualTo(honest.at("/files/" + i + "/chunkCount").asInt() + 2);
                            }
                        }),
                Arguments.of("totalSizeSmallerBy(1)",
                        Lie.on("GET", "/2/0/workspaces").totalSizeSmallerBy(1), "/workspaces",
                        (Consumer<JsonNode[]>) hs -> {
                            JsonNode served = hs[1];
                            assertThat(served.at("/meta/paging/totalSize").asInt())
                                    .isEqualTo(served.at("/meta/paging/currentPageSize").asInt() - 1);
                            assertThat(hs[0].at("/meta/paging/totalSize").asInt())
                                    .isEqualTo(hs[0].at("/meta/paging/currentPageSize").asInt());
                        }),
                Arguments.of("field of the wrong type",
                        Lie.on("GET", "/2/0/workspaces").field("/workspaces/0/active", "\"yes\""), "/workspaces",
                        (Consumer<JsonNode[]>) hs -> {
                            assertThat(hs[0].at("/workspaces/0/active").isBoolean()).isTrue();
                            assertThat(hs[1].at("/workspaces/0/active").isTextual()).isTrue();
                            assertThat(hs[1].at("/workspaces/0/active").asText()).isEqualTo("yes");
                        }),
                Arguments.of("withoutField",
                        Lie.on("GET", "/2/0/workspaces").withoutField("/meta/paging"), "/workspaces",
                        (Consumer<JsonNode[]>) hs -> {
                            assertThat(hs[0].at("/meta/paging").isObject()).isTrue();
                            assertThat(hs[1].at("/meta/paging").isMissingNode()).isTrue();
                            assertThat(hs[1].get("workspaces")).isEqualTo(hs[0].get("workspaces"));
                        }),
                Arguments.of("otherId",
                        Lie.on("GET", "/2/0/workspaces").otherId("/workspaces/0/id"), "/workspaces",
                        (Consumer<JsonNode[]>) hs -> {
                            String honestId = hs[0].at("/workspaces/0/id").asText();
                            String servedId = hs[1].at("/workspaces/0/id").asText();
                            assertThat(servedId).isNotEqualTo(honestId).hasSameSizeAs(honestId)
                                    .startsWith(honestId.substring(0, honestId.length() - 1));
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldLies")
    void fieldLie(String label, Lie lie, String path, Consumer<JsonNode[]> check) throws Exception {
        JsonNode before = json(c.get(path));
        sim.lie(lie);
        HttpResponse<String> r = c.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode served = json(r);
        assertThat(served).isNotEqualTo(before);

        JournalEntry e = sim.journal().entries().get(sim.journal().entries().size() - 1);
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        JsonNode honest = MAPPER.readTree(e.honestBody());
        assertThat(honest).isEqualTo(before);
        assertThat(MAPPER.readTree(e.servedBody())).isEqualTo(served);
        assertThat(e.mutations()).isNotEmpty();
        check.accept(new JsonNode[] {honest, served});
        // the mutations describe the change: each pointer's "after" is what was served there
        for (JsonMutation m : e.mutations()) {
            if (m.after() != null && m.kind() == JsonMutation.Kind.SET_FIELD) {
                assertThat(served.at(m.pointer())).isEqualTo(MAPPER.readTree(m.after()));
            }
        }
        assertThat(json(c.get(path))).isEqualTo(before);
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- lies decided before processing

    @Test
    void absurdRetryAfterAndTheRequestIsNotProcessed() throws Exception {
        Lie lie = sim.lie(Lie.on("POST", ".*/imports/[^/]+/tasks").retryAfter(429, "99999999999"));
        HttpResponse<String> r = c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("99999999999");
        assertThat(sim.tenant().model(Seed.MODEL_ID).taskStarts(Seed.IMPORT_ID)).isZero();
        JournalEntry e = last("POST", ".*/imports/[^/]+/tasks");
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        assertThat(e.toString()).contains("[lie " + lie.name() + "]");

        // spent: the next start is processed
        assertThat(c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}").statusCode()).isEqualTo(200);
        assertThat(sim.tenant().model(Seed.MODEL_ID).taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    @Test
    void pagingThatDoesNotAdvance() throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().maxPageSize(3))) {
            for (int i = 0; i < 7; i++) {
                s.tenant().addWorkspace(String.format("%032x", i + 1), "WS " + i);
            }
            SimClient sc = new SimClient(s).login();
            Lie lie = s.lie(Lie.on("GET", "/2/0/workspaces").always().pagingStuck());

            JsonNode first = json(sc.get("/workspaces"));
            // the first page was not asked with an offset: nothing to lie about, nothing spent
            assertThat(lie.firedCount()).isZero();
            String next = first.at("/meta/paging/next").asText();
            assertThat(next).endsWith("offset=3");

            JsonNode second = json(sc.get(next));
            assertThat(second.at("/meta/paging/offset").asInt()).isZero();
            assertThat(second.get("workspaces")).isEqualTo(first.get("workspaces"));
            assertThat(second.at("/meta/paging/next").asText()).isEqualTo(next);
            JournalEntry e = s.journal().entries().get(s.journal().entries().size() - 1);
            assertThat(e.query()).isEqualTo("limit=3&offset=3");
            assertThat(e.lieApplied()).isEqualTo(lie.name());
            assertThat(MAPPER.readTree(e.honestBody()).at("/meta/paging/offset").asInt()).isEqualTo(3);
            assertThat(MAPPER.readTree(e.servedBody())).isEqualTo(second);

            assertThat(json(sc.get("/workspaces?limit=3&offset=6")).at("/meta/paging/offset").asInt()).isZero();
            assertThat(lie.firedCount()).isEqualTo(2);
            s.lies().clear();
            assertThat(json(sc.get("/workspaces?limit=3&offset=6")).at("/meta/paging/offset").asInt()).isEqualTo(6);
        }
    }

    // ---------------------------------------------------------------- lies on the wire

    @Test
    void trickleSendsTheHonestBodySlowly() throws Exception {
        String honest = c.get("/workspaces").body();
        Duration perByte = Duration.ofMillis(2);
        Lie lie = sim.lie(Lie.on("GET", "/2/0/workspaces").trickle(perByte));
        long t0 = System.nanoTime();
        HttpResponse<String> r = c.get("/workspaces");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(honest);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(honest.getBytes(StandardCharsets.UTF_8).length);
        assertThat(elapsedMs).isGreaterThanOrEqualTo((honest.length() - 1L) * perByte.toMillis());
        JournalEntry e = last("GET", "/2/0/workspaces");
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        assertThat(e.honestBody()).isEqualTo(honest);
        assertThat(e.servedBody()).isNull();
        assertThat(e.mutations()).isEmpty();

        long t1 = System.nanoTime();
        assertThat(c.get("/workspaces").body()).isEqualTo(honest);
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(elapsedMs);
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    @Test
    void neverEndingAnswerKeepsSendingWhitespace() throws Exception {
        String honest = c.get("/workspaces").body();
        Lie lie = sim.lie(Lie.on("GET", "/2/0/workspaces").neverEnding(Duration.ofMillis(1)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> r = http.send(c.api("/workspaces").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] honestBytes = honest.getBytes(StandardCharsets.UTF_8);
        int extra = 400; // 50 writes of filler: well past where an honest answer ends
        try (InputStream in = r.body()) {
            byte[] got = in.readNBytes(honestBytes.length - 1 + extra);
            assertThat(got).hasSize(honestBytes.length - 1 + extra);
            String text = new String(got, StandardCharsets.UTF_8);
            assertThat(text).startsWith(honest.substring(0, honest.length() - 1));
            assertThat(text.substring(honest.length() - 1)).isBlank();
        }
        JournalEntry e = last("GET", "/2/0/workspaces");
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        assertThat(e.responseBodySize()).isEqualTo(-1);
        assertThat(e.honestBody()).isEqualTo(honest);
        // spent: the next answer ends
        assertThat(c.get("/workspaces").body()).isEqualTo(honest);
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- how often a lie fires

    @Test
    void firesFromTheOccurrenceForTheConfiguredTimes() throws Exception {
        Lie lie = sim.lie(Lie.on("GET", "/2/0/workspaces").occurrence(2).times(2).field("/workspaces/0/name", "42"));
        List<Boolean> lied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lied.add(json(c.get("/workspaces")).at("/workspaces/0/name").isNumber());
        }
        assertThat(lied).containsExactly(false, true, true, false, false);
        assertThat(lie.firedCount()).isEqualTo(2);
        assertThat(sim.lies().fired()).hasSize(2);
        assertThat(sim.journal().entries().stream().filter(e -> e.lieApplied() != null).count()).isEqualTo(2);
    }

    @Test
    void answersALieCannotChangeDoNotSpendIt() throws Exception {
        Lie lie = sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1));
        // 404 on an unknown file: not a 2xx list, not counted
        assertThat(c.get(file("113000000099") + "/chunks").statusCode()).isEqualTo(404);
        assertThat(lie.firedCount()).isZero();
        // a fault wins over a lie and does not spend it
        sim.faults().add(FaultRule.on("GET", Lie.FILE_CHUNK_LIST).respond(503));
        assertThat(c.get(file(Seed.FILE_ID) + "/chunks").statusCode()).isEqualTo(503);
        assertThat(lie.firedCount()).isZero();
        assertThat(last("GET", Lie.FILE_CHUNK_LIST).lieApplied()).isNull();
        c.postJson(file(Seed.FILE_ID), "{\"chunkCount\":2}");
        assertThat(json(c.get(file(Seed.FILE_ID) + "/chunks")).get("chunks")).hasSize(1);
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    @Test
    void whenFieldWaitsForTheTaskToComplete() throws Exception {
        Lie lie = sim.lie(Lie.on("GET", Lie.TASK_STATUS).whenField("/task/taskState", "COMPLETE").withoutField("/task/result"));
        String path = ws() + "/imports/" + Seed.IMPORT_ID + "/tasks";
        String taskId = json(c.postJson(path, "{\"localeName\":\"en_US\"}")).at("/task/taskId").asText();
        JsonNode task;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int polls = 0;
        do {
            task = json(c.get(path + "/" + taskId)).get("task");
            polls++;
            if (!task.get("taskState").asText().equals("COMPLETE")) {
                assertThat(lie.firedCount()).isZero();
            }
        } while (!task.get("taskState").asText().equals("COMPLETE") && System.nanoTime() < deadline);
        assertThat(task.get("taskState").asText()).isEqualTo("COMPLETE");
        assertThat(task.has("result")).isFalse();
        assertThat(lie.firedCount()).isEqualTo(1);
        JournalEntry e = last("GET", Lie.TASK_STATUS);
        assertThat(MAPPER.readTree(e.honestBody()).at("/task/result").isObject()).isTrue();
        assertThat(e.mutations()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(JsonMutation.Kind.DROP_FIELD);
            assertThat(m.pointer()).isEqualTo("/task/result");
            assertThat(m.after()).isNull();
        });
        assertThat(json(c.get(path + "/" + taskId)).at("/task/result").isObject()).isTrue();
    }

    @Test
    void otherIdOnATaskStart() throws Exception {
        sim.lie(Lie.on("POST", ".*/imports/[^/]+/tasks").otherId("/task/taskId"));
        String path = ws() + "/imports/" + Seed.IMPORT_ID + "/tasks";
        String served = json(c.postJson(path, "{\"localeName\":\"en_US\"}")).at("/task/taskId").asText();
        String honest = MAPPER.readTree(last("POST", ".*/imports/[^/]+/tasks").honestBody()).at("/task/taskId").asText();
        assertThat(served).isNotEqualTo(honest).hasSameSizeAs(honest);
        assertThat(c.get(path + "/" + honest).statusCode()).isEqualTo(200);
        assertThat(c.get(path + "/" + served).statusCode()).isEqualTo(404);
    }

    @Test
    void serveHonestlySuspendsLiesWithoutSpendingThem() throws Exception {
        Lie lie = sim.lie(Lie.on("GET", "/2/0/workspaces").field("/workspaces/0/active", "\"yes\""));
        sim.lies().serveHonestly(true);
        assertThat(sim.lies().servingHonestly()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(json(c.get("/workspaces")).at("/workspaces/0/active").isBoolean()).isTrue();
        }
        assertThat(lie.firedCount()).isZero();
        assertThat(sim.lies().fired()).isEmpty();
        assertThat(sim.journal().entries()).allSatisfy(e -> assertThat(e.lieApplied()).isNull());

        sim.lies().serveHonestly(false);
        assertThat(json(c.get("/workspaces")).at("/workspaces/0/active").asText()).isEqualTo("yes");
        assertThat(lie.firedCount()).isEqualTo(1);
    }

    @Test
    void aLieMustSaySomethingAndOnlyOneThing() {
        assertThatThrownBy(() -> sim.lie(Lie.on("GET", ".*"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lie.on("GET", ".*").pagingStuck().chunkIdsSkip()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Lie.on("GET", ".*").corrupt(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lie.on("GET", ".*").field("/a", "{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- seeded corruption

    /** The same requests against a fresh simulator corrupting with this seed; the mutations of each answer. */
    static List<List<JsonMutation>> corruptedRun(long seed) throws Exception {
        try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().corruptJson(seed, 1.0))) {
            SimClient sc = new SimClient(s).login();
            for (String p : List.of("/workspaces", "/models", ws() + "/files", ws() + "/imports", "/workspaces", ws() + "/files")) {
                HttpResponse<String> r = sc.get(p);
                assertThat(r.statusCode()).isEqualTo(200);
            }
            List<List<JsonMutation>> out = new ArrayList<>();
            for (JournalEntry e : s.journal().matching("GET", "/2/0/.*")) {
                assertThat(e.lieApplied()).isEqualTo("corrupt seed " + seed);
                assertThat(e.honestBody()).isNotNull();
                assertThat(MAPPER.readTree(e.servedBody())).isNotEqualTo(MAPPER.readTree(e.honestBody()));
                assertThat(e.mutations()).hasSize(1);
                out.add(e.mutations());
            }
            assertThat(out).hasSize(6);
            return out;
        }
    }

    @Test
    void seededCorruptionIsReproducible() throws Exception {
        List<List<JsonMutation>> a = corruptedRun(42);
        List<List<JsonMutation>> b = corruptedRun(42);
        assertThat(b).isEqualTo(a);
        List<List<JsonMutation>> other = corruptedRun(7);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void corruptionServesWhatTheJournalSaysAndKeepsTheHonestAnswer() throws Exception {
        JsonNode honest = json(c.get("/workspaces"));
        Lie lie = sim.lie(Lie.on("GET", "/2/0/workspaces").corrupt(123, 1.0));
        HttpResponse<String> r = c.get("/workspaces");
        JournalEntry e = last("GET", "/2/0/workspaces");
        assertThat(e.lieApplied()).isEqualTo(lie.name());
        assertThat(MAPPER.readTree(e.honestBody())).isEqualTo(honest);
        assertThat(r.body()).isEqualTo(e.servedBody());
        assertThat(json(r)).isNotEqualTo(honest);
        JsonMutation m = e.mutations().get(0);
        assertThat(honest.at(m.pointer()).isMissingNode()).isFalse();
        assertThat(MAPPER.readTree(m.before())).isEqualTo(honest.at(m.pointer()));
    }

    @Test
    void corruptionProbabilityZeroNeverFires() throws Exception {
        Lie lie = sim.lie(Lie.on("*", "/2/0/.*").always().corrupt(1, 0.0));
        JsonNode honest = json(c.get("/workspaces"));
        for (int i = 0; i < 5; i++) {
            assertThat(json(c.get("/workspaces"))).isEqualTo(honest);
        }
        assertThat(lie.firedCount()).isZero();
    }

    @Test
    void liesFromOptionsAreFreshForEachSimulator() throws Exception {
        SimulatorOptions o = SimulatorOptions.defaults().lies(Lie.on("GET", "/2/0/workspaces").field("/workspaces/0/active", "0"));
        for (int run = 0; run < 2; run++) {
            try (AnaplanSimulator s = AnaplanSimulator.start(o)) {
                SimClient sc = new SimClient(s).login();
                assertThat(json(sc.get("/workspaces")).at("/workspaces/0/active").isNumber()).isTrue();
                assertThat(json(sc.get("/workspaces")).at("/workspaces/0/active").isBoolean()).isTrue();
                assertThat(s.lies().lies()).singleElement().satisfies(l -> assertThat(l.firedCount()).isEqualTo(1));
            }
        }
        assertThat(o.lies()).singleElement().satisfies(l -> assertThat(l.firedCount()).isZero());
    }
}
