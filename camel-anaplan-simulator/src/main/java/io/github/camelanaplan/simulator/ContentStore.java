package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates blobs, spilling to a private temp directory once a file grows past the threshold. */
final class ContentStore implements AutoCloseable {

    private final long spillThreshold;
    private final java.util.concurrent.atomic.AtomicLong memoryInUse = new java.util.concurrent.atomic.AtomicLong();
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

    /**
     * Reads an uploaded chunk to its end. It stays in memory while the bytes held in memory by all files and
     * uploads in flight stay under the spill threshold; beyond that it streams to a temp file. More than
     * {@code max} bytes answer 413.
     */
    Blob receive(InputStream in, long max) throws IOException {
        BlockBuffer buf = new BlockBuffer();
        long reserved = 0;
        Path path = null;
        OutputStream file = null;
        long total = 0;
        byte[] tmp = new byte[64 * 1024];
        boolean ok = false;
        try {
            int r;
            while ((r = in.read(tmp)) >= 0) {
                total += r;
                if (total > max) {
                    throw new ApiException(413, "Chunk exceeds the maximum of " + max + " bytes uncompressed");
                }
                if (file == null && memoryInUse.addAndGet(r) <= spillThreshold) {
                    reserved += r;
                    buf.write(tmp, 0, r);
                    continue;
                }
                if (file == null) {
                    memoryInUse.addAndGet(-r);
                    path = Files.createTempFile(dir(), "chunk", ".bin");
                    file = Files.newOutputStream(path);
                    buf.writeTo(file);
                    memoryInUse.addAndGet(-reserved);
                    reserved = 0;
                    buf = null;
                }
                file.write(tmp, 0, r);
            }
            ok = true;
        } finally {
            if (file != null) {
                file.close();
            }
            if (!ok) {
                memoryInUse.addAndGet(-reserved);
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            }
        }
        if (path != null) {
            return Blob.file(path, total);
        }
        long held = reserved;
        return Blob.memory(buf, () -> memoryInUse.addAndGet(-held));
    }

    /** Bytes of uploaded chunks currently held in memory (stored or in flight). */
    long memoryInUse() {
        return memoryInUse.get();
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
