package io.github.camelanaplan.client.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a failure dump goes into an exception: all of a short one, whole lines of a long one. */
class DumpHeadTest {

    static Stream<Arguments> dumps() {
        return Stream.of(
                // dump, limit, text kept
                Arguments.of("", 10, ""),
                Arguments.of("a,b\n1,2\n", 10, "a,b\n1,2\n"),
                Arguments.of("a,b\n1,2\n", 8, "a,b\n1,2\n"), // exactly the limit: nothing is cut
                Arguments.of("a,b\n1,2\n3,4\n", 10, "a,b\n1,2\n"), // cut after the last whole line
                Arguments.of("a,b\n1,2\n3,4", 11, "a,b\n1,2\n3,4"),
                Arguments.of("a,b\n1,2\n3,4", 10, "a,b\n1,2\n"),
                Arguments.of("abcdefghijklmnop", 10, "abcdefghij")); // no line break within the limit
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void keepsAtMostTheLimitInWholeLines(String dump, int limit, String kept) throws IOException {
        String head = TaskFailure.headOf(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), limit);
        assertThat(head).isEqualTo(kept);
    }
}
