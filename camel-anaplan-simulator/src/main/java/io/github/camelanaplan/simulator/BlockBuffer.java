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

    void write(byte[] src, int off, int len) {
        while (len > 0) {
            if (lastFill == BLOCK) {
                blocks.add(new byte[BLOCK]);
                lastFill = 0;
            }
            int n = Math.min(len, BLOCK - lastFill);
            System.arraycopy(src, off, blocks.get(blocks.size() - 1), lastFill, n);
            lastFill += n;
            off += n;
            len -= n;
            size += n;
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
