package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ActiveTasksTest {

    private static final PollSchedule LONG = new PollSchedule(Duration.ofSeconds(30), 1.5, Duration.ofSeconds(30),
            PollSchedule.MIN_DELAY, null);

    @Test
    void closeWakesWaitersAtOnceAndCancelsTheirTasks() throws Exception {
        ActiveTasks tasks = new ActiveTasks();
        AtomicInteger cancels = new AtomicInteger();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try (ActiveTasks.Entry entry = tasks.register("export")) {
                waiting.countDown();
                TaskWaiter.await(entry, LONG, WatchedTask.of("export task T1", () -> "IN_PROGRESS", s -> false)
                        .cancelledBy(() -> {
                            cancels.incrementAndGet();
                            return null;
                        }, true));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        waiting.await(5, TimeUnit.SECONDS);
        Thread.sleep(50);
        long start = System.nanoTime();
        assertThat(tasks.close(Duration.ofSeconds(10))).isTrue();
        Throwable failure = waiter.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        assertThat(failure).isInstanceOf(AnaplanActionException.class).hasMessageContaining("shutting down");
        assertThat(((AnaplanActionException) failure).getReason()).isEqualTo(AnaplanActionException.Reason.SHUTDOWN);
        assertThat(cancels).hasValue(1);
        assertThat(tasks.size()).isZero();
        assertThatThrownBy(() -> tasks.register("import")).isInstanceOf(AnaplanException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeWaitsForAStartOnTheWireWhichThenCancelsItsTask() throws Exception {
        ActiveTasks tasks = new ActiveTasks();
        AtomicInteger cancels = new AtomicInteger();
        CountDownLatch startSent = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<Void> starter = CompletableFuture.runAsync(() -> {
            try (ActiveTasks.Entry entry = tasks.register("import")) {
                startSent.countDown();
                try {
                    answer.await(5, TimeUnit.SECONDS); // the start's answer is still on its way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                entry.started(cancels::incrementAndGet);
            }
        });
        startSent.await(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> tasks.close(Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(closing).as("close waits for the start").isNotDone();
        answer.countDown();
        assertThat(closing.get(5, TimeUnit.SECONDS)).isTrue();
        starter.get(5, TimeUnit.SECONDS);
        assertThat(cancels).as("the late-started task is cancelled once").hasValue(1);
    }

    @Test
    void closeIsBounded() throws Exception {
        ActiveTasks tasks = new ActiveTasks();
        ActiveTasks.Entry stuck = tasks.register("stuck start");
        long start = System.nanoTime();
        assertThat(tasks.close(Duration.ofMillis(200))).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(150L, 2_000L);
        stuck.close();
    }

    @Test
    void timeoutCancelsWhenAskedAndSaysSo() {
        ActiveTasks tasks = new ActiveTasks();
        PollSchedule short_ = new PollSchedule(Duration.ofMillis(20), 1.5, Duration.ofMillis(40), PollSchedule.MIN_DELAY,
                Duration.ofMillis(150));
        AtomicInteger cancels = new AtomicInteger();
        try (ActiveTasks.Entry entry = tasks.register("x")) {
            assertThatThrownBy(() -> TaskWaiter.await(entry, short_, WatchedTask.of("x task", () -> 1, s -> false)
                    .cancelledBy(() -> {
                        cancels.incrementAndGet();
                        return null;
                    }, true)))
                    .isInstanceOf(AnaplanActionException.class).hasMessageContaining("timed out after")
                    .hasMessageContaining("was cancelled")
                    .extracting(e -> ((AnaplanActionException) e).getReason())
                    .isEqualTo(AnaplanActionException.Reason.TIMED_OUT);
        }
        assertThat(cancels).hasValue(1);
        try (ActiveTasks.Entry entry = tasks.register("alm")) {
            assertThatThrownBy(() -> TaskWaiter.await(entry, short_, WatchedTask.of("alm task", () -> 1, s -> false)
                    .notCancellable("ALM tasks cannot be cancelled")))
                    .hasMessageContaining("timed out after").hasMessageContaining("(ALM tasks cannot be cancelled)");
        }
    }
}
