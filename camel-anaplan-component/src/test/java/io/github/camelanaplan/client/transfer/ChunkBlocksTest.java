package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chunk bodies read in blocks and read back through the stream block by block, whatever their length. */
class ChunkBlocksTest {

    private static final int BLOCK = FileDownloader.READ_BLOCK;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static byte[] content(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    @Test
    void readsBodiesOfEveryLengthIntoBlocks() throws Exception {
        for (int length : new int[] {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK, 3 * BLOCK + 17}) {
            byte[] body = content(length, length);
            ChunkedInputStream.Blocks blocks = FileDownloader.readBlocks(new ByteArrayInputStream(body),
                    new BlockRecycler(BLOCK, 1000));
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int i = 0; i < blocks.arrays().size(); i++) {
                assertThat(blocks.length(i)).as("length %d block %d", length, i).isPositive().isLessThanOrEqualTo(BLOCK);
                joined.write(blocks.arrays().get(i), 0, blocks.length(i));
            }
            assertThat(joined.toByteArray()).as("length %d", length).isEqualTo(body);
            assertThat(blocks.arrays()).hasSize((length + BLOCK - 1) / BLOCK);
        }
    }

    @Test
    void streamsChunksOfBlocksIncludingEmptyOnes() throws Exception {
        List<byte[]> chunks = List.of(content(2 * BLOCK + 5, 1), new byte[0], content(BLOCK, 2), content(3, 3));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        chunks.forEach(expected::writeBytes);
        for (int prefetch : new int[] {0, 2}) {
            for (String how : new String[] {"read", "transferTo", "readAllBytes"}) {
                BlockRecycler recycler = new BlockRecycler(BLOCK, 1000);
                try (ChunkedInputStream in = ChunkedInputStream.ofBlocks(List.of("0", "1", "2", "3"), prefetch,
                        id -> FileDownloader.readBlocks(new ByteArrayInputStream(chunks.get(Integer.parseInt(id))), recycler),
                        executor, "file x", recycler)) {
                    assertThat(readWith(in, how)).as("%s, prefetch %d", how, prefetch).isEqualTo(expected.toByteArray());
                    assertThat(in.read()).isEqualTo(-1);
                }
            }
        }
    }

    /**
     * Blocks of a chunk read to the end are reused for the chunks fetched after it: the content stays byte-identical
     * (a block reused too early would show another chunk's bytes), and no more blocks are made than the chunks held
     * at once need, whatever the number of chunks. {@code readAllBytes} may return the blocks themselves, so from there
     * on none is reused.
     */
    @Test
    void reusesTheBlocksOfChunksAlreadyReadWithoutMixingContent() throws Exception {
        int chunkCount = 12;
        int blocksPerChunk = 3;
        List<byte[]> chunks = new java.util.ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < chunkCount; i++) {
            chunks.add(content(blocksPerChunk * BLOCK, 100 + i));
            expected.writeBytes(chunks.get(i));
        }
        List<String> ids = java.util.stream.IntStream.range(0, chunkCount).mapToObj(String::valueOf).toList();
        for (int prefetch : new int[] {0, 1, 2}) {
            for (String how : new String[] {"read", "transferTo", "readAllBytes"}) {
                BlockRecycler recycler = new BlockRecycler(BLOCK, 1000);
                try (ChunkedInputStream in = ChunkedInputStream.ofBlocks(ids, prefetch,
                        id -> FileDownloader.readBlocks(new ByteArrayInputStream(chunks.get(Integer.parseInt(id))), recycler),
                        executor, "file x", recycler)) {
                    assertThat(readWith(in, how)).as("%s, prefetch %d", how, prefetch).isEqualTo(expected.toByteArray());
                }
                // each fetch takes one block more than it fills (the read that finds the end), given back at once
                int held = (prefetch + 2) * (blocksPerChunk + 1);
                if (how.equals("readAllBytes")) {
                    assertThat(recycler.created()).as("%s, prefetch %d", how, prefetch)
                            .isGreaterThanOrEqualTo(chunkCount * blocksPerChunk);
                } else {
                    assertThat(recycler.created()).as("%s, prefetch %d", how, prefetch).isLessThanOrEqualTo(held);
                }
            }
        }
    }

    /**
     * The recycler is the engine's: a second download through it makes no block when the first gave its blocks back,
     * and a recycler full to {@code maxFree} drops what is given beyond it (the next take makes a new one).
     */
    @Test
    void aSecondDownloadReusesTheFirstOnesBlocksAndTheFreeListIsBounded() throws Exception {
        List<byte[]> chunks = List.of(content(3 * BLOCK, 7), content(3 * BLOCK, 8), content(2 * BLOCK + 1, 9));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        chunks.forEach(expected::writeBytes);
        BlockRecycler recycler = new BlockRecycler(BLOCK, 1000);
        int afterFirst = 0;
        for (int download = 0; download < 2; download++) {
            // prefetch 0: chunks are fetched on the reading thread, so the blocks in use at once do not depend on timing
            try (ChunkedInputStream in = ChunkedInputStream.ofBlocks(List.of("0", "1", "2"), 0,
                    id -> FileDownloader.readBlocks(new ByteArrayInputStream(chunks.get(Integer.parseInt(id))), recycler),
                    executor, "file x", recycler)) {
                assertThat(readWith(in, "read")).as("download %d", download).isEqualTo(expected.toByteArray());
            }
            if (download == 0) {
                afterFirst = recycler.created();
            }
        }
        assertThat(afterFirst).isPositive();
        assertThat(recycler.created()).as("blocks made by the second download").isEqualTo(afterFirst);

        BlockRecycler small = new BlockRecycler(BLOCK, 2);
        small.give(List.of(new byte[BLOCK], new byte[BLOCK], new byte[BLOCK], new byte[BLOCK + 1]));
        small.take();
        small.take();
        assertThat(small.created()).as("two kept, the third and the odd-sized one dropped").isZero();
        small.take();
        assertThat(small.created()).isEqualTo(1);
    }

    private static byte[] readWith(InputStream in, String how) throws Exception {
        switch (how) {
            case "transferTo": {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
            case "readAllBytes":
                return in.readAllBytes();
            default: {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[7919];
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        }
    }
}
