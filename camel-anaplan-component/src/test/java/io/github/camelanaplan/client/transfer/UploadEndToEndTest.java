package io.github.camelanaplan.client.transfer;

import static io.github.camelanaplan.client.transfer.SimulatorFixture.chunkPath;
import static io.github.camelanaplan.client.transfer.SimulatorFixture.filePath;
import static io.github.camelanaplan.client.transfer.SimulatorFixture.newFileId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelanaplan.client.error.AnaplanApiException;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads over real sockets to the simulator, checked against what it stored and what its journal saw. */
class UploadEndToEndTest {

    private static final int MB = 1_000_000;
    private static final UploadOptions SMALL_CHUNKS = new UploadOptions(MB, 1, true, 2);
    private static final Set<String> KNOWN_LENGTH = Set.of("byte[]", "String", "File", "Path");

    static SimulatorFixture fx;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        fx = new SimulatorFixture(SimulatorOptions.defaults().strict(true));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void noProtocolViolations() {
        fx.sim.faults().clear();
        assertThat(fx.sim.strictViolations()).isEmpty();
        assertThat(fx.transport.stats().chunksInFlight()).isZero();
    }

    /** Each body type over the same content; fresh bodies per call since streams are consumed. */
    private static Map<String, Function<byte[], Object>> bodyTypes() {
        Map<String, Function<byte[], Object>> types = new LinkedHashMap<>();
        types.put("byte[]", content -> content);
        types.put("String", content -> new String(content, StandardCharsets.UTF_8));
        types.put("InputStream", ByteArrayInputStream::new);
        types.put("File", content -> write(content).toFile());
        types.put("Path", UploadEndToEndTest::write);
        types.put("Reader", content -> new StringReader(new String(content, StandardCharsets.UTF_8)));
        types.put("Iterator", content -> Chunks.pieces(content, 300_000).iterator());
        types.put("Iterable", content -> Chunks.pieces(content, 100_000));
        return types;
    }

    private static Path write(byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir, "upload", ".csv"), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private UploadResult upload(String fileId, Object body, UploadOptions options) {
        return fx.uploader.upload(fx.filesUrl, fileId, UploadSource.of(body, StandardCharsets.UTF_8), options);
    }

    @Test
    void edgeSizesArriveByteIdenticalFromEveryBodyType() {
        byte[] oneChunk = GeneratedCsv.bytes(MB);
        byte[] oneChunkPlusOne = GeneratedCsv.bytes(MB + 1);
        Map<byte[], Integer> cases = new LinkedHashMap<>();
        cases.put(new byte[0], 1);
        cases.put(new byte[] {'x'}, 1);
        cases.put(oneChunk, 1);
        cases.put(oneChunkPlusOne, 2);
        for (Map.Entry<byte[], Integer> c : cases.entrySet()) {
            for (Map.Entry<String, Function<byte[], Object>> type : bodyTypes().entrySet()) {
                String fileId = newFileId();
                String what = type.getKey() + " of " + c.getKey().length + " bytes";
                UploadResult result = upload(fileId, type.getValue().apply(c.getKey()), SMALL_CHUNKS);
                assertThat(fx.stored(fileId)).as(what).isEqualTo(c.getKey());
                assertThat(result.chunkCount()).as(what).isEqualTo(c.getValue());
                assertThat(result.bytes()).as(what).isEqualTo(c.getKey().length);
                assertThat(result.file().id()).isEqualTo(fileId);
                assertThat(result.file().chunkCount()).as(what).isEqualTo(c.getValue());
                assertThat(fx.model().fileChunkCount(fileId)).as(what).isEqualTo(c.getValue());
                assertThat(fx.model().fileUploadComplete(fileId)).as(what).isTrue();
            }
        }
    }

    @Test
    void knownLengthsDeclareTheirChunkCountAndStreamsComplete() {
        byte[] csv = GeneratedCsv.bytes(3_600_000);
        for (Map.Entry<String, Function<byte[], Object>> type : bodyTypes().entrySet()) {
            String fileId = newFileId();
            fx.sim.journal().clear();
            UploadResult result = upload(fileId, type.getValue().apply(csv), SMALL_CHUNKS);
            assertThat(fx.stored(fileId)).as(type.getKey()).isEqualTo(csv);
            assertThat(result.chunkCount()).isEqualTo(4);
            assertThat(result.compressedBytes()).isLessThan(csv.length / 2);

            List<JournalEntry> requests = fx.sim.journal().matching("*", filePath(fileId) + "(/.*)?");
            assertThat(requests.get(0).method()).isEqualTo("POST");
            assertThat(requests.get(0).path()).isEqualTo(filePath(fileId));
            List<JournalEntry> puts = fx.sim.journal().matching("PUT", chunkPath(fileId, "\\d+"));
            assertThat(puts).hasSize(4).allSatisfy(put -> {
                assertThat(put.contentType()).isEqualTo("application/x-gzip");
                assertThat(put.headers().get("Content-Length")).isEqualTo(String.valueOf(put.requestBodySize()));
            });
            List<JournalEntry> completes = fx.sim.journal().matching("POST", filePath(fileId) + "/complete");
            if (KNOWN_LENGTH.contains(type.getKey())) {
                assertThat(completes).as(type.getKey()).isEmpty();
            } else {
                assertThat(completes).as(type.getKey()).hasSize(1);
                assertThat(requests.get(requests.size() - 1).path()).endsWith("/complete");
                long lastPutEnd = puts.stream().mapToLong(JournalEntry::endNanos).max().orElseThrow();
                assertThat(completes.get(0).startNanos()).isGreaterThan(lastPutEnd);
            }
            // rows never straddle chunks: each stored chunk but the last (the generator cuts its last row) ends a row
            for (int chunk = 0; chunk < 3; chunk++) {
                byte[] bytes = fx.transport.execute(ApiRequest.get(fx.fileUrl(fileId).then("chunks", String.valueOf(chunk)))
                        .accept("application/octet-stream").step("chunk").build(), (s, ct, body) -> body.readAllBytes());
                assertThat(bytes.length).isLessThanOrEqualTo(MB);
                assertThat(bytes[bytes.length - 1]).as("%s chunk %d", type.getKey(), chunk).isEqualTo((byte) '\n');
            }
        }
    }

    /**
     * The check step of an upload (the file check) runs before anything changes the file, for every body type: the
     * journal has no POST or PUT of the file yet when it runs, and a stream has not been read (a failed check leaves
     * it whole for an error handler). A check that fails is the upload's failure as it is, nothing is sent, and the
     * file keeps its content.
     */
    @Test
    void theCheckRunsBeforeAnythingChangesTheFileAndAFailedOneSendsNothing() {
        byte[] csv = GeneratedCsv.bytes(3_600_000);
        byte[] before = GeneratedCsv.bytes(1000);
        for (Map.Entry<String, Function<byte[], Object>> type : bodyTypes().entrySet()) {
            String fileId = newFileId();
            upload(fileId, before, SMALL_CHUNKS);
            for (boolean fails : new boolean[] {true, false}) {
                fx.sim.journal().clear();
                Object body = type.getValue().apply(csv);
                CountingInputStream counted = body instanceof ByteArrayInputStream in ? new CountingInputStream(in) : null;
                UploadSource source = UploadSource.of(counted != null ? counted : body, StandardCharsets.UTF_8);
                List<String> seen = new ArrayList<>();
                Runnable check = () -> {
                    seen.add(fx.sim.journal().matching("*", filePath(fileId) + "(/.*)?").size() + " requests, "
                             + (counted == null ? "-" : counted.count + " bytes read"));
                    if (fails) {
                        throw new IllegalArgumentException("fileId " + fileId + " is not a file of the model");
                    }
                };
                String what = type.getKey() + (fails ? ", failing check" : "");
                if (fails) {
                    assertThatThrownBy(() -> fx.uploader.upload(fx.filesUrl, fileId, source, SMALL_CHUNKS, check))
                            .as(what).isExactlyInstanceOf(IllegalArgumentException.class)
                            .hasMessage("fileId " + fileId + " is not a file of the model");
                    assertThat(fx.sim.journal().matching("*", filePath(fileId) + "(/.*)?")).as(what).isEmpty();
                    assertThat(fx.stored(fileId)).as(what).isEqualTo(before);
                } else {
                    fx.uploader.upload(fx.filesUrl, fileId, source, SMALL_CHUNKS, check);
                    assertThat(fx.stored(fileId)).as(what).isEqualTo(csv);
                }
                assertThat(seen).as(what).containsExactly("0 requests, " + (counted == null ? "-" : "0 bytes read"));
            }
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        volatile long count;

        CountingInputStream(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    @Test
    void largeCsvFromAFileAndFromAStream() {
        int size = 120_000_000;
        int chunkSize = 10 * 1024 * 1024;
        UploadOptions options = new UploadOptions(chunkSize, 1, true, 2);
        String expected = GeneratedCsv.sha256(size);
        Path file = GeneratedCsv.file(dir, size);
        for (Object body : List.of(file, new GeneratedCsv(size))) {
            String fileId = newFileId();
            long began = System.nanoTime();
            UploadResult result = upload(fileId, body, options);
            long millis = (System.nanoTime() - began) / 1_000_000;
            System.out.printf("uploaded 120 MB CSV from %s in %d ms (%.0f MB/s), %d chunks, %.1f MB gzipped%n",
                    body.getClass().getSimpleName(), millis, size / 1e3 / millis, result.chunkCount(),
                    result.compressedBytes() / 1e6);
            assertThat(result.chunkCount()).isEqualTo(12);
            assertThat(result.bytes()).isEqualTo(size);
            assertThat(GeneratedCsv.sha256(fx.stored(fileId))).isEqualTo(expected);
            assertThat(fx.model().fileChunkCount(fileId)).isEqualTo(12);
        }
    }

    @Test
    void chunksAreSentInParallelOnlyWhenAsked() {
        byte[] csv = GeneratedCsv.bytes(8 * MB);
        fx.sim.faults().add(FaultRule.on("PUT", chunkPath("\\d+", "\\d+")).always().delay(Duration.ofMillis(150)));
        String parallelFile = newFileId();
        upload(parallelFile, new ByteArrayInputStream(csv), new UploadOptions(MB, 1, true, 4));
        String sequentialFile = newFileId();
        upload(sequentialFile, new ByteArrayInputStream(csv), new UploadOptions(MB, 1, false, 4));

        assertThat(fx.sim.journal().maxConcurrency(chunkPath(parallelFile, "\\d+"))).isBetween(2, 4);
        assertThat(fx.sim.journal().maxConcurrency(chunkPath(sequentialFile, "\\d+"))).isEqualTo(1);
        assertThat(fx.stored(parallelFile)).isEqualTo(csv);
        assertThat(fx.stored(sequentialFile)).isEqualTo(csv);
    }

    @Test
    void aChunkAnswered503IsSentAgain() {
        byte[] csv = GeneratedCsv.bytes(3_500_000);
        String fileId = newFileId();
        FaultRule fault = fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "1")).respond(503));
        long retriesBefore = fx.transport.stats().retriesByCause().getOrDefault("HTTP 503", 0L);

        UploadResult result = upload(fileId, csv, SMALL_CHUNKS);

        assertThat(fault.firedCount()).isEqualTo(1);
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "1"))).isEqualTo(2);
        assertThat(fx.transport.stats().retriesByCause().get("HTTP 503")).isEqualTo(retriesBefore + 1);
        assertThat(result.chunkCount()).isEqualTo(4);
        assertThat(fx.stored(fileId)).isEqualTo(csv);
        assertThat(fx.model().fileUploadComplete(fileId)).isTrue();
    }

    @Test
    void aChunkCutOffMidwayOrRefusedForAnExpiredTokenIsSentAgain() {
        byte[] csv = GeneratedCsv.bytes(4_500_000);
        String fileId = newFileId();
        FaultRule reset = fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "1")).resetAfterProcessing());
        FaultRule expired = fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "3")).expireToken());

        // one chunk at a time: with several, a chunk sent alongside the expired token would be replayed too
        UploadResult result = upload(fileId, new ByteArrayInputStream(csv), new UploadOptions(MB, 1, false, 1));

        assertThat(reset.firedCount()).isEqualTo(1);
        assertThat(expired.firedCount()).isEqualTo(1);
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "[13]"))).isEqualTo(4);
        assertThat(result.chunkCount()).isEqualTo(5);
        assertThat(fx.stored(fileId)).isEqualTo(csv);
        assertThat(fx.model().fileUploadComplete(fileId)).isTrue();
    }

    @Test
    void aChunkThatKeepsFailingFailsTheStreamedUploadAndNothingMoreIsSent() throws Exception {
        String fileId = newFileId();
        fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "1")).always().respond(500));
        fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "\\d+")).always().delay(Duration.ofMillis(100)));

        assertThatThrownBy(() -> upload(fileId, new GeneratedCsv(30L * MB), SMALL_CHUNKS))
                .isInstanceOf(AnaplanException.class)
                .hasMessageStartingWith("Upload of file " + fileId + " failed at chunk 1: ")
                .hasMessageContaining("500")
                .cause().isInstanceOf(AnaplanApiException.class);

        int putsWhenFailed = fx.sim.journal().count("PUT", chunkPath(fileId, "\\d+"));
        Thread.sleep(300);
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "\\d+"))).isEqualTo(putsWhenFailed);
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "1"))).isEqualTo(4); // first attempt + 3 retries
        Set<String> chunksTried = fx.sim.journal().matching("PUT", chunkPath(fileId, "\\d+")).stream()
                .map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)).collect(Collectors.toSet());
        assertThat(chunksTried.size()).isLessThan(30);
        assertThat(fx.sim.journal().count("POST", filePath(fileId) + "/complete")).isZero();
        assertThat(fx.model().fileUploadComplete(fileId)).isFalse();
    }

    @Test
    void aChunkThatKeepsFailingNamesItsPlaceAmongTheDeclaredChunks() {
        String fileId = newFileId();
        fx.sim.faults().add(FaultRule.on("PUT", chunkPath(fileId, "2")).always().respond(502));
        byte[] csv = GeneratedCsv.bytes(4_500_000);

        assertThatThrownBy(() -> upload(fileId, csv, new UploadOptions(MB, 1, false, 1)))
                .isInstanceOf(AnaplanException.class)
                .hasMessageStartingWith("Upload of file " + fileId + " failed at chunk 2 of 5: ")
                .hasMessageContaining("502");
        // one at a time: the chunks after the failed one were never sent
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "[34]"))).isZero();
        assertThat(fx.model().fileUploadComplete(fileId)).isFalse();
    }

    @Test
    void badIteratorElementsFailTheUploadWithoutCompletingIt() {
        String fileId = newFileId();
        List<Object> pieces = new ArrayList<>(List.of("a,b\n", "c,d\n"));
        pieces.add(new Object());
        assertThatThrownBy(() -> upload(fileId, pieces, SMALL_CHUNKS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upload body element 2 has unsupported type java.lang.Object");
        assertThat(fx.sim.journal().count("POST", filePath(fileId) + "/complete")).isZero();
        assertThat(fx.sim.journal().count("PUT", chunkPath(fileId, "\\d+"))).isZero();
    }

    @Test
    void tooManyChunksIsRefusedBeforeAnyRequest() {
        String fileId = newFileId();
        Path huge = dir.resolve("sparse.bin");
        try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 1000L * MB); // 1,000,000,001 bytes, sparse
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> upload(fileId, huge, SMALL_CHUNKS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uploadChunkSize=1000000")
                .hasMessageContaining("1000000001 bytes");
        assertThat(fx.sim.journal().matching("*", filePath(fileId) + "(/.*)?")).isEmpty();
    }
}
