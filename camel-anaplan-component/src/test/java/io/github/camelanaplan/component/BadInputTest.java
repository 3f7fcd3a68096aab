package io.github.camelanaplan.component;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad message input: each case fails the exchange with a clear error naming the field, and sends nothing (or nothing
 * after the check that caught it). Configuration mistakes are in {@link ConfigurationErrorsTest}.
 */
class BadInputTest extends AnaplanTestSupport {

    @TempDir
    static Path tmp;

    static Stream<Arguments> badMessages() {
        return Stream.of(
                bad("anaplan:upload?fileId=" + Seed.FILE_ID, e -> e.getMessage().setBody(null),
                        IllegalArgumentException.class, "upload needs a message body"),
                bad("anaplan:upload?fileId=" + Seed.FILE_ID, e -> e.getMessage().setBody(new Date()),
                        IllegalArgumentException.class, "unsupported upload body type java.util.Date"),
                bad("anaplan:upload", e -> e.getMessage().setHeader(AnaplanConstants.FILE_ID, new Date()),
                        IllegalArgumentException.class, "Header CamelAnaplanFileId '"), // converted to text (spec 4), then refused by the id shape
                bad("anaplan:upload", e -> e.getMessage().setBody("a"),
                        IllegalArgumentException.class, "upload needs fileId: set the fileId option or the CamelAnaplanFileId header"),
                bad("anaplan:import", e -> e.getMessage().setBody("a"),
                        IllegalArgumentException.class, "import needs actionId"),
                bad("anaplan:import", e -> e.getMessage().setHeader(AnaplanConstants.ACTION_ID, Seed.EXPORT_ID),
                        IllegalArgumentException.class, "actionId 116000000000 does not fit operation import (needs a 112... id)"),
                bad("anaplan:run", e -> e.getMessage().setHeader(AnaplanConstants.ACTION_ID, "999000000000"),
                        IllegalArgumentException.class, "actionId 999000000000 does not fit operation run"),
                bad("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> {
                    e.getMessage().setBody("a,b\n");
                    e.getMessage().setHeader(AnaplanConstants.MAPPING_PARAMETERS, "Version");
                }, IllegalArgumentException.class, "mappingParameters: 'Version' is not an entityType:entityName pair"),
                bad("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(new byte[0]),
                        IllegalArgumentException.class, "the message body is empty (0 bytes)"),
                bad("anaplan:taskStatus?actionId=" + Seed.IMPORT_ID, e -> { },
                        IllegalArgumentException.class, "taskStatus needs taskId"),
                bad("anaplan:cancel?actionId=" + Seed.IMPORT_ID, e -> { },
                        IllegalArgumentException.class, "cancel needs taskId"),
                bad("anaplan:dump?actionId=" + Seed.IMPORT_ID, e -> { },
                        IllegalArgumentException.class, "dump needs taskId"),
                bad("anaplan:download", e -> { },
                        IllegalArgumentException.class, "download needs fileId"),
                bad("anaplan:deleteFile", e -> { },
                        IllegalArgumentException.class, "deleteFile needs fileId"),
                bad("anaplan:files", e -> e.getMessage().setHeader(AnaplanConstants.MODEL_ID, List.of("x")),
                        IllegalArgumentException.class, "Header CamelAnaplanModelId '[x]' is not an Anaplan id"),
                bad("anaplan:importMetadata", e -> { },
                        IllegalArgumentException.class, "importMetadata needs actionId"),
                // header values: an id's shape, no control characters; refused before any request
                bad("anaplan:files", e -> e.getMessage().setHeader(AnaplanConstants.WORKSPACE_ID, "../../users"),
                        IllegalArgumentException.class, "Header CamelAnaplanWorkspaceId '../../users' is not an Anaplan id of that kind (32 hex characters)"),
                bad("anaplan:files", e -> e.getMessage().setHeader(AnaplanConstants.MODEL_ID, Seed.MODEL_ID + "/x"),
                        IllegalArgumentException.class, "Header CamelAnaplanModelId '" + Seed.MODEL_ID + "/x' is not an Anaplan id"),
                bad("anaplan:importMetadata", e -> e.getMessage().setHeader(AnaplanConstants.ACTION_ID, "112000000000?x=1"),
                        IllegalArgumentException.class, "Header CamelAnaplanActionId '112000000000?x=1' is not an Anaplan id"),
                bad("anaplan:taskStatus?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setHeader(AnaplanConstants.TASK_ID, "a b"),
                        IllegalArgumentException.class, "Header CamelAnaplanTaskId 'a b' is not an Anaplan id"),
                bad("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> {
                    e.getMessage().setBody("a,b\n");
                    e.getMessage().setHeader(AnaplanConstants.MAPPING_PARAMETERS, "Version:Actual\r\nX-Injected: 1");
                }, IllegalArgumentException.class, "Header CamelAnaplanMappingParameters must not contain control characters (found \\r at position 14)"),
                bad("anaplan:alm/createRevision", e -> e.getMessage().setHeader(AnaplanConstants.REVISION_NAME, "v1\r\nv2"),
                        IllegalArgumentException.class, "Header CamelAnaplanRevisionName must not contain control characters"),
                bad("anaplan:alm/createRevision", e -> e.getMessage().setBody(java.util.Map.of("name", "v1\u0000")),
                        IllegalArgumentException.class, "revision name must not contain control characters"),
                // bodies an upload cannot take, found before the file is touched
                bad("anaplan:upload?fileId=" + Seed.FILE_ID, e -> e.getMessage().setBody(List.of(java.util.Map.of("Name", "x"))),
                        IllegalArgumentException.class, "upload body element 0 has unsupported type"),
                bad("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(List.of("a,b\n", 42)),
                        IllegalArgumentException.class, "upload body element 1 has unsupported type java.lang.Integer"));
    }

    private static Arguments bad(String uri, Consumer<Exchange> message, Class<? extends Exception> type, String text) {
        return Arguments.of(uri + " <- " + text, uri, message, type, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void badMessageFailsBeforeAnythingIsSent(String name, String uri, Consumer<Exchange> message,
                                             Class<? extends Exception> type, String text) {
        Exchange result = template.request(uri, message::accept);
        assertThat(result.getException()).isInstanceOf(type).hasMessageContaining(text);
        assertThat(sim.journal().entries()).isEmpty();
    }

    static Stream<Arguments> badPieces() {
        return Stream.of(Arguments.of(Arrays.asList("a,b\n", null).iterator(), "upload body element 1 is null"),
                Arguments.of(List.of("a,b\n", 42), "java.lang.Integer"));
    }

    /** An iterator's pieces are read lazily: a bad one fails the upload midway, before it is completed or imported. */
    @ParameterizedTest
    @MethodSource("badPieces")
    void aBadPieceOfAnIteratorFailsTheUploadAndNothingIsImported(Object body, String text) {
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(body));
        assertThat(result.getException()).hasMessageContaining(text);
        assertThat(sim.journal().count("POST", ".*/files/.*/complete")).isZero();
        assertThat(sim.journal().count("POST", ".*/tasks")).isZero();
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isZero();
    }

    static Stream<Arguments> bodiesOfTheWrongKind() {
        return Stream.of(Arguments.of(List.of(1, 2, 3), "upload body element 0 has unsupported type java.lang.Integer"),
                Arguments.of(List.of("Name,Code\n", new StringBuilder("x")), "upload body element 1 has unsupported type"),
                Arguments.of(List.of(42).iterator(), "upload body element 0 has unsupported type java.lang.Integer"),
                Arguments.of(Arrays.asList((Object) null).iterator(), "upload body element 0 is null"),
                Arguments.of(new Object(), "unsupported upload body type java.lang.Object"));
    }

    /** An upload refused for its body leaves the existing server file as it was: nothing reset, nothing sent to it. */
    @ParameterizedTest
    @MethodSource("bodiesOfTheWrongKind")
    void anUploadBodyOfTheWrongKindLeavesTheServerFileAsItWas(Object body, String text) {
        byte[] before = model().fileContent(Seed.FILE_ID).clone();
        Exchange result = template.request("anaplan:upload?allowFileCreation=true&fileId=" + Seed.FILE_ID,
                e -> e.getMessage().setBody(body));
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
        assertThat(model().fileContent(Seed.FILE_ID)).isEqualTo(before);
        assertThat(sim.journal().entries()).noneMatch(e -> e.path().contains("/files/" + Seed.FILE_ID));
    }

    @Test
    void unknownFileIdIsRefusedAfterListingTheFiles() {
        Exchange result = template.request("anaplan:upload?fileId=113000000999", e -> e.getMessage().setBody("a,b\n"));
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fileId 113000000999 is not a file of model " + Seed.MODEL_ID)
                .hasMessageContaining("allowFileCreation=false");
        assertThat(sim.journal().entries()).extracting(e -> e.method() + " " + e.path())
                .noneMatch(s -> s.contains("/files/113000000999"));
    }

    @Test
    void aKnownLengthFileNeedingMoreThanAThousandChunksIsRefusedBeforeTheFirstRequest() throws Exception {
        Path big = tmp.resolve("sparse.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(1_100_000_000L); // sparse: costs no disk
        }
        Exchange result = template.request("anaplan:upload?allowFileCreation=true&fileId=" + Seed.FILE_ID,
                e -> e.getMessage().setBody(big.toFile()));
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uploadChunkSize");
        assertThat(sim.journal().entries()).noneMatch(e -> e.path().contains("/files/"));
    }

    @Test
    void aTaskStartAnsweredWithAnEmptyBodyIsCheckedInTheTaskListNotStartedTwice() {
        sim.faults().add(FaultRule.on("POST", ".*/actions/" + Seed.ACTION_ID + "/tasks").emptyBody());
        Exchange result = template.request("anaplan:action?actionId=" + Seed.ACTION_ID, e -> { });
        assertThat(result.getException()).isNull();
        assertThat(model().taskStarts(Seed.ACTION_ID)).isEqualTo(1);
        assertThat(sim.journal().count("GET", ".*/actions/" + Seed.ACTION_ID + "/tasks")).isEqualTo(2);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsRetriedThenReported() {
        sim.faults().add(FaultRule.on("GET", ".*/models/" + Seed.MODEL_ID + "/exports").always().htmlErrorPage());
        Exchange result = template.request("anaplan:exports?retryCount=1", e -> { });
        assertThat(result.getException()).isInstanceOf(AnaplanException.class)
                .hasMessageContaining("list exports failed: malformed response");
        assertThat(sim.journal().count("GET", ".*/exports")).isEqualTo(2);
    }

    @Test
    void aResponseOfTheWrongShapeIsReportedNotMisread() {
        sim.faults().add(FaultRule.on("GET", ".*/models/" + Seed.MODEL_ID + "/files").always().truncatedJson());
        Exchange result = template.request("anaplan:files?retryCount=0", e -> { });
        assertThat(result.getException()).isInstanceOf(AnaplanException.class).hasMessageContaining("list files");
    }
}
