package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class GzipCompressorTest {

    @Test
    void producesGzipThatTheJdkReadsBackForAnyLevelAndContent() throws IOException {
        Random random = new Random(1);
        byte[] noise = new byte[300_000];
        random.nextBytes(noise);
        byte[] text = Chunks.csv(random, 300_000).getBytes(StandardCharsets.UTF_8);
        for (int level : new int[] {1, 6, 9}) {
            try (GzipCompressor gzip = new GzipCompressor(level)) {
                for (byte[] content : new byte[][] {new byte[0], {'x'}, text, noise, text}) {
                    int size = gzip.compress(content, 0, content.length);
                    assertThat(gunzip(gzip.buffer(), size)).as("level %d, %d bytes", level, content.length).isEqualTo(content);
                    assertThat((long) size).isLessThanOrEqualTo(GzipCompressor.bound(content.length));
                }
            }
        }
    }

    @Test
    void compressesASliceInPlace() throws IOException {
        byte[] data = "....hello, hello, hello\n....".getBytes(StandardCharsets.US_ASCII);
        try (GzipCompressor gzip = new GzipCompressor(6)) {
            int size = gzip.compress(data, 4, data.length - 8);
            assertThat(new String(gunzip(gzip.buffer(), size), StandardCharsets.US_ASCII)).isEqualTo("hello, hello, hello\n");
        }
    }

    @Test
    void higherLevelsCompressTextAtLeastAsWell() {
        byte[] text = Chunks.csv(new Random(2), 500_000).getBytes(StandardCharsets.UTF_8);
        try (GzipCompressor fast = new GzipCompressor(1); GzipCompressor best = new GzipCompressor(9)) {
            assertThat(best.compress(text, 0, text.length)).isLessThanOrEqualTo(fast.compress(text, 0, text.length));
            assertThat(fast.size()).isLessThan(text.length / 2);
        }
    }

    static byte[] gunzip(byte[] data, int size) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data, 0, size))) {
            return in.readAllBytes();
        }
    }
}
