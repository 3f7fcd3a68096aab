package io.github.camelanaplan.component;

import java.util.stream.Stream;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options of the ALM, transactional, audit and CloudWorks operations and of the consumers are checked at creation. */
class ApiFamilyOptionsTest extends AnaplanTestSupport {

    static Stream<Arguments> badUris() {
        return Stream.of(
                Arguments.of("anaplan:alm/nope", "valid operations: upload, download,"),
                Arguments.of("anaplan:transactional/addListItems?listItemBatchSize=100001",
                        "listItemBatchSize must be 1 to 100000 (Anaplan's limit per call), was 100001"),
                Arguments.of("anaplan:transactional/addListItems?listItemBatchSize=0", "listItemBatchSize must be 1 to 100000"),
                Arguments.of("anaplan:transactional/writeCells?cellWriteBatchSize=0", "cellWriteBatchSize must be 1 or more"),
                Arguments.of("anaplan:transactional/viewData?format=xml", "format must be csv or json, was xml"),
                Arguments.of("anaplan:transactional/readView?pageMode=rows", "pageMode must be page or stream, was rows"),
                Arguments.of("anaplan:transactional/viewData?maxRows=0", "maxRows must be 1 or more"),
                Arguments.of("anaplan:audit/events?intervalInHours=721", "intervalInHours must be 1 to 720 (30 days), was 721"),
                Arguments.of("anaplan:audit/events?auditLookBack=31d", "auditLookBack must be at most 30 days"),
                Arguments.of("anaplan:audit/events?auditOverlap=-1", "auditOverlap must not be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUris")
    void endpointCreationFailsNamingTheOption(String uri, String expected) {
        assertThatThrownBy(() -> context.getEndpoint(uri)).isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains(expected));
        assertThat(sim.journal().entries()).isEmpty();
    }

    private static String fullMessage(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
