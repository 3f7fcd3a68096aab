package io.github.camelanaplan.client.transfer;

/**
 * One chunk's uncompressed bytes: a slice of a pooled buffer (or of the caller's own array). Whoever finishes with
 * it calls {@link #release()} exactly once so the buffer can carry the next chunk.
 *
 * @param index  chunk id on the wire, from 0
 * @param data   array holding the bytes
 * @param offset first byte in {@code data}
 * @param length bytes in the chunk
 * @param onRelease returns the buffer to its pool; null when the array is not pooled
 */
record Chunk(int index, byte[] data, int offset, int length, Runnable onRelease) {

    void release() {
        if (onRelease != null) {
            onRelease.run();
        }
    }
}
