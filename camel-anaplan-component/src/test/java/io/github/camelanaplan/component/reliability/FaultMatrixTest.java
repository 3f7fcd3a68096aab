package io.github.camelanaplan.component.reliability;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.camelanaplan.component.reliability.FaultHarness.Flow;
import io.github.camelanaplan.component.reliability.FaultHarness.Kind;
import io.github.camelanaplan.component.reliability.FaultHarness.Outcome;
import io.github.camelanaplan.component.reliability.FaultHarness.Run;
import io.github.camelanaplan.component.reliability.FaultHarness.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of issue 5: every flow × every fault kind × every step of the flow, each cell one exchange over
 * real sockets against the simulator, each checked for the five invariants (see {@link FaultHarness}).
 * <p>
 * The default run covers every step and every fault kind at least once (a fault once: it must be absorbed; and each
 * kind persistently: it must fail typed and clean); {@code -Pslow} runs the whole matrix.
 */
class FaultMatrixTest {

    private static FaultHarness harness;
    private static final FaultHarness.Summary ONCE = new FaultHarness.Summary("Fault matrix, fault injected once");
    private static final FaultHarness.Summary ALWAYS = new FaultHarness.Summary("Fault matrix, fault on every attempt");
    private static final FaultHarness.Summary REFUSED = new FaultHarness.Summary("Connection refused");

    @BeforeAll
    static void startSimulator() {
        harness = new FaultHarness().prepare();
    }

    @AfterAll
    static void printSummary() {
        for (FaultHarness.Summary summary : List.of(ONCE, ALWAYS, REFUSED)) {
            String table = summary.render();
            if (!table.contains(" 0 of 0 ")) {
                System.out.println(table);
            }
        }
        if (harness != null) {
            harness.close();
        }
    }

    /** Every step once, every kind at least once, injected once; every kind persistently once; refused connections. */
    @TestFactory
    Stream<DynamicTest> representativeCells() {
        List<DynamicTest> tests = new ArrayList<>();
        Kind[] kinds = Kind.values();
        Set<Kind> covered = EnumSet.noneOf(Kind.class);
        Flow[] flows = Flow.values();
        for (int f = 0; f < flows.length; f++) {
            List<Step> steps = flows[f].steps();
            for (int s = 0; s < steps.size(); s++) {
                Kind kind = kinds[(s + 5 * f) % kinds.length];
                covered.add(kind);
                tests.add(cell(ONCE, flows[f], steps.get(s), kind, false));
            }
        }
        for (Kind kind : EnumSet.complementOf(EnumSet.copyOf(covered))) {
            tests.add(cell(ONCE, Flow.UPLOAD_IMPORT, Flow.UPLOAD_IMPORT.steps().get(3), kind, false));
        }
        for (int k = 0; k < kinds.length; k++) {
            Flow flow = flows[k % flows.length];
            List<Step> steps = flow.steps();
            tests.add(cell(ALWAYS, flow, steps.get(1 + (k * 3) % (steps.size() - 1)), kinds[k], true));
        }
        for (Flow flow : flows) {
            tests.add(refused(flow, true));
            tests.add(refused(flow, false));
        }
        return tests.stream();
    }

    /** The whole matrix: every flow × step × kind, once and on every attempt. */
    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> fullMatrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean persistent : new boolean[] {false, true}) {
            for (Flow flow : Flow.values()) {
                for (Step step : flow.steps()) {
                    for (Kind kind : Kind.values()) {
                        tests.add(cell(persistent ? ALWAYS : ONCE, flow, step, kind, persistent));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static DynamicTest cell(FaultHarness.Summary summary, Flow flow, Step step, Kind kind, boolean persistent) {
        Run run = harness().cell(flow, step, kind, persistent);
        return DynamicTest.dynamicTest(run.description, () -> {
            Outcome outcome = harness.run(run);
            summary.add(flow.label, kind.label, outcome);
            assertThat(outcome.violations()).as(outcome.toString()).isEmpty();
        });
    }

    private static DynamicTest refused(Flow flow, boolean auth) {
        Run run = harness().refused(flow, auth);
        return DynamicTest.dynamicTest(run.description, () -> {
            Outcome outcome = harness.run(run);
            REFUSED.add(flow.label, auth ? "auth" : "API", outcome);
            assertThat(outcome.violations()).as(outcome.toString()).isEmpty();
        });
    }

    private static FaultHarness harness() {
        return harness;
    }
}
