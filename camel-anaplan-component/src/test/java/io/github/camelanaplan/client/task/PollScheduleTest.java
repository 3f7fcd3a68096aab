package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PollScheduleTest {

    private static PollSchedule bulk(long first, long max) {
        return new PollSchedule(Duration.ofMillis(first), PollSchedule.GROWTH, Duration.ofMillis(max),
                PollSchedule.BULK_MIN_DELAY, null);
    }

    private static PollSchedule other(long first, long max) {
        return new PollSchedule(Duration.ofMillis(first), PollSchedule.GROWTH, Duration.ofMillis(max),
                PollSchedule.MIN_DELAY, null);
    }

    static Stream<Arguments> nextDelays() {
        return Stream.of(
                // bulk (TaskRunner.nextDelay): no progress → grows by half, never below 200 ms, never above max
                Arguments.of("bulk grows by half", bulk(1000, 10_000), 1000L, null, 5_000L, 1500L),
                Arguments.of("bulk growth capped at max", bulk(1000, 10_000), 8000L, null, 60_000L, 10_000L),
                Arguments.of("bulk small delay lifted to 200 ms", bulk(50, 200), 50L, null, 50L, 200L),
                Arguments.of("bulk progress 0 is no estimate", bulk(1000, 10_000), 1000L, 0.0, 5_000L, 1500L),
                Arguments.of("bulk progress 1 is no estimate", bulk(1000, 10_000), 1000L, 1.0, 5_000L, 1500L),
                // 4 s for 40 %: 6 s to go, plus the 50 ms margin
                Arguments.of("bulk progress times the next poll", bulk(1000, 10_000), 1000L, 0.4, 4_000L, 6050L),
                Arguments.of("bulk progress estimate capped at max", bulk(1000, 10_000), 1000L, 0.1, 9_000L, 10_000L),
                Arguments.of("bulk progress estimate near the end floored at 200", bulk(1000, 10_000), 1000L, 0.99,
                        1_000L, 200L),
                // changed on purpose: nextDelay let the 200 ms floor beat a smaller maxPollDelay for progress estimates
                // (and not for growth); the user's ceiling now wins in both branches
                Arguments.of("ceiling beats floor with progress", bulk(50, 100), 50L, 0.99, 1_000L, 100L),
                Arguments.of("ceiling beats floor when growing", bulk(50, 100), 50L, null, 1_000L, 100L),
                // others (Poller): grow by half from the first delay up to max; the floor is only 20 ms
                Arguments.of("other grows by half", other(50, 200), 50L, null, 50L, 75L),
                Arguments.of("other growth capped", other(50, 200), 150L, null, 400L, 200L),
                Arguments.of("other floor 20 ms", other(0, 200), 10L, null, 10L, 20L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextDelays")
    void nextDelay(String name, PollSchedule schedule, long delay, Double progress, long elapsed, long expected) {
        assertThat(schedule.next(delay, progress, elapsed)).isEqualTo(expected);
    }

    static Stream<Arguments> firstWaits() {
        return Stream.of(
                Arguments.of("bulk first poll after pollDelay, not the 200 ms floor", bulk(50, 200), 50L),
                Arguments.of("zero pollDelay does not spin", bulk(0, 200), PollSchedule.FLOOR_MILLIS),
                Arguments.of("other first poll after pollDelay", other(1000, 10_000), 1000L),
                // as both loops did: a max below the first delay is raised to it
                Arguments.of("max below first is raised", other(1000, 10), 1000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstWaits")
    void firstWait(String name, PollSchedule schedule, long expected) {
        assertThat(schedule.firstWait()).isEqualTo(expected);
    }

    @Test
    void timeLeftCountsDownToTheTaskTimeoutOrNever() {
        PollSchedule timed = new PollSchedule(Duration.ofMillis(50), 1.5, Duration.ofMillis(200),
                PollSchedule.MIN_DELAY, Duration.ofSeconds(2));
        assertThat(timed.timeLeft(500)).isEqualTo(1500);
        assertThat(timed.timeLeft(2500)).isNegative();
        assertThat(other(50, 200).timeLeft(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void factoriesKeepTheDeliberateMinimumDifference() {
        TaskOptions options = TaskOptions.defaults();
        assertThat(PollSchedule.forBulkTasks(options).minDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(PollSchedule.of(options).minDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(PollSchedule.of(options).firstWait()).isEqualTo(1000);
        assertThat(PollSchedule.of(options).maxDelay()).isEqualTo(Duration.ofSeconds(10));
    }
}
