package io.github.camelanaplan.client.cursor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CursorKeyTest {

    @Test
    void namesRouteOperationAndTargetIdsInOrder() {
        CursorKey key = CursorKey.of("promote", "alm/revisions").with("modelId", "75A4").with("workspaceId", null);
        assertThat(key).hasToString("anaplan:alm/revisions|route:promote|modelId:75A4");
        assertThat(CursorKey.of(null, "export").with("modelId", "M").with("actionId", "116"))
                .hasToString("anaplan:export|modelId:M|actionId:116");
    }

    @Test
    void twoRoutesOnOneTargetHaveTwoKeysAndWithIsPure() {
        CursorKey base = CursorKey.of("a", "alm/revisions");
        CursorKey a = base.with("modelId", "M");
        assertThat(a).isNotEqualTo(CursorKey.of("b", "alm/revisions").with("modelId", "M"))
                .isEqualTo(CursorKey.of("a", "alm/revisions").with("modelId", "M"));
        assertThat(base).hasToString("anaplan:alm/revisions|route:a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"r|1;r%7C1", "a=b;a%3Db", "50%;50%25", "plain-route_1:x;plain-route_1:x"})
    void separatorsAndWhatAFileStateRepositoryCannotHoldAreEscaped(String routeId, String escaped) {
        assertThat(CursorKey.of(routeId, "export").toString()).isEqualTo("anaplan:export|route:" + escaped)
                .doesNotContain("=");
        assertThat(CursorKey.escape("line\nbreak")).isEqualTo("line%0Abreak");
    }
}
