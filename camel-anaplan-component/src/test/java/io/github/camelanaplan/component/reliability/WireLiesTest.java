package io.github.camelanaplan.component.reliability;

import java.time.Duration;
import java.util.List;

import io.github.camelanaplan.client.bulk.AnaplanFile;
import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.AnaplanProtocolException;
import io.github.camelanaplan.component.AnaplanTestSupport;
import io.github.camelanaplan.simulator.Lie;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each class of lie a hostile server can tell, through endpoint URIs against the simulator's lying mode: the exchange
 * fails with an {@link AnaplanException} naming the request and the field, and never returns the lie as a result.
 * Pages hold two items, so listings are paged.
 */
class WireLiesTest extends AnaplanTestSupport {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String DOWNLOAD = "anaplan:download?fileId=" + Seed.FILE_ID;

    @Override
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.defaults().taskDuration(Duration.ofMillis(100)).maxPageSize(2);
    }

    /** Uploads about 1.3 MB: two chunks of at most 1,000,000 bytes, listed on one page. */
    private void uploadTwoChunks() {
        StringBuilder csv = new StringBuilder("Name,Code,Department,Email\n");
        for (int i = 0; i < 28_000; i++) {
            csv.append("Employee ").append(i).append(",E").append(i).append(",Dept ").append(i % 7).append(",e")
                    .append(i).append("@example.com\n");
        }
        AnaplanFile file = template.requestBody("anaplan:upload?fileId=" + Seed.FILE_ID, csv.toString(), AnaplanFile.class);
        assertThat(file.chunkCount()).isEqualTo(2);
    }

    /** A third file, so that the files listing takes two pages. */
    private void threeFiles() {
        template.requestBody("anaplan:upload?allowFileCreation=true&fileId=113000000009", "Name,Code\nA,1\n");
        assertThat(template.requestBody("anaplan:files", null, List.class)).hasSize(3);
        sim.journal().clear();
    }

    private AnaplanException failure(String uri, Object body) {
        CamelExecutionException thrown = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                template.requestBody(uri, body, byte[].class);
            } catch (CamelExecutionException e) {
                return e;
            }
            throw new AssertionError(uri + " returned a result although the server lied");
        });
        assertThat(thrown.getCause()).isInstanceOf(AnaplanException.class);
        return (AnaplanException) thrown.getCause();
    }

    private static AnaplanProtocolException protocol(AnaplanException e, String field) {
        assertThat(e).isInstanceOf(AnaplanProtocolException.class);
        AnaplanProtocolException p = (AnaplanProtocolException) e;
        assertThat(p.getField()).isEqualTo(field);
        return p;
    }

    @Test
    void aChunkListShorterThanTheFileIsNotAWholeDownload() {
        uploadTwoChunks();
        Lie lie = sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1));
        AnaplanProtocolException e = protocol(failure(DOWNLOAD, null), "chunks");
        assertThat(e).hasMessageContaining("GET /2/0/workspaces/" + Seed.WORKSPACE_ID)
                .hasMessageContaining("lists 1 chunks, but the file's chunkCount is 2");
        assertThat(lie.firedCount()).isEqualTo(1);
        assertThat(sim.journal().matching("GET", ".*/files/" + Seed.FILE_ID + "/chunks/.*")).isEmpty();
    }

    @Test
    void aChunkListThatSkipsOrRepeatsAnIdIsRefused() {
        uploadTwoChunks();
        sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).chunkIdsSkip());
        assertThat(protocol(failure(DOWNLOAD, null), "chunks")).hasMessageContaining("skips chunk 1 (ids 0, 2)");
        sim.lies().clear();
        sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).chunkIdsRepeat());
        assertThat(protocol(failure(DOWNLOAD, null), "chunks")).hasMessageContaining("lists chunk 0 twice");
    }

    @Test
    void aFileListingThatOvercountsTheChunksFailsTheDownload() {
        uploadTwoChunks();
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").chunkCountOff(1).always());
        assertThat(protocol(failure(DOWNLOAD, null), "chunks")).hasMessageContaining("chunkCount is 3");
    }

    @Test
    void anExportWhoseFileIsListedShortFailsInsteadOfReturningPartOfIt() {
        sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1));
        AnaplanException e = failure("anaplan:export?actionId=" + Seed.EXPORT_ID, null);
        assertThat(protocol(e, "chunks")).hasMessageContaining("lists 0 chunks, but the file's chunkCount is 1");
    }

    @Test
    void aStreamedUploadWhoseCompletionCountsOtherChunksFails() {
        sim.lie(Lie.on("POST", ".*/files/[^/]+/complete").chunkCountOff(-1));
        java.io.InputStream body = new java.io.ByteArrayInputStream(
                ("Name,Code,Department,Email\n" + "Employee 1,E1,Dept 1,e1@example.com\n".repeat(60_000))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AnaplanException e = failure("anaplan:import?actionId=" + Seed.IMPORT_ID, body);
        assertThat(protocol(e, "file.chunkCount")).hasMessageMatching("(?s).*is \\d+, but \\d+ chunks were sent.*");
        assertThat(sim.journal().matching("POST", ".*/imports/" + Seed.IMPORT_ID + "/tasks")).as("no import ran")
                .isEmpty();
    }

    @Test
    void aListingWhosePagesDoNotAdvanceEndsInsteadOfLooping() {
        threeFiles();
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").pagingStuck().always());
        AnaplanException e = failure("anaplan:files", null);
        assertThat(e).isInstanceOf(AnaplanProtocolException.class).hasMessageContaining("meta.paging.offset is 0, but the page at offset 2 was asked for");
        assertThat(sim.journal().matching("GET", ".*/models/[^/]+/files")).hasSizeLessThan(5);
    }

    @Test
    void aListingLongerThanItsTotalSizeIsRefused() {
        threeFiles();
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").totalSizeSmallerBy(1));
        assertThat(protocol(failure("anaplan:files", null), "meta.paging.totalSize")).hasMessageContaining("totalSize");
    }

    @Test
    void aListingOfTheWrongTypeIsNotAnEmptyList() {
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").field("/files", "\"x\""));
        assertThat(protocol(failure("anaplan:files", null), "files")).hasMessageContaining("files");
        sim.lies().clear();
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").field("/files", "[1,2]"));
        assertThat(failure("anaplan:files", null)).isInstanceOf(AnaplanProtocolException.class);
    }

    @Test
    void aCompleteTaskWithoutItsResultOrWithAnotherIdFails() {
        sim.lie(Lie.on("GET", Lie.TASK_STATUS).whenField("/task/taskState", "COMPLETE").withoutField("/task/result"));
        assertThat(protocol(failure("anaplan:action?actionId=" + Seed.ACTION_ID, null), "task.result"))
                .hasMessageContaining("is missing from a COMPLETE task");
        sim.lies().clear();
        sim.lie(Lie.on("GET", Lie.TASK_STATUS).otherId("/task/taskId").always());
        assertThat(protocol(failure("anaplan:action?actionId=" + Seed.ACTION_ID, null), "task.taskId"))
                .hasMessageContaining("not the task asked for");
    }

    @Test
    void anAbsurdRetryAfterFailsAtOnceNamingTheWait() {
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").retryAfter(429, "86400"));
        AnaplanException e = failure("anaplan:files", null);
        assertThat(e).isInstanceOf(AnaplanApiException.class).hasMessageContaining("Retry-After")
                .hasMessageContaining("more than maxRetryWait");
        assertThat(((AnaplanApiException) e).getHttpStatus()).isEqualTo(429);
        assertThat(sim.journal().matching("GET", ".*/models/[^/]+/files")).as("not asked again").hasSize(1);
    }

    @Test
    void anAnswerThatTricklesOrNeverEndsEndsWithTheTimeout() {
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").trickle(Duration.ofMillis(20)).always());
        AnaplanException trickled = failure("anaplan:files?timeout=1000&retryCount=0", null);
        assertThat(trickled).hasMessageContaining("list files");
        sim.lies().clear();
        sim.lie(Lie.on("GET", ".*/models/[^/]+/files").neverEnding().always());
        AnaplanException endless = failure("anaplan:files?timeout=1000&retryCount=0", null);
        assertThat(endless).hasMessageContaining("list files");
        List<String> lies = sim.lies().fired();
        assertThat(lies).hasSize(1);
    }
}
