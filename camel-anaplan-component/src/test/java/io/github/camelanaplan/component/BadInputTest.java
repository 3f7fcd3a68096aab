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
                        IllegalArgumentException.class, "Header CamelAnaplanFileId must be a String"),
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
                        IllegalArgumentException.class, "Header CamelAnaplanModelId must be a String"),
                bad("anaplan:importMetadata", e -> { },
                        IllegalArgumentException.class, "importMetadata needs actionId"));
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
