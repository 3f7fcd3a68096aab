package io.github.camelanaplan.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes held in memory or spilled to a temp file. */
abstract class Blob {

    abstract long size();

    abstract InputStream open() throws IOException;

    byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
    }

    static Blob memory(byte[] data) {
        return new Memory(data);
    }

    static Blob memory(BlockBuffer data, Runnable onDelete) {
        return new Blocks(data, onDelete);
    }

    static Blob file(Path path, long size) {
        return new Spilled(path, size);
    }

    private static final class Memory extends Blob {
        private final byte[] data;

        Memory(byte[] data) {
            this.data = data;
        }

        @Override
        long size() {
            return data.length;
        }

        @Override
        InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        byte[] bytes() {
            return data;
        }
    }

    private static final class Blocks extends Blob {
        private final BlockBuffer data;
        private Runnable onDelete;

        Blocks(BlockBuffer data, Runnable onDelete) {
            this.data = data;
            this.onDelete = onDelete;
        }

        @Override
        synchronized void delete() {
            if (onDelete != null) {
                onDelete.run();
                onDelete = null;
            }
        }

        @Override
        long size() {
            return data.size();
        }

        @Override
        InputStream open() {
            return data.open();
        }

        @Override
        byte[] bytes() {
            return data.toByteArray();
        }
    }

    private static final class Spilled extends Blob {
        private final Path path;
        private final long size;

        Spilled(Path path, long size) {
            this.path = path;
            this.size = size;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        void delete() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
