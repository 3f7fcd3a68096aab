package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates blobs, spilling to a private temp directory once a file grows past the threshold. */
final class ContentStore implements AutoCloseable {

    private final long spillThreshold;
    private volatile Path dir;

    ContentStore(long spillThreshold) {
        this.spillThreshold = spillThreshold;
    }

    /** Stores one piece of content; {@code fileTotal} is the size of the whole file including it. */
    Blob store(byte[] data, long fileTotal) {
        if (fileTotal <= spillThreshold && data.length <= spillThreshold) {
            return Blob.memory(data);
        }
        try {
            Path p = Files.createTempFile(dir(), "chunk", ".bin");
            Files.write(p, data);
            return Blob.file(p, data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a chunk read into blocks, without copying it when it stays in memory. */
    Blob store(BlockBuffer data, long fileTotal) {
        if (fileTotal <= spillThreshold && data.size() <= spillThreshold) {
            return Blob.memory(data);
        }
        try {
            Path p = Files.createTempFile(dir(), "chunk", ".bin");
            try (java.io.OutputStream out = Files.newOutputStream(p)) {
                data.writeTo(out);
            }
            return Blob.file(p, data.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("anaplan-sim-");
        }
        return dir;
    }

    @Override
    public void close() {
        Path d = dir;
        if (d == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
