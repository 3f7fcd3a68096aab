package io.github.camelanaplan.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Bytes in a list of fixed-size blocks: grows without copying, so a 50 MB chunk costs 50 MB, not three times that. */
final class BlockBuffer {

    private static final int BLOCK = 1 << 20;

    private final List<byte[]> blocks = new ArrayList<>();
    private int lastFill = BLOCK;
    private long size;

    long size() {
        return size;
    }

    /** Reads the stream to its end; throws 413 beyond {@code max} bytes. */
    static BlockBuffer read(InputStream in, long max) throws IOException {
        BlockBuffer b = new BlockBuffer();
        while (true) {
            if (b.lastFill == BLOCK) {
                b.blocks.add(new byte[BLOCK]);
                b.lastFill = 0;
            }
            byte[] last = b.blocks.get(b.blocks.size() - 1);
            int r = in.read(last, b.lastFill, BLOCK - b.lastFill);
            if (r < 0) {
                return b;
            }
            b.lastFill += r;
            b.size += r;
            if (b.size > max) {
                throw new ApiException(413, "Chunk exceeds the maximum of " + max + " bytes uncompressed");
            }
        }
    }

    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < blocks.size(); i++) {
            out.write(blocks.get(i), 0, i == blocks.size() - 1 ? lastFill : BLOCK);
        }
    }

    InputStream open() {
        List<InputStream> parts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            parts.add(new ByteArrayInputStream(blocks.get(i), 0, i == blocks.size() - 1 ? lastFill : BLOCK));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    byte[] toByteArray() {
        byte[] out = new byte[(int) size];
        int pos = 0;
        for (int i = 0; i < blocks.size(); i++) {
            int n = i == blocks.size() - 1 ? lastFill : BLOCK;
            System.arraycopy(blocks.get(i), 0, out, pos, n);
            pos += n;
        }
        return out;
    }
}
