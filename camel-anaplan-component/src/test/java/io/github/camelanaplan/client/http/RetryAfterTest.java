package io.github.camelanaplan.client.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' -> {1} ms")
    @CsvSource(delimiter = '|', value = {
            "0|0",
            "1|1000",
            " 120 |120000",
            "86400|86400000",
            // HTTP-date, relative to the injected clock
            "Fri, 04 Dec 2026 12:00:30 GMT|30000",
            "Fri, 04 Dec 2026 13:00:00 GMT|3600000",
            // a date in the past: retry at once
            "Fri, 04 Dec 2026 11:59:59 GMT|0",
            "Thu, 01 Jan 1970 00:00:00 GMT|0" })
    void parsesSecondsAndDates(String header, long millis) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is absent")
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "soon", "-5", "1.5", "+3", "3s", "Friday", "2026-12-04T12:00:30Z",
            "Fri, 32 Dec 2026 12:00:30 GMT" })
    void garbageAndNegativeAreAbsent(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }

    @ParameterizedTest(name = "''{0}'' is reported as asked")
    @ValueSource(strings = { "99999999999", "9223372036854775807", "99999999999999999999999999" })
    void hugeAsksAreReportedNotShortened(String header) {
        Duration asked = RetryAfter.parse(header, NOW);
        assertThat(asked).isGreaterThan(Duration.ofDays(365));
        assertThat(RetryAfter.describe(asked)).isNotBlank();
    }
}
