package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic CSV of an exact size, generated as it is read (the last row may be cut short), so large uploads need
 * no test data on disk or in memory.
 */
final class GeneratedCsv extends InputStream {

    private static final byte[] FILLER = "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes();

    private final long size;
    private final byte[] row = new byte[200];
    private long produced;
    private long rowNumber;
    private int rowLength;
    private int rowPosition;

    GeneratedCsv(long size) {
        this.size = size;
    }

    static byte[] bytes(int size) {
        byte[] content = new byte[size];
        try (GeneratedCsv csv = new GeneratedCsv(size)) {
            int at = 0;
            while (at < size) {
                at += csv.read(content, at, size - at);
            }
        }
        return content;
    }

    static Path file(Path dir, long size) {
        try (GeneratedCsv csv = new GeneratedCsv(size)) {
            Path file = Files.createTempFile(dir, "generated", ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                csv.transferTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(long size) {
        try (GeneratedCsv csv = new GeneratedCsv(size)) {
            MessageDigest digest = digest();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = csv.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content == null ? new byte[0] : content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (produced == size) {
            return -1;
        }
        if (rowPosition == rowLength) {
            nextRow();
        }
        int n = (int) Math.min(Math.min(length, rowLength - rowPosition), size - produced);
        System.arraycopy(row, rowPosition, target, offset, n);
        rowPosition += n;
        produced += n;
        return n;
    }

    private void nextRow() {
        long r = rowNumber++;
        int at = writeNumber(r, 0);
        row[at++] = ',';
        at = writeNumber((r * 7919) % 100_003, at);
        row[at++] = ',';
        int text = (int) ((r * 31) % 90);
        for (int i = 0; i < text; i++) {
            row[at++] = FILLER[(int) ((r + i) % FILLER.length)];
        }
        row[at++] = '\n';
        rowLength = at;
        rowPosition = 0;
    }

    private int writeNumber(long value, int at) {
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            row[at++] = (byte) digits.charAt(i);
        }
        return at;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
