package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;

/** Content read once, front to back, whose length is known only at its end: streams, readers, iterators. */
final class StreamSource extends UploadSource {

    private final InputStream in;
    private final String kind;

    StreamSource(InputStream in, String kind) {
        this.in = in;
        this.kind = kind;
    }

    @Override
    public long length() {
        return UNKNOWN_LENGTH;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    ChunkCutter cutter(int chunkSize, BufferPool buffers) {
        return new StreamCutter(in, chunkSize, buffers);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
