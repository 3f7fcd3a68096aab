package io.github.camelanaplan.client.transfer;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkListTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                // ids (sorted as the downloader sorts them), claimed chunk count, the problem or null
                Arguments.of(List.of(), null, null),
                Arguments.of(List.of(), 0, null),
                Arguments.of(List.of(), 1, "lists 0 chunks, but the file's chunkCount is 1"),
                Arguments.of(List.of("0"), 1, null),
                Arguments.of(List.of("0", "1", "2"), 3, null),
                Arguments.of(List.of("0", "1", "2"), null, null),
                Arguments.of(List.of("0", "1", "2"), -1, null), // -1: not known yet
                Arguments.of(List.of("0", "1"), 3, "lists 2 chunks, but the file's chunkCount is 3"),
                Arguments.of(List.of("0", "1", "2", "3"), 3, "lists 4 chunks, but the file's chunkCount is 3"),
                Arguments.of(List.of("0", "2", "3"), 3, "skips chunk 1 (ids 0, 2, 3)"),
                Arguments.of(List.of("1", "2"), null, "skips chunk 0 (ids 1, 2)"),
                Arguments.of(List.of("0", "1", "1"), 3, "lists chunk 1 twice"),
                Arguments.of(List.of("a", "b"), 2, null), // ids Anaplan never uses: only unique is required
                Arguments.of(List.of("a", "a"), 2, "lists chunk a twice"),
                Arguments.of(List.of("0", "1", "2", "3", "4", "5", "6", "7", "9", "10"), null,
                        "skips chunk 8 (ids 0, 1, 2, 3, …, 9, 10)"));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void aChunkListIsTrustedOnlyWhenItsIdsAndCountAgree(List<String> ids, Integer claimed, String problem) {
        String found = ChunkList.problem(ids, claimed);
        if (problem == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).startsWith(problem); // a count mismatch adds advice after the problem
        }
    }
}
