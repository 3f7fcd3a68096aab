package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ModelLocksTest {

    @Test
    void entriesDisappearOnceNobodyHoldsOrWaits() throws Exception {
        ModelLocks locks = new ModelLocks();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean secondGotIt = new AtomicBoolean();
        try (ModelLocks.Held model = locks.model("M1"); ModelLocks.Held file = locks.file("M1", "113000000001")) {
            assertThat(locks.size()).isEqualTo(2);
            Thread other = new Thread(() -> {
                waiting.countDown();
                try (ModelLocks.Held again = locks.model("M1")) {
                    secondGotIt.set(true);
                }
            });
            other.start();
            waiting.await(5, TimeUnit.SECONDS);
            Thread.sleep(100);
            assertThat(secondGotIt).as("the model lock excludes a second holder").isFalse();
            assertThat(locks.size()).as("a waiter keeps the entry").isEqualTo(2);
            model.close();
            other.join(5_000);
            assertThat(secondGotIt).isTrue();
        }
        assertThat(locks.size()).isZero();
    }

    @Test
    void twoEnginesDoNotShareLocks() throws Exception {
        ModelLocks first = new ModelLocks();
        ModelLocks second = new ModelLocks();
        try (ModelLocks.Held held = first.model("M1")) {
            AtomicBoolean got = new AtomicBoolean();
            Thread other = new Thread(() -> {
                try (ModelLocks.Held h = second.model("M1")) {
                    got.set(true);
                }
            });
            other.start();
            other.join(5_000);
            assertThat(got).as("another engine's lock on the same model is free").isTrue();
            assertThat(second.size()).isZero();
            assertThat(first.size()).isEqualTo(1);
        }
    }

    @Test
    void modelAndFileLocksAreIndependent() {
        ModelLocks locks = new ModelLocks();
        try (ModelLocks.Held model = locks.model("M1"); ModelLocks.Held file = locks.file("M1", "M1")) {
            assertThat(locks.size()).isEqualTo(2);
        }
        assertThat(locks.size()).isZero();
    }

    @Test
    void theHolderTakesItsFileLockAgainAndOthersWaitUntilTheOuterHoldEnds() throws Exception {
        ModelLocks locks = new ModelLocks();
        AtomicBoolean otherGotIt = new AtomicBoolean();
        Thread other;
        try (ModelLocks.Held run = locks.file("M1", "113000000001")) { // an import holding its file until the task ends
            try (ModelLocks.Held upload = locks.file("M1", "113000000001")) { // its own upload, on the same thread
                assertThat(locks.size()).isEqualTo(1);
            }
            other = new Thread(() -> {
                try (ModelLocks.Held h = locks.file("M1", "113000000001")) {
                    otherGotIt.set(true);
                }
            });
            other.start();
            other.join(200);
            assertThat(otherGotIt).as("closing the inner hold must not free the file for another upload").isFalse();
        }
        other.join(5_000);
        assertThat(otherGotIt).isTrue();
        assertThat(locks.size()).isZero();
    }
}
