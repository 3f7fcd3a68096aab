package io.github.camelanaplan.client.transfer;

import static io.github.camelanaplan.client.transfer.SimulatorFixture.chunkPath;
import static io.github.camelanaplan.client.transfer.SimulatorFixture.newFileId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.github.camelanaplan.simulator.FaultRule;
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
        fx = new SimulatorFixture(SimulatorOptions.defaults().strict(true));
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
}
