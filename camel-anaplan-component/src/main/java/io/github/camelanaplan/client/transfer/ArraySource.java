package io.github.camelanaplan.client.transfer;

import java.io.IOException;

/** Content already in memory: chunks are slices of the array itself, so nothing is copied before compression. */
final class ArraySource extends UploadSource {

    private final byte[] content;
    private final String kind;

    ArraySource(byte[] content, String kind) {
        this.content = content;
        this.kind = kind;
    }

    @Override
    public long length() {
        return content.length;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    ChunkCutter cutter(int chunkSize, BufferPool buffers) throws IOException {
        long[] bounds = ChunkPlanner.plan(this::readAt, content.length, chunkSize);
        return new PlannedCutter(bounds, (index, start, length) -> new Chunk(index, content, (int) start, length, null));
    }

    private int readAt(long position, byte[] target, int offset, int length) {
        int n = (int) Math.min(length, content.length - position);
        System.arraycopy(content, (int) position, target, offset, n);
        return n;
    }
}
