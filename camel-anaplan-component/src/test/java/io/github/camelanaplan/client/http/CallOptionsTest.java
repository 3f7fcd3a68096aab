package io.github.camelanaplan.client.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallOptionsTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({ "64MB, 67108864", "512KB, 524288", "1GB, 1073741824", "1048576, 1048576", "2 mb, 2097152",
            "100B, 100", " 8kb , 8192" })
    void parsesSizes(String text, long bytes) {
        assertThat(CallOptions.parseSize(text, "maxResponseSize")).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "''{0}'' is not a size")
    @ValueSource(strings = { "", "MB", "-1", "1.5MB", "64 megabytes", "1TB", "99999999999999GB" })
    void rejectsWhatIsNotASizeNamingTheOption(String text) {
        assertThatThrownBy(() -> CallOptions.parseSize(text, "maxResponseSize"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseSize");
    }

    @Test
    void defaultsAreTheSpecs() {
        CallOptions d = CallOptions.defaults();
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxResponseSize()).isEqualTo(64L << 20);
        assertThat(d.retryCount()).isEqualTo(3);
        assertThat(d.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxRetryWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.validate()).isSameAs(d);
    }

    @Test
    void validationNamesTheOption() {
        CallOptions d = CallOptions.defaults();
        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO).validate()).hasMessageStartingWith("timeout");
        assertThatThrownBy(() -> d.withMaxResponseSize(100).validate()).hasMessageStartingWith("maxResponseSize");
        assertThatThrownBy(() -> d.withMaxResponseSize(3L << 30).validate()).hasMessageStartingWith("maxResponseSize");
        assertThatThrownBy(() -> d.withRetryCount(-1).validate()).hasMessageStartingWith("retryCount");
        assertThatThrownBy(() -> d.withRetryBackoff(Duration.ofMillis(-1)).validate()).hasMessageStartingWith("retryBackoff");
        assertThatThrownBy(() -> d.withMaxRetryWait(Duration.ofMillis(-1)).validate()).hasMessageStartingWith("maxRetryWait");
    }

    @Test
    void describesAsTheOptionsAreWritten() {
        assertThat(CallOptions.describeSize(64L << 20)).isEqualTo("64MB");
        assertThat(CallOptions.describeSize(1000)).isEqualTo("1000 bytes");
        assertThat(CallOptions.describe(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(CallOptions.describe(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(CallOptions.describe(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}
