package io.github.camelanaplan.client.cursor;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {

    @ParameterizedTest(name = "at {0} id {1}: ahead={2}")
    @CsvSource({
            "99, a, false",   // before the position
            "100, a, false",  // at the position, seen
            "100, b, true",   // at the position, not seen
            "101, a, true",   // after the position
    })
    void anItemIsAheadWhenLaterOrNotSeenAtThePosition(long at, String id, boolean ahead) {
        Cursor cursor = Cursor.empty().passing(100, "a");
        assertThat(cursor.isAhead(at, id)).isEqualTo(ahead);
    }

    @Test
    void anEmptyCursorHasEverythingAhead() {
        assertThat(Cursor.empty().isAhead(Long.MIN_VALUE, "x")).isTrue();
        assertThat(Cursor.empty().position()).isEmpty();
        assertThat(Cursor.empty().hash()).isEmpty();
    }

    @Test
    void passingALaterItemMovesThePositionAndForgetsTheIdsOfTheOldOne() {
        Cursor cursor = Cursor.empty().passing(100, "a").passing(100, "b");
        assertThat(cursor.seen()).containsOnlyKeys("a", "b");
        Cursor later = cursor.passing(200, "c");
        assertThat(later.position()).hasValue(200);
        assertThat(later.seen()).isEqualTo(Map.of("c", 200L));
        assertThat(later.passing(150, "d")).as("an earlier item changes nothing").isEqualTo(later);
        assertThat(cursor.seen()).as("immutable").containsOnlyKeys("a", "b");
    }

    @Test
    void withSeenKeepsThePositionAndForgettingDropsOldIds() {
        Cursor cursor = Cursor.empty().at(1_000).withSeen("old", 100).withSeen("new", 900);
        assertThat(cursor.position()).hasValue(1_000);
        assertThat(cursor.forgettingBefore(500).seen()).isEqualTo(Map.of("new", 900L));
        assertThat(cursor.at(2_000).seen()).containsOnlyKeys("old", "new");
    }

    @Test
    void theIdSetIsBoundedAndForgetsTheFirstRecorded() {
        Cursor cursor = Cursor.empty().at(0);
        for (int i = 0; i < Cursor.MAX_SEEN + 5; i++) {
            cursor = cursor.withSeen("id" + i, i);
        }
        assertThat(cursor.seen()).hasSize(Cursor.MAX_SEEN);
        assertThat(cursor.hasSeen("id4")).isFalse();
        assertThat(cursor.hasSeen("id5")).isTrue();
        assertThat(cursor.hasSeen("id" + (Cursor.MAX_SEEN + 4))).isTrue();
        assertThat(List.copyOf(cursor.seen().keySet()).get(0)).isEqualTo("id5");
    }

    @Test
    void theHashIsKeptAcrossOtherChanges() {
        Cursor cursor = Cursor.empty().withHash("ab").passing(5, "x").at(7);
        assertThat(cursor.hash()).hasValue("ab");
    }
}
