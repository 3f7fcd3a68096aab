package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic CSV content generated on the fly: fixed-length lines, so any byte range can be produced
 * without generating what precedes it. Never held in memory.
 */
final class SyntheticContent {

    static final int LINE = 64;
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);

    private final long size;
    private final int chunkSize;
    private final long seed;

    SyntheticContent(long size, int chunkSize, long seed) {
        if (size < 0 || chunkSize <= 0) {
            throw new IllegalArgumentException("size >= 0 and chunkSize > 0 required");
        }
        this.size = size;
        this.chunkSize = chunkSize;
        this.seed = seed;
    }

    long size() {
        return size;
    }

    int chunkCount() {
        return (int) ((size + chunkSize - 1) / chunkSize);
    }

    long chunkLength(int index) {
        long start = (long) index * chunkSize;
        return Math.max(0, Math.min(chunkSize, size - start));
    }

    /** Line {@code i}: "000000000042,<51 pseudo-random alphanumerics>\n" (64 bytes). */
    private void line(long i, byte[] buf) {
        long v = i;
        for (int p = 11; p >= 0; p--) {
            buf[p] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        buf[12] = ',';
        long x = seed ^ (i * 0x9E3779B97F4A7C15L);
        long bits = 0;
        int left = 0;
        for (int p = 13; p < LINE - 1; p++) {
            if (left == 0) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                bits = x;
                left = 10;
            }
            buf[p] = ALPHABET[(int) ((bits & 63) % ALPHABET.length)];
            bits >>>= 6;
            left--;
        }
        buf[LINE - 1] = '\n';
    }

    void writeRange(long from, long to, OutputStream out) throws IOException {
        byte[] lineBuf = new byte[LINE];
        byte[] outBuf = new byte[64 * 1024];
        int fill = 0;
        long pos = from;
        while (pos < to) {
            long lineNo = pos / LINE;
            int off = (int) (pos % LINE);
            line(lineNo, lineBuf);
            int n = (int) Math.min(LINE - off, to - pos);
            if (fill + n > outBuf.length) {
                out.write(outBuf, 0, fill);
                fill = 0;
            }
            System.arraycopy(lineBuf, off, outBuf, fill, n);
            fill += n;
            pos += n;
        }
        out.write(outBuf, 0, fill);
    }

    void writeChunk(int index, OutputStream out) throws IOException {
        long start = (long) index * chunkSize;
        writeRange(start, start + chunkLength(index), out);
    }

    void writeAll(OutputStream out) throws IOException {
        writeRange(0, size, out);
    }

    String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            OutputStream digestOut = new OutputStream() {
                @Override
                public void write(int b) {
                    md.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    md.update(b, off, len);
                }
            };
            writeAll(digestOut);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
