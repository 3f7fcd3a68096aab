package io.github.camelanaplan.client.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test helpers: cutting a source into chunk copies, a reference cutter, generated content. */
final class Chunks {

    private Chunks() {
    }

    /** Every chunk the source's cutter hands out, copied, in order; checks the pool stays within its capacity. */
    static List<byte[]> cut(UploadSource source, int chunkSize) {
        BufferPool pool = new BufferPool(2, chunkSize);
        List<byte[]> chunks = new ArrayList<>();
        try (source; ChunkCutter cutter = source.cutter(chunkSize, pool)) {
            Chunk chunk;
            while ((chunk = cutter.next()) != null) {
                if (chunk.index() != chunks.size()) {
                    throw new AssertionError("chunk index " + chunk.index() + " after " + chunks.size() + " chunks");
                }
                chunks.add(Arrays.copyOfRange(chunk.data(), chunk.offset(), chunk.offset() + chunk.length()));
                chunk.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pool.created() > pool.capacity()) {
            throw new AssertionError("pool made " + pool.created() + " buffers");
        }
        return chunks;
    }

    /** The rule, written as plainly as possible: full chunk followed by more → cut after its last line feed. */
    static List<byte[]> reference(byte[] content, int chunkSize) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (content.length - start > chunkSize) {
            int end = start + chunkSize;
            for (int i = start + chunkSize - 1; i >= start; i--) {
                if (content[i] == '\n') {
                    end = i + 1;
                    break;
                }
            }
            chunks.add(Arrays.copyOfRange(content, start, end));
            start = end;
        }
        chunks.add(Arrays.copyOfRange(content, start, content.length));
        return chunks;
    }

    static byte[] join(List<byte[]> chunks) {
        int total = chunks.stream().mapToInt(c -> c.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }

    /** CSV rows of varying length, '\n'-terminated. */
    static String csv(Random random, int minBytes) {
        StringBuilder out = new StringBuilder(minBytes + 200);
        int row = 0;
        while (out.length() < minBytes) {
            out.append("row").append(row++).append(',').append("x".repeat(random.nextInt(60))).append(',')
                    .append(random.nextInt(100000)).append('\n');
        }
        return out.toString();
    }

    /** Random bytes without any line feed. */
    static byte[] binaryWithoutLineFeeds(Random random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        for (int i = 0; i < size; i++) {
            if (data[i] == '\n') {
                data[i] = 0x0B;
            }
        }
        return data;
    }

    /** Every body type over the same content (text types only when it is valid UTF-8 text). */
    static List<Object> bodies(byte[] content, Path dir, boolean text) {
        try {
            Path file = Files.write(Files.createTempFile(dir, "body", ".bin"), content);
            List<Object> bodies = new ArrayList<>(List.of(content, new ByteArrayInputStream(content), file, file.toFile(),
                    pieces(content, 7).iterator(), pieces(content, 1000)));
            if (text) {
                String s = new String(content, StandardCharsets.UTF_8);
                bodies.add(s);
                bodies.add(new StringReader(s));
            }
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as pieces of irregular sizes (some empty), alternating byte[] and String when possible. */
    static List<Object> pieces(byte[] content, int typical) {
        List<Object> pieces = new ArrayList<>();
        Random random = new Random(typical);
        int at = 0;
        while (at < content.length) {
            int size = Math.min(content.length - at, random.nextInt(typical * 2 + 1));
            pieces.add(Arrays.copyOfRange(content, at, at + size));
            at += size;
        }
        return pieces;
    }
}
