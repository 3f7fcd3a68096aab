package io.github.camelanaplan.client.transfer;

import static io.github.camelanaplan.client.transfer.SimulatorFixture.chunkPath;
import static io.github.camelanaplan.client.transfer.SimulatorFixture.newFileId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Downloads over real sockets from the simulator: content uploaded by {@link FileUploader} comes back identical. */
class DownloadEndToEndTest {

    private static final int MB = 1_000_000;
    private static final UploadOptions SMALL_CHUNKS = new UploadOptions(MB, 1, true, 2);

    static SimulatorFixture fx;

    @BeforeAll
    static void start() {
        // small dump chunks so failure dumps span several chunks; quick tasks
        fx = new SimulatorFixture(SimulatorOptions.defaults().strict(true).dumpChunkSize(100)
                .taskDuration(Duration.ofMillis(20)));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void clean() {
        fx.sim.faults().clear();
        assertThat(fx.sim.strictViolations()).isEmpty();
    }

    private String uploaded(byte[] content) {
        String fileId = newFileId();
        fx.uploader.upload(fx.filesUrl, fileId, UploadSource.of(content, null), SMALL_CHUNKS);
        return fileId;
    }

    /** Reads through the plain read(byte[],int,int) path, in small steps. */
    private static byte[] readInSteps(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8191];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void roundTripsAreByteIdenticalForAnyPrefetch() throws Exception {
        byte[][] contents = {new byte[0], {'z'}, GeneratedCsv.bytes(3_500_000)};
        int[] chunks = {1, 1, 4};
        for (int c = 0; c < contents.length; c++) {
            String fileId = uploaded(contents[c]);
            for (int prefetch : new int[] {0, 1, 3}) {
                try (ChunkedInputStream in = fx.downloader.open(fx.fileUrl(fileId), prefetch)) {
                    assertThat(in.chunkCount()).isEqualTo(chunks[c]);
                    assertThat(readInSteps(in)).as("%d bytes, prefetch %d", contents[c].length, prefetch)
                            .isEqualTo(contents[c]);
                }
            }
            assertThat(fx.downloader.readAll(fx.fileUrl(fileId))).isEqualTo(contents[c]);
        }
    }

    @Test
    void aFileWithoutChunksIsAnEmptyStream() throws Exception {
        String fileId = newFileId();
        fx.model().addFile(fileId, "never-uploaded.csv");
        try (ChunkedInputStream in = fx.downloader.open(fx.fileUrl(fileId), 2)) {
            assertThat(in.chunkCount()).isZero();
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(fx.downloader.readAll(fx.fileUrl(fileId))).isEmpty();
    }

    @Test
    void serverSideChunksOfAStoredFileComeBackInOrder() {
        byte[] content = GeneratedCsv.bytes(25 * MB);
        String fileId = newFileId();
        fx.model().putFileContent(fileId, content); // cut by the simulator into its own 10 MiB chunks
        byte[] read = fx.downloader.readAll(fx.fileUrl(fileId));
        assertThat(read).isEqualTo(content);
        assertThat(fx.downloader.open(fx.fileUrl(fileId), 0).chunkCount()).isEqualTo(3);
    }

    @Test
    void theStreamIsLazyAndFetchesAheadInParallel() throws Exception {
        String fileId = uploaded(GeneratedCsv.bytes(5_500_000)); // 6 chunks
        fx.sim.faults().add(FaultRule.on("GET", chunkPath(fileId, "\\d+")).always().delay(Duration.ofMillis(150)));
        fx.sim.journal().clear();
        try (ChunkedInputStream in = fx.downloader.open(fx.fileUrl(fileId), 3)) {
            assertThat(in.chunkCount()).isEqualTo(6);
            Thread.sleep(100);
            assertThat(fx.sim.journal().count("GET", chunkPath(fileId, "\\d+"))).isZero();
            assertThat(in.read()).isNotNegative();
            assertThat(fx.sim.journal().count("GET", chunkPath(fileId, "\\d+"))).isLessThanOrEqualTo(4);
            readInSteps(in);
        }
        assertThat(fx.sim.journal().count("GET", chunkPath(fileId, "\\d+"))).isEqualTo(6);
        assertThat(fx.sim.journal().maxConcurrency(chunkPath(fileId, "\\d+"))).isBetween(2, 4);
        assertThat(fx.sim.journal().matching("GET", chunkPath(fileId, "\\d+")))
                .allSatisfy(get -> assertThat(get.headers().get("Accept")).isEqualTo("application/octet-stream"));
    }

    @Test
    void aChunkThatKeepsFailingIsAnIOExceptionNamingIt() throws Exception {
        byte[] content = GeneratedCsv.bytes(4_500_000); // 5 chunks
        String fileId = uploaded(content);
        fx.sim.faults().add(FaultRule.on("GET", chunkPath(fileId, "2")).always().respond(500));
        for (int prefetch : new int[] {0, 2}) {
            try (ChunkedInputStream in = fx.downloader.open(fx.fileUrl(fileId), prefetch)) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                assertThatThrownBy(() -> {
                    byte[] buffer = new byte[65536];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        got.write(buffer, 0, n);
                    }
                }).isInstanceOf(IOException.class)
                        .hasMessageStartingWith("Download of chunk 2 (3 of 5) of file " + fileId + " failed: ")
                        .hasMessageContaining("500");
                byte[] before = got.toByteArray();
                assertThat(before).isEqualTo(java.util.Arrays.copyOf(content, before.length));
            }
        }
        assertThat(fx.sim.journal().count("GET", chunkPath(fileId, "2"))).isEqualTo(8); // 2 × (1 + 3 retries)
        assertThatThrownBy(() -> fx.downloader.readAll(fx.fileUrl(fileId))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("chunk 2");
    }

    @Test
    void importAndProcessFailureDumpsAreReadChunkByChunk() throws Exception {
        String csv = "Name,Code,Department,Email\n" + "Good Person,G1,Sales,g1@example.com\n".repeat(3)
                     + "Bad Person,B1,Nowhere,bad1@example.com\nBad Other,B2,Nowhere,bad2@example.com\n";
        fx.model().rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile(".*Bad.*"));
        try {
            fx.uploader.upload(fx.filesUrl, Seed.FILE_ID, UploadSource.of(csv, StandardCharsets.UTF_8), SMALL_CHUNKS);
            ApiPath modelUrl = fx.modelPath;

            String importTask = runTask(modelUrl.then("imports", Seed.IMPORT_ID, "tasks"));
            ApiPath importDumpUrl = modelUrl.then("imports", Seed.IMPORT_ID, "tasks", importTask, "dump");
            byte[] importDump;
            try (ChunkedInputStream in = fx.downloader.open(importDumpUrl, 1)) {
                assertThat(in.chunkCount()).isGreaterThan(1);
                importDump = readInSteps(in);
            }
            String text = new String(importDump, StandardCharsets.UTF_8);
            assertThat(text).contains("Bad Person").contains("Bad Other").doesNotContain("Good Person");
            byte[] unchunked = fx.transport.execute(ApiRequest.get(importDumpUrl).accept("text/plain").step("dump").build(),
                    (status, type, body) -> body.readAllBytes());
            assertThat(importDump).isEqualTo(unchunked);

            String processTask = runTask(modelUrl.then("processes", Seed.PROCESS_ID, "tasks"));
            ApiPath processDumpUrl = modelUrl.then("processes", Seed.PROCESS_ID, "tasks", processTask, "dumps",
                    Seed.IMPORT_ID);
            assertThat(new String(fx.downloader.readAll(processDumpUrl), StandardCharsets.UTF_8))
                    .contains("Bad Person").contains("Bad Other");
        } finally {
            fx.model().rejectRowsMatching(Seed.IMPORT_ID, null);
        }
    }

    /** Starts a task and waits for it to end; returns its id. */
    private static String runTask(ApiPath tasksUrl) throws InterruptedException {
        ApiRequest start = ApiRequest.post(tasksUrl).json(Map.of("localeName", "en_US")).kind(RequestKind.TASK_START)
                .step("start task").build();
        JsonNode started = fx.transport.execute(start, Json.answer(start)).root();
        String taskId = started.path("task").path("taskId").asText();
        for (int i = 0; i < 200; i++) {
            ApiRequest poll = ApiRequest.get(tasksUrl.then(taskId)).step("task status").build();
            JsonNode status = fx.transport.execute(poll, Json.answer(poll)).root();
            if ("COMPLETE".equals(status.path("task").path("taskState").asText())) {
                return taskId;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("task " + taskId + " did not complete");
    }
}
