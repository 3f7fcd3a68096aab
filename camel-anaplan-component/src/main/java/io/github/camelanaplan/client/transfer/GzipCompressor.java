package io.github.camelanaplan.client.transfer;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzips one chunk at a time straight from its buffer into a reusable output array (RFC 1952: header, raw deflate,
 * CRC-32 and length trailer). One per uploading thread at a time; {@link #close()} frees the native deflater.
 */
final class GzipCompressor implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;
    private static final int MIN_CAPACITY = 64 * 1024;

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] out = new byte[0];
    private int size;

    GzipCompressor(int level) {
        this.deflater = new Deflater(level, true);
    }

    /** Compresses {@code data[offset, offset+length)}; the result is {@code buffer()[0, size())} until the next call. */
    int compress(byte[] data, int offset, int length) {
        deflater.reset();
        crc.reset();
        crc.update(data, offset, length);
        size = 0;
        ensureRoom(HEADER.length, length);
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        size = HEADER.length;
        deflater.setInput(data, offset, length);
        deflater.finish();
        while (!deflater.finished()) {
            ensureRoom(1, length);
            size += deflater.deflate(out, size, out.length - size);
        }
        ensureRoom(TRAILER, length);
        writeIntLe((int) crc.getValue());
        writeIntLe(length);
        return size;
    }

    byte[] buffer() {
        return out;
    }

    int size() {
        return size;
    }

    /**
     * Grows the output array when fewer than {@code needed} bytes are free. Kept across chunks, it reaches the size
     * the data needs after the first few chunks and then stops growing; never beyond what incompressible input needs.
     */
    private void ensureRoom(int needed, int inputLength) {
        if (out.length - size >= needed) {
            return;
        }
        long worstCase = bound(inputLength);
        long grown = Math.max((long) out.length * 2, MIN_CAPACITY);
        long capacity = Math.max(size + (long) needed, Math.min(grown, worstCase));
        if (capacity > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("chunk too large to compress: " + inputLength + " bytes");
        }
        out = java.util.Arrays.copyOf(out, (int) capacity);
    }

    /** zlib's deflateBound for stored blocks, plus the gzip header and trailer. */
    static long bound(long inputLength) {
        return inputLength + (inputLength >> 12) + (inputLength >> 14) + (inputLength >> 25) + 13 + HEADER.length + TRAILER;
    }

    private void writeIntLe(int value) {
        out[size++] = (byte) value;
        out[size++] = (byte) (value >>> 8);
        out[size++] = (byte) (value >>> 16);
        out[size++] = (byte) (value >>> 24);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
