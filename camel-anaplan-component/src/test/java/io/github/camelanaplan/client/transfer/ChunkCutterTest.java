package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import io.github.camelanaplan.client.error.AnaplanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkCutterTest {

    private static final int SIZE = 100;

    @TempDir
    Path dir;

    @Test
    void emptyContentIsOneEmptyChunkForEveryBodyType() {
        for (Object body : Chunks.bodies(new byte[0], dir, true)) {
            List<byte[]> chunks = Chunks.cut(UploadSource.of(body, StandardCharsets.UTF_8), SIZE);
            assertThat(chunks).as(body.getClass().getName()).hasSize(1);
            assertThat(chunks.get(0)).isEmpty();
        }
        assertThat(Chunks.cut(UploadSource.of(List.of().iterator(), null), SIZE)).hasSize(1);
        assertThat(Chunks.cut(UploadSource.of(List.of("", new byte[0]), null), SIZE)).hasSize(1);
    }

    @Test
    void oneByteIsOneChunk() {
        for (Object body : Chunks.bodies(new byte[] {'a'}, dir, true)) {
            assertThat(Chunks.cut(UploadSource.of(body, null), SIZE)).as(body.getClass().getName())
                    .containsExactly(new byte[] {'a'});
        }
    }

    @Test
    void exactlyOneChunkIsOneChunkWhetherItEndsWithALineFeedOrNot() {
        byte[] rows = ("a".repeat(49) + "\n" + "b".repeat(49) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] openRow = ("a".repeat(49) + "\n" + "b".repeat(50)).getBytes(StandardCharsets.US_ASCII);
        for (byte[] content : List.of(rows, openRow)) {
            assertThat(content).hasSize(SIZE);
            for (Object body : Chunks.bodies(content, dir, true)) {
                assertThat(Chunks.cut(UploadSource.of(body, null), SIZE)).as(body.getClass().getName())
                        .containsExactly(content);
            }
        }
    }

    @Test
    void oneChunkPlusOneByteOfTextCutsAfterTheLastLineFeed() {
        byte[] content = ("a".repeat(59) + "\n" + "b".repeat(41)).getBytes(StandardCharsets.US_ASCII);
        assertThat(content).hasSize(SIZE + 1);
        for (Object body : Chunks.bodies(content, dir, true)) {
            List<byte[]> chunks = Chunks.cut(UploadSource.of(body, null), SIZE);
            assertThat(chunks).as(body.getClass().getName()).hasSize(2);
            assertThat(chunks.get(0)).hasSize(60).endsWith((byte) '\n');
            assertThat(chunks.get(1)).isEqualTo("b".repeat(41).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void binaryIsCutAtExactlyTheChunkSize() {
        byte[] content = Chunks.binaryWithoutLineFeeds(new Random(1), SIZE * 3 + 1);
        for (Object body : Chunks.bodies(content, dir, false)) {
            List<byte[]> chunks = Chunks.cut(UploadSource.of(body, null), SIZE);
            assertThat(chunks).as(body.getClass().getName()).extracting(c -> c.length).containsExactly(SIZE, SIZE, SIZE, 1);
            assertThat(Chunks.join(chunks)).isEqualTo(content);
        }
    }

    @Test
    void csvRowsNeverStraddleTwoChunks() {
        Random random = new Random(7);
        byte[] content = Chunks.csv(random, 20_000).getBytes(StandardCharsets.UTF_8);
        for (Object body : Chunks.bodies(content, dir, true)) {
            List<byte[]> chunks = Chunks.cut(UploadSource.of(body, null), SIZE);
            assertThat(Chunks.join(chunks)).isEqualTo(content);
            for (byte[] chunk : chunks) {
                assertThat(chunk.length).isBetween(1, SIZE);
                assertThat(chunk[chunk.length - 1]).isEqualTo((byte) '\n');
            }
        }
    }

    @Test
    void aRowLongerThanAChunkIsCutInsideItsOwnChunks() {
        byte[] content = ("ab\n" + "x".repeat(250) + "\nlast").getBytes(StandardCharsets.US_ASCII);
        for (Object body : Chunks.bodies(content, dir, true)) {
            List<byte[]> chunks = Chunks.cut(UploadSource.of(body, null), SIZE);
            assertThat(chunks).as(body.getClass().getName()).extracting(c -> c.length).containsExactly(3, 100, 100, 55);
        }
    }

    @Test
    void everySourceCutsLikeTheReferenceRule() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            int size = 1 + random.nextInt(300);
            byte[] content = new byte[random.nextInt(5000)];
            // sparse line feeds so that some chunks have none, some have one early, some many
            double density = random.nextDouble() * 0.05;
            for (int i = 0; i < content.length; i++) {
                content[i] = random.nextDouble() < density ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
            }
            List<byte[]> expected = Chunks.reference(content, size);
            for (Object body : Chunks.bodies(content, dir, true)) {
                assertThat(Chunks.cut(UploadSource.of(body, null), size)).as("round %d size %d %s", round, size,
                        body.getClass().getName()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void filesLookBackWindowByWindowForTheLastLineFeed() throws Exception {
        int size = ChunkPlanner.WINDOW * 3 + 5;
        byte[] content = Chunks.binaryWithoutLineFeeds(new Random(3), size * 2 + 10);
        content[10] = '\n'; // the only line feed of the first chunk, three windows before its end
        content[size + 20] = '\n';
        Path file = Files.write(dir.resolve("windows.bin"), content);
        List<byte[]> chunks = Chunks.cut(UploadSource.of(file, null), size);
        assertThat(chunks).containsExactlyElementsOf(Chunks.reference(content, size));
        assertThat(chunks.get(0)).hasSize(11);
    }

    @Test
    void knownLengthNeedingMoreThan1000ChunksIsRefusedUpFront() {
        byte[] binary = Chunks.binaryWithoutLineFeeds(new Random(5), 10 * 1000 + 1);
        assertThatThrownBy(() -> UploadSource.of(binary, null).cutter(10, new BufferPool(2, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uploadChunkSize=10")
                .hasMessageContaining("10001 bytes")
                .hasMessageContaining("1000 chunks");
        assertThat(Chunks.cut(UploadSource.of(Arrays.copyOf(binary, 10_000), null), 10)).hasSize(1000);
        // fits in 1,000 full chunks, but rows make the chunks shorter
        byte[] rows = "123456789\n".repeat(999).concat("12345678\n12\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(rows).hasSize(10_002);
        assertThatThrownBy(() -> UploadSource.of(rows, null).cutter(11, new BufferPool(2, 11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut at row ends")
                .hasMessageContaining("uploadChunkSize=11");
    }

    @Test
    void streamsFailAtTheThousandAndFirstChunk() throws Exception {
        byte[] binary = Chunks.binaryWithoutLineFeeds(new Random(5), 10 * 1000 + 1);
        assertThat(Chunks.cut(UploadSource.of(new ByteArrayInputStream(binary, 0, 10_000), null), 10)).hasSize(1000);
        BufferPool pool = new BufferPool(2, 10);
        try (ChunkCutter cutter = UploadSource.of(new ByteArrayInputStream(binary), null).cutter(10, pool)) {
            for (int i = 0; i < 1000; i++) {
                cutter.next().release();
            }
            assertThatThrownBy(cutter::next).isInstanceOf(AnaplanException.class)
                    .hasMessageContaining("more than 1000 chunks of uploadChunkSize=10");
        }
    }

    @Test
    void iteratorElementsMustBeBytesOrStrings() {
        List<Object> withNull = new ArrayList<>(List.of("a", new byte[] {'b'}, "c"));
        withNull.add(null);
        assertThatThrownBy(() -> Chunks.cut(UploadSource.of(withNull.iterator(), null), SIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upload body element 3 is null");
        assertThatThrownBy(() -> Chunks.cut(UploadSource.of(List.of("a", 42), null), SIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upload body element 1 has unsupported type java.lang.Integer");
    }

    @Test
    void unsupportedBodiesAreRefused() {
        assertThatThrownBy(() -> UploadSource.of(new Date(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported upload body type java.util.Date: use byte[], String, InputStream, File, Path, "
                            + "Reader or an Iterator/Iterable of byte[]/String");
        assertThatThrownBy(() -> UploadSource.of(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upload body is null");
        assertThatThrownBy(() -> UploadSource.of(dir.resolve("missing.csv"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.csv");
    }

    @Test
    void lengthIsKnownOnlyForArraysStringsAndFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("f.csv"), "héllo\n");
        assertThat(UploadSource.of("héllo\n", StandardCharsets.UTF_8).length()).isEqualTo(7);
        assertThat(UploadSource.of("héllo\n", StandardCharsets.ISO_8859_1).length()).isEqualTo(6);
        assertThat(UploadSource.of(new byte[3], null).length()).isEqualTo(3);
        assertThat(UploadSource.of(file, null).length()).isEqualTo(7);
        assertThat(UploadSource.of(file.toFile(), null).length()).isEqualTo(7);
        assertThat(UploadSource.of(new ByteArrayInputStream(new byte[3]), null).length()).isEqualTo(-1);
        assertThat(UploadSource.of(new StringReader("abc"), null).length()).isEqualTo(-1);
        assertThat(UploadSource.of(List.of("abc"), null).length()).isEqualTo(-1);
    }

    @Test
    void readersAndStringsAreEncodedWithTheCharset() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(11);
        while (text.length() < 50_000) {
            text.append("Zoë,Ωmega,").append("\uD83D\uDE00".repeat(random.nextInt(3))).append(",東京\n");
        }
        String s = text.toString();
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1)) {
            byte[] expected = s.getBytes(charset);
            assertThat(Chunks.join(Chunks.cut(UploadSource.of(new StringReader(s), charset), 997))).as(charset.name())
                    .isEqualTo(expected);
            assertThat(Chunks.join(Chunks.cut(UploadSource.of(s, charset), 997))).isEqualTo(expected);
            assertThat(Chunks.join(Chunks.cut(UploadSource.of(List.of(s.substring(0, 100), s.substring(100)), charset), 997)))
                    .isEqualTo(expected);
        }
    }

    @Test
    void streamCutterNeedsNoMoreThanTwoBuffersWhileEachChunkIsReleased() throws Exception {
        byte[] content = Chunks.csv(new Random(9), 100_000).getBytes(StandardCharsets.UTF_8);
        BufferPool pool = new BufferPool(3, 1000);
        try (ChunkCutter cutter = UploadSource.of(new ByteArrayInputStream(content), null).cutter(1000, pool)) {
            Chunk chunk;
            while ((chunk = cutter.next()) != null) {
                chunk.release();
            }
        }
        assertThat(pool.created()).isLessThanOrEqualTo(2);
    }
}
