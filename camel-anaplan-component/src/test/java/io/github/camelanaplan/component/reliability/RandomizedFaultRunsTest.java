package io.github.camelanaplan.component.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.camelanaplan.component.reliability.FaultHarness.Flow;
import io.github.camelanaplan.component.reliability.FaultHarness.Kind;
import io.github.camelanaplan.component.reliability.FaultHarness.Outcome;
import io.github.camelanaplan.component.reliability.FaultHarness.Run;
import io.github.camelanaplan.component.reliability.FaultHarness.Step;
import io.github.camelanaplan.simulator.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 runs with faults drawn at random per request (each request of the flow gets a fault with probability 0.3, of
 * a kind drawn uniformly), from fixed seeds so any failure replays exactly: {@code SEEDS} are 5000 to 5199, run
 * {@code i} uses seed {@code 5000 + i}. The same invariants as the matrix hold for each. The default run takes the
 * first 20 seeds; {@code -Pslow} runs all 200.
 */
class RandomizedFaultRunsTest {

    /** The seeds of the 200 runs: 5000, 5001, ..., 5199. */
    static final long[] SEEDS = LongStream.range(5_000, 5_200).toArray();
    private static final double FAULT_PROBABILITY = 0.3;

    private static FaultHarness harness;
    private static final FaultHarness.Summary SUMMARY = new FaultHarness.Summary("Randomized fault runs");

    @BeforeAll
    static void startSimulator() {
        harness = new FaultHarness().prepare();
    }

    @AfterAll
    static void printSummary() {
        System.out.println(SUMMARY.render());
        if (harness != null) {
            harness.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> first20Seeds() {
        return runs(20);
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> all200Seeds() {
        return runs(SEEDS.length).skip(20);
    }

    private static Stream<DynamicTest> runs(int count) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = SEEDS[i];
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> {
                Run run = draw(seed);
                Outcome outcome = harness.run(run);
                SUMMARY.add(run.flow.label, run.rules.size() + (run.rules.size() == 1 ? " fault" : " faults"), outcome);
                assertThat(outcome.violations()).as(outcome.toString()).isEmpty();
            }));
        }
        return tests.stream();
    }

    /** The run of a seed: its flow, and for each of the flow's requests maybe a fault, once. */
    static Run draw(long seed) {
        Random random = new Random(seed);
        Flow flow = Flow.values()[random.nextInt(Flow.values().length)];
        StringBuilder description = new StringBuilder("seed " + seed + " " + flow.label + ":");
        Run run = new Run("seed " + seed, flow);
        Boolean expectSuccess = true;
        boolean slow = false;
        for (Step step : flow.steps()) {
            if (random.nextDouble() >= FAULT_PROBABILITY) {
                continue;
            }
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            FaultRule rule = kind.apply(step.rule()).times(1);
            run.rules.add(rule);
            description.append(' ').append(step.name()).append('=').append(kind.label);
            Boolean expected = FaultHarness.expectation(flow, step, kind);
            if (Boolean.FALSE.equals(expected) || Boolean.FALSE.equals(expectSuccess)) {
                expectSuccess = false;
            } else if (expected == null) {
                expectSuccess = null;
            }
            slow |= kind == Kind.SLOW;
            if (step.name().equals("task start")) {
                run.settledStarts = 1;
            }
            if (kind == Kind.HTTP_429_RETRY_AFTER) {
                run.extraMillis += 1_000;
            }
        }
        if (slow) {
            run.timeout = FaultHarness.SHORT_TIMEOUT;
        }
        run.wastedAttempts = 2 * Math.max(1, run.rules.size());
        // each fault strikes once and is absorbed, but for a rejected login or a non-idempotent request that got lost
        run.expectSuccess = expectSuccess;
        Run described = new Run(description.toString(), flow);
        described.rules.addAll(run.rules);
        described.timeout = run.timeout;
        described.extraMillis = run.extraMillis;
        described.wastedAttempts = run.wastedAttempts;
        described.settledStarts = run.settledStarts;
        described.expectSuccess = run.expectSuccess;
        return described;
    }
}
