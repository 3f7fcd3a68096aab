package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkedInputStreamTest {

    private static final int CHUNKS = 20;
    private static final int CHUNK_SIZE = 10;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger fetches = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.valueOf(i));
        }
        return ids;
    }

    private byte[] chunk(String id) {
        fetches.incrementAndGet();
        byte[] bytes = new byte[CHUNK_SIZE];
        Arrays.fill(bytes, (byte) Integer.parseInt(id));
        return bytes;
    }

    private ChunkedInputStream stream(int prefetch, ChunkedInputStream.ChunkFetcher fetcher) {
        return new ChunkedInputStream(ids(CHUNKS), prefetch, fetcher, executor, "file 113000000001");
    }

    @Test
    void fetchesNothingBeforeTheFirstReadAndNeverMoreThanPrefetchAhead() throws Exception {
        for (int prefetch : new int[] {0, 1, 3}) {
            fetches.set(0);
            try (ChunkedInputStream in = stream(prefetch, this::chunk)) {
                assertThat(in.chunkCount()).isEqualTo(CHUNKS);
                Thread.sleep(20);
                assertThat(fetches.get()).isZero();
                for (int i = 0; i < CHUNKS * CHUNK_SIZE; i++) {
                    assertThat(in.read()).isEqualTo(i / CHUNK_SIZE);
                    int passed = i / CHUNK_SIZE; // chunks wholly read before this one
                    assertThat(fetches.get()).as("prefetch %d at byte %d", prefetch, i)
                            .isLessThanOrEqualTo(passed + prefetch + 1);
                }
                assertThat(in.read()).isEqualTo(-1);
                assertThat(fetches.get()).isEqualTo(CHUNKS);
            }
        }
    }

    @Test
    void withoutPrefetchTheReaderFetchesItself() throws Exception {
        Thread reader = Thread.currentThread();
        List<Thread> fetchers = new ArrayList<>();
        try (ChunkedInputStream in = stream(0, id -> {
            fetchers.add(Thread.currentThread());
            return chunk(id);
        })) {
            assertThat(in.readAllBytes()).hasSize(CHUNKS * CHUNK_SIZE);
        }
        assertThat(fetchers).hasSize(CHUNKS).containsOnly(reader);
    }

    @Test
    void bulkReadsReturnTheContentInOrder() throws Exception {
        byte[] expected = new byte[CHUNKS * CHUNK_SIZE];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i / CHUNK_SIZE);
        }
        try (ChunkedInputStream in = stream(2, this::chunk)) {
            assertThat(in.read()).isEqualTo(0);
            byte[] rest = in.readAllBytes();
            assertThat(rest).isEqualTo(Arrays.copyOfRange(expected, 1, expected.length));
        }
        try (ChunkedInputStream in = stream(2, this::chunk)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(in.transferTo(out)).isEqualTo(expected.length);
            assertThat(out.toByteArray()).isEqualTo(expected);
        }
        try (ChunkedInputStream in = stream(3, this::chunk)) {
            byte[] odd = new byte[expected.length];
            int at = 0;
            int n;
            while ((n = in.read(odd, at, Math.min(7, odd.length - at))) > 0) {
                at += n;
            }
            assertThat(odd).isEqualTo(expected);
        }
    }

    @Test
    void emptyChunksAndNoChunksReadAsEmpty() throws Exception {
        try (ChunkedInputStream in = new ChunkedInputStream(List.of(), 2, this::chunk, executor, "file x")) {
            assertThat(in.chunkCount()).isZero();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (ChunkedInputStream in = new ChunkedInputStream(ids(3), 1, id -> new byte[id.equals("1") ? 1 : 0], executor,
                "file x")) {
            assertThat(in.read()).isEqualTo(0);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFailedChunkIsAnIOExceptionNamingIt() throws Exception {
        for (int prefetch : new int[] {0, 2}) {
            try (ChunkedInputStream in = stream(prefetch, id -> {
                if (id.equals("5")) {
                    throw new IllegalStateException("HTTP 500 from the server");
                }
                return chunk(id);
            })) {
                assertThat(in.readNBytes(5 * CHUNK_SIZE)).hasSize(5 * CHUNK_SIZE);
                assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                        .hasMessage("Download of chunk 5 (6 of 20) of file 113000000001 failed: HTTP 500 from the server")
                        .hasCauseInstanceOf(IllegalStateException.class);
                assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("chunk 5");
            }
        }
    }

    @Test
    void closeCancelsTheFetchesStillRunning() throws Exception {
        CountDownLatch blocked = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        ChunkedInputStream in = stream(3, id -> {
            if (id.equals("0")) {
                return chunk(id);
            }
            blocked.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return chunk(id);
        });
        assertThat(in.read()).isZero();
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        in.close();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
