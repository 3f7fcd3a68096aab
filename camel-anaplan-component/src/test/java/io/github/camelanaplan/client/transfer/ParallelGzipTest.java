package io.github.camelanaplan.client.transfer;

import static io.github.camelanaplan.client.transfer.GzipBlockLayout.BLOCK_SIZE;
import static io.github.camelanaplan.client.transfer.GzipBlockLayout.DICTIONARY_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelGzipTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final int LARGEST = 5 * BLOCK_SIZE + DICTIONARY_SIZE + 17;
    private static final byte[] RANDOM = new byte[LARGEST];
    private static final byte[] CSV;
    private static final byte[] REPETITIVE = new byte[LARGEST];

    static {
        Random random = new Random(14);
        random.nextBytes(RANDOM);
        CSV = Arrays.copyOf(Chunks.csv(random, LARGEST).getBytes(StandardCharsets.US_ASCII), LARGEST);
        // a random 20,000-byte pattern over and over: only a block primed with the one before finds it at once
        byte[] pattern = new byte[20_000];
        random.nextBytes(pattern);
        for (int i = 0; i < LARGEST; i++) {
            REPETITIVE[i] = pattern[i % pattern.length];
        }
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    static Stream<Arguments> cases() {
        int[] everySize = {0, 1, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, 2 * BLOCK_SIZE - 1, 2 * BLOCK_SIZE,
                2 * BLOCK_SIZE + 1, LARGEST};
        int[] someSizes = {0, 1, 2 * BLOCK_SIZE, 3 * BLOCK_SIZE + 17};
        List<Arguments> all = new ArrayList<>();
        for (int level = 0; level <= 9; level++) {
            boolean main = level == 0 || level == 1 || level == 6 || level == 9;
            for (int size : main ? everySize : someSizes) {
                for (String kind : new String[] {"csv", "random", "repetitive"}) {
                    all.add(Arguments.of(level, size, kind));
                }
            }
        }
        return all.stream();
    }

    private static byte[] content(String kind) {
        return switch (kind) {
            case "csv" -> CSV;
            case "random" -> RANDOM;
            default -> REPETITIVE;
        };
    }

    @ParameterizedTest(name = "level {0}, {1} bytes of {2}")
    @MethodSource("cases")
    void everyChunkIsOneGzipMemberOfTheSameBytes(int level, int size, String kind) throws Exception {
        byte[] data = content(kind);
        int offset = size == LARGEST ? 0 : 5; // a slice, as chunks of an in-memory body are
        try (ParallelGzip gzip = new ParallelGzip(level, POOL, 3)) {
            ParallelGzip.Member member = gzip.compress(data, offset, size, null);
            assertSingleMember(member, data, offset, size);
            assertThat((long) member.size()).isLessThanOrEqualTo(ParallelGzip.bound(size));
        }
    }

    @Test
    void theOutputDependsOnlyOnTheContentNotOnTheThreads() throws Exception {
        byte[] expected;
        try (ParallelGzip alone = new ParallelGzip(6, null, 0)) {
            expected = bytes(alone.compress(CSV, 0, CSV.length, null));
        }
        AtomicInteger helped = new AtomicInteger();
        Executor counting = task -> {
            helped.incrementAndGet();
            POOL.execute(task);
        };
        Executor refusing = task -> {
            throw new RejectedExecutionException("full");
        };
        for (Executor executor : new Executor[] {POOL, counting, refusing}) {
            try (ParallelGzip gzip = new ParallelGzip(6, executor, 3)) {
                assertThat(bytes(gzip.compress(CSV, 0, CSV.length, null))).isEqualTo(expected);
            }
        }
        assertThat(helped).hasValue(3);
    }

    @Test
    void aOneThreadPoolWhoseOnlyThreadCompressesStillFinishes() throws Exception {
        ExecutorService single = Executors.newFixedThreadPool(1);
        try {
            // the pool as such (no helper asked: no idle thread) and hidden behind a plain Executor (helpers queued
            // behind the caller's own task, started only once the chunk is done)
            for (Executor executor : new Executor[] {single, single::execute}) {
                try (ParallelGzip gzip = new ParallelGzip(6, executor, 3)) {
                    Future<ParallelGzip.Member> result = single.submit(() -> gzip.compress(CSV, 0, CSV.length, null));
                    assertThat(result).succeedsWithin(Duration.ofSeconds(60));
                    assertSingleMember(result.get(), CSV, 0, CSV.length);
                }
            }
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void uploadsSharingOneCompressorAndItsPoolEachGetTheirOwnChunk() throws Exception {
        try (ParallelGzip gzip = new ParallelGzip(1, POOL, 3)) {
            List<Future<ParallelGzip.Member>> results = new ArrayList<>();
            byte[][] contents = {CSV, RANDOM, REPETITIVE, CSV};
            for (byte[] content : contents) {
                results.add(POOL.submit(() -> gzip.compress(content, 0, content.length, null)));
            }
            for (int i = 0; i < contents.length; i++) {
                assertSingleMember(results.get(i).get(), contents[i], 0, contents[i].length);
            }
        }
    }

    @Test
    void blocksPrimedWithTheBlockBeforeCompressAsWellAsOneStream() throws Exception {
        for (byte[] data : new byte[][] {REPETITIVE, CSV}) {
            long oneStream = oneStreamSize(data, 6);
            try (ParallelGzip gzip = new ParallelGzip(6, POOL, 3)) {
                int blocked = gzip.compress(data, 0, data.length, null).size();
                // a few bytes per block for the sync flush; unprimed, each block would pay for the pattern again
                assertThat((double) blocked).isLessThanOrEqualTo(oneStream * 1.01 + 6 * 64);
            }
        }
    }

    @Test
    void reusesTheOutputArrayOnceLargeEnough() throws Exception {
        try (ParallelGzip gzip = new ParallelGzip(6, POOL, 1)) {
            ParallelGzip.Member first = gzip.compress(CSV, 0, CSV.length, null);
            ParallelGzip.Member second = gzip.compress(CSV, 0, CSV.length, first.buffer());
            assertThat(second.buffer()).isSameAs(first.buffer());
            ParallelGzip.Member small = gzip.compress(CSV, 0, 1000, first.buffer());
            assertThat(small.buffer()).isSameAs(first.buffer());
            assertSingleMember(small, CSV, 0, 1000);
        }
    }

    @Test
    void higherLevelsCompressTextAtLeastAsWell() {
        try (ParallelGzip fast = new ParallelGzip(1, POOL, 1); ParallelGzip best = new ParallelGzip(9, POOL, 1)) {
            int fastSize = fast.compress(CSV, 0, CSV.length, null).size();
            assertThat(best.compress(CSV, 0, CSV.length, null).size()).isLessThanOrEqualTo(fastSize);
            assertThat(fastSize).isLessThan(CSV.length / 2);
        }
    }

    /**
     * One gzip member and nothing else: the header, one raw deflate stream ending exactly 8 bytes before the end, and
     * a trailer with the CRC-32 and length of the content; GZIPInputStream reads back the content.
     */
    static void assertSingleMember(ParallelGzip.Member member, byte[] data, int offset, int length)
            throws IOException, DataFormatException {
        byte[] gz = bytes(member);
        byte[] raw = Arrays.copyOfRange(data, offset, offset + length);
        assertThat(gz.length).isGreaterThanOrEqualTo(18);
        assertThat(Arrays.copyOf(gz, 4)).containsExactly(0x1f, 0x8b, 8, 0); // magic, deflate, no flags
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gz, 10, gz.length - 10);
            byte[] inflated = new byte[length + 1];
            int n = 0;
            while (!inflater.finished()) {
                int k = inflater.inflate(inflated, n, inflated.length - n);
                n += k;
                assertThat(n).as("inflated more than the content").isLessThanOrEqualTo(length);
                assertThat(k > 0 || !inflater.needsInput()).as("deflate stream cut short").isTrue();
            }
            assertThat(Arrays.copyOf(inflated, n)).isEqualTo(raw);
            assertThat(inflater.getRemaining()).as("bytes after the deflate stream").isEqualTo(8);
        } finally {
            inflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(raw);
        assertThat(intLe(gz, gz.length - 8)).isEqualTo((int) crc.getValue());
        assertThat(intLe(gz, gz.length - 4)).isEqualTo(length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    private static byte[] bytes(ParallelGzip.Member member) {
        return Arrays.copyOf(member.buffer(), member.size());
    }

    private static int intLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long oneStreamSize(byte[] data, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[64 * 1024];
            long total = 0;
            while (!deflater.finished()) {
                total += deflater.deflate(out);
            }
            return total + 18;
        } finally {
            deflater.end();
        }
    }
}
