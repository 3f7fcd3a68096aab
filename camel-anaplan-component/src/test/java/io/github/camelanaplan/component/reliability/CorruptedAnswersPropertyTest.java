package io.github.camelanaplan.component.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.AnaplanTestSupport;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.JsonMutation;
import io.github.camelanaplan.simulator.Lie;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The invariant of the engine, tested with seeded random corruption of the Integration API's JSON answers (the
 * simulator's lying mode): a call either fails with an {@link AnaplanException}, or returns what an honest server
 * would have given. The one allowance: a lie that still reads as an honest answer (a value swapped for another of the
 * same type, an optional field dropped or nulled) may show in the result, but only in the field it touched; no client
 * can tell such an answer from an honest one. Every case is bounded in time: a hang fails it.
 *
 * <p>A failing case names its seed and operation; replay it with {@code -Danaplan.property.seed=<seed>}.
 */
class CorruptedAnswersPropertyTest extends AnaplanTestSupport {

    /** Cases in the normal run; {@code -Pslow} runs {@link #SLOW_CASES} more with other seeds. */
    static final int CASES = 500;
    static final int SLOW_CASES = 5_000;
    private static final double PROBABILITY = 0.35;
    private static final Duration CASE_BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    /** Read operations whose honest result does not change from one call to the next. */
    private static final List<String> OPERATIONS = List.of(
            "anaplan:workspaces",
            "anaplan:models",
            "anaplan:files",
            "anaplan:imports",
            "anaplan:exports",
            "anaplan:processes",
            "anaplan:actions",
            "anaplan:importMetadata?actionId=" + Seed.IMPORT_ID,
            "anaplan:download?fileId=" + Seed.FILE_ID,
            "anaplan:export?actionId=" + Seed.EXPORT_ID,
            "anaplan:alm/revisions");

    /** Lies that leave an answer a client cannot tell from an honest one, when they touch a leaf value. */
    private static final Set<JsonMutation.Kind> UNDETECTABLE = Set.of(JsonMutation.Kind.SWAP_VALUE,
            JsonMutation.Kind.DROP_FIELD, JsonMutation.Kind.NULL_VALUE);

    private final Map<String, Object> honest = new HashMap<>();
    private final Map<String, Integer> outcomes = new HashMap<>();

    @Override
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.defaults().taskDuration(Duration.ofMillis(50)).maxPageSize(2);
    }

    @Override
    protected void configure(AnaplanConfiguration c) {
        c.setRetryBackoff(5);
        c.setRetryCount(1);
        c.setStatusPollDelay(20);
        c.setMaxStatusPollDelay(40);
        c.setTimeout(5_000);
    }

    @TestFactory
    Stream<DynamicTest> corruptedAnswersNeverGiveAWrongResultNorHang() {
        return cases(seeds(1, CASES));
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> manyMoreSeeds() {
        return cases(seeds(1_000_000, SLOW_CASES));
    }

    private static long[] seeds(long first, int count) {
        String replay = System.getProperty("anaplan.property.seed");
        if (replay != null && !replay.isBlank()) {
            return new long[] {Long.parseLong(replay.trim())};
        }
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = first + i;
        }
        return seeds;
    }

    private Stream<DynamicTest> cases(long[] seeds) {
        Iterator<Long> it = Arrays.stream(seeds).boxed().iterator();
        Stream<DynamicTest> all = Stream.generate(() -> null).takeWhile(x -> it.hasNext()).map(x -> {
            long seed = it.next();
            String uri = OPERATIONS.get(new Random(seed).nextInt(OPERATIONS.size()));
            return DynamicTest.dynamicTest("seed " + seed + " " + uri, () -> runCase(seed, uri));
        });
        return Stream.concat(all, Stream.of(DynamicTest.dynamicTest("every kind of outcome occurred", () -> {
            System.out.printf("CorruptedAnswersPropertyTest: %d cases, outcomes %s%n", seeds.length, outcomes);
            if (seeds.length >= 100) {
                assertThat(outcomes).as("refused, honest and undetectable cases all occur: %s", outcomes)
                        .containsKeys("refused", "honest");
            }
        })));
    }

    private void runCase(long seed, String uri) {
        Object truth = honest.computeIfAbsent(uri, u -> {
            sim.lies().clear();
            return comparable(template.requestBody(u, (Object) null));
        });
        sim.lies().clear();
        sim.journal().clear();
        sim.lie(Lie.on("*", "/2/0/.*").always().corrupt(seed, PROBABILITY).named("corrupt seed " + seed));
        Object result;
        try {
            result = assertTimeoutPreemptively(CASE_BOUND, () -> comparable(template.requestBody(uri, (Object) null)),
                    () -> "seed " + seed + " " + uri + " did not end within " + CASE_BOUND + "; lies: " + lies());
        } catch (CamelExecutionException e) {
            if (!(e.getCause() instanceof AnaplanException)) {
                fail("seed " + seed + " " + uri + " failed with " + e.getCause() + ", not an AnaplanException; lies: "
                     + lies(), e.getCause());
            }
            count("refused");
            return;
        } catch (UncheckedIOException e) {
            // reading the lazy result failed: the stream's reader sees the failure, as a route would
            assertThat(e.getCause()).hasRootCauseInstanceOf(AnaplanException.class);
            count("refused");
            return;
        }
        if (truth.equals(result) || truth instanceof byte[] b && result instanceof byte[] r && Arrays.equals(b, r)) {
            count("honest");
            return;
        }
        List<JsonMutation> mutations = lies();
        if (truth instanceof JsonNode t && result instanceof JsonNode r && onlyUndetectableLeaves(t, r, mutations)) {
            count("undetectable");
            return;
        }
        fail("seed " + seed + " " + uri + " returned a wrong result without failing.\n honest: " + truth + "\n result: "
             + result + "\n lies: " + mutations);
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private List<JsonMutation> lies() {
        List<JsonMutation> all = new ArrayList<>();
        for (JournalEntry e : sim.journal().entries()) {
            all.addAll(e.mutations());
        }
        return all;
    }

    /** Lists and records as JSON trees, streams and bytes as bytes: what equality can compare. */
    private static Object comparable(Object body) {
        try {
            if (body instanceof InputStream in) {
                try (in) {
                    return in.readAllBytes();
                }
            }
            if (body instanceof byte[]) {
                return body;
            }
            return MAPPER.valueToTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when every leaf where the result differs from the honest one is named by an undetectable lie: the same
     * field name at the end of the lie's pointer, and the result holding the lie's value (or nothing, for a drop or a
     * null).
     */
    private static boolean onlyUndetectableLeaves(JsonNode honest, JsonNode result, List<JsonMutation> mutations) {
        List<String> differing = new ArrayList<>();
        diff("", honest, result, differing);
        Set<String> touched = new HashSet<>();
        for (JsonMutation m : mutations) {
            if (!UNDETECTABLE.contains(m.kind())) {
                continue;
            }
            String[] parts = m.pointer().split("/");
            String last = parts[parts.length - 1];
            boolean element = last.chars().allMatch(Character::isDigit);
            if (element && m.kind() != JsonMutation.Kind.SWAP_VALUE) {
                continue; // a list element dropped or nulled is a broken list, not an honest-looking one
            }
            touched.add(element ? parts[parts.length - 2] : last); // a list's elements differ under the list's name
        }
        return !differing.isEmpty() && differing.stream().allMatch(touched::contains);
    }

    /** Field names (last segment) of the leaves that differ; an array of another length differs as a whole. */
    private static void diff(String name, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(n, a.path(n), b.path(n), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(name, a.get(i), b.get(i), out);
            }
        } else if (!equivalent(a, b)) {
            out.add(a.isContainerNode() || b.isContainerNode() ? "(structure of " + name + ")" : name);
        }
    }

    /** A missing field and a null one read the same into a record. */
    private static boolean equivalent(JsonNode a, JsonNode b) {
        return a.equals(b) || (a.isMissingNode() || a.isNull()) && (b.isMissingNode() || b.isNull());
    }
}
