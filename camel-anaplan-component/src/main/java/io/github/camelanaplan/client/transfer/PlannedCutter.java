package io.github.camelanaplan.client.transfer;

import java.io.IOException;

/** Hands out the chunks of known-length content along boundaries planned by {@link ChunkPlanner}. */
final class PlannedCutter implements ChunkCutter {

    /** Produces the bytes of one planned chunk. */
    @FunctionalInterface
    interface ChunkReader {
        Chunk read(int index, long start, int length) throws IOException;
    }

    private final long[] bounds;
    private final ChunkReader reader;
    private int next;

    PlannedCutter(long[] bounds, ChunkReader reader) {
        this.bounds = bounds;
        this.reader = reader;
    }

    @Override
    public int plannedCount() {
        return bounds.length - 1;
    }

    @Override
    public Chunk next() throws IOException {
        if (next == plannedCount()) {
            return null;
        }
        int index = next++;
        return reader.read(index, bounds[index], (int) (bounds[index + 1] - bounds[index]));
    }
}
