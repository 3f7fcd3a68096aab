package io.github.camelanaplan.client.http;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @ParameterizedTest(name = "retry {0}: {1}..{2} ms")
    @CsvSource({ "1, 500, 1000", "2, 1000, 2000", "3, 2000, 4000", "4, 4000, 8000", "11, 512000, 1024000",
            "12, 512000, 1024000", "1000, 512000, 1024000" })
    void doublesWithJitterBetweenHalfAndAll(int retry, long low, long high) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), new SplittableRandom(retry));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(retry)).isBetween(Duration.ofMillis(low), Duration.ofMillis(high));
        }
    }

    @Test
    void aSeededRandomGivesTheSameWaits() {
        long[] first = IntStream.rangeClosed(1, 6).mapToLong(r -> new Backoff(Duration.ofMillis(100),
                new SplittableRandom(2026)).delay(r).toMillis()).toArray();
        long[] again = IntStream.rangeClosed(1, 6).mapToLong(r -> new Backoff(Duration.ofMillis(100),
                new SplittableRandom(2026)).delay(r).toMillis()).toArray();
        assertThat(first).containsExactly(again);
    }

    @Test
    void jitterSpreadsParallelRetries() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), new SplittableRandom(5));
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(3)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void zeroBackoffRetriesAtOnce() {
        assertThat(new Backoff(Duration.ZERO, new SplittableRandom(1)).delay(5)).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), new SplittableRandom(1)))
                .hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), new SplittableRandom(1)).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
