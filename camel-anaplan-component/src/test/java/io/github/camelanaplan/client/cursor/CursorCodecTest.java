package io.github.camelanaplan.client.cursor;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static Stream<Cursor> cursors() {
        return Stream.of(Cursor.empty(), Cursor.empty().passing(1_733_312_345_000L, "A1").passing(1_733_312_345_000L, "B2"),
                Cursor.empty().at(-5).withSeen("e|1=x", Long.MIN_VALUE), Cursor.empty().withHash(SHA),
                Cursor.empty().passing(Long.MIN_VALUE, "undated").withHash("h"));
    }

    @ParameterizedTest
    @MethodSource("cursors")
    void roundTrip(Cursor cursor) {
        String text = CursorCodec.encode(cursor);
        assertThat(text).startsWith("{\"v\":1").doesNotContain("\n");
        assertThat(CursorCodec.decode(text)).hasValue(cursor);
    }

    @Test
    void theFormatIsSmallJson() {
        assertThat(CursorCodec.encode(Cursor.empty().passing(100, "a").withHash("h")))
                .isEqualTo("{\"v\":1,\"position\":100,\"seen\":{\"a\":100},\"hash\":\"h\"}");
        assertThat(CursorCodec.encode(Cursor.empty())).isEqualTo("{\"v\":1}");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noValueIsNoCursor(String text) {
        assertThat(CursorCodec.decode(text)).isEmpty();
    }

    @Test
    void aValueMarkedMovedIsNoCursor() {
        assertThat(CursorCodec.decode(CursorCodec.movedTo("anaplan:alm/revisions|route:r|modelId:M"))).isEmpty();
    }

    static Stream<Arguments> legacy() {
        return Stream.of(
                Arguments.of("1733312345000|A1,B2", Cursor.of(1_733_312_345_000L,
                        Map.of("A1", 1_733_312_345_000L, "B2", 1_733_312_345_000L), null)),
                Arguments.of("1733312345000|", Cursor.of(1_733_312_345_000L, Map.of(), null)),
                Arguments.of("none|", Cursor.empty()),
                Arguments.of("none|U1", Cursor.of(Long.MIN_VALUE, Map.of("U1", Long.MIN_VALUE), null)),
                Arguments.of("{\"readUntil\":5000,\"seen\":{\"e1\":4000,\"e2\":4500}}",
                        Cursor.of(5_000L, Map.of("e1", 4_000L, "e2", 4_500L), null)),
                Arguments.of("{\"readUntil\":5000,\"seen\":{}}", Cursor.of(5_000L, Map.of(), null)),
                Arguments.of(SHA, Cursor.empty().withHash(SHA)),
                Arguments.of(SHA.toUpperCase(), Cursor.empty().withHash(SHA)));
    }

    @ParameterizedTest
    @MethodSource("legacy")
    void theFormsStoredBeforeV1AreRead(String old, Cursor expected) {
        Optional<Cursor> cursor = CursorCodec.decode(old);
        assertThat(cursor).hasValue(expected);
        assertThat(CursorCodec.decode(CursorCodec.encode(cursor.get()))).hasValue(expected);
    }

    @Test
    void legacyRevisionIdsKeepTheirOrderAndStillBlockARepeat() {
        Cursor cursor = CursorCodec.decode("100|b,a").orElseThrow();
        assertThat(cursor.seen().keySet()).containsExactly("b", "a");
        assertThat(cursor.isAhead(100, "a")).isFalse();
        assertThat(cursor.isAhead(100, "c")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "12345", "abc|def", "99999999999999999999|a", "{not json", "[1,2]",
                            "{\"x\":1}", "{\"v\":2,\"position\":1}", "{\"v\":\"1\"}", "{\"v\":1,\"position\":\"soon\"}",
                            "{\"v\":1,\"seen\":[\"a\"]}", "{\"v\":1,\"seen\":{\"a\":\"b\"}}", "{\"v\":1,\"hash\":3}",
                            "{\"readUntil\":\"x\"}", "{\"v\":1,\"position\":1.5}"})
    void anythingElseIsRefusedNamingWhy(String garbage) {
        assertThatThrownBy(() -> CursorCodec.decode(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unreadable consumer cursor: ");
    }

    @Test
    void aNewerVersionIsRefusedAsSuch() {
        assertThatThrownBy(() -> CursorCodec.decode("{\"v\":2}")).hasMessageContaining("version 2 is not 1");
    }
}
