package io.github.camelanaplan.simulator;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic CSV of planning rows of an exact size, generated as it is read: product codes and names, regions,
 * channels, months, versions, units, prices, amounts and dates, ordered by product then month as exports are, so it
 * compresses like real exports (names and dimensions repeat, numbers do not). The last row may be cut short to hit
 * the size exactly. Rows are written straight into a byte array, so generating is much faster than compressing.
 */
public final class PlanningCsv extends InputStream {

    public static final String HEADER = "Code,Name,Region,Channel,Period,Version,Units,Price,Amount,Updated\n";

    private static final byte[][] ADJECTIVES = words("Premium", "Classic", "Organic", "Compact", "Deluxe", "Eco",
            "Family", "Professional", "Smart", "Ultra", "Light", "Heavy Duty");
    private static final byte[][] NOUNS = words("Widget", "Blender", "Coffee Beans", "Desk Lamp", "Running Shoe",
            "Backpack", "Water Bottle", "Headphones", "Notebook", "Garden Hose", "Yoga Mat", "Toaster", "Drill",
            "Office Chair", "Sunscreen", "Tea Kettle");
    private static final byte[][] SIZES = words("S", "M", "L", "XL", "250ml", "500ml", "1l", "2kg", "Pack of 6", "Set");
    private static final byte[][] REGIONS = words("North America", "South America", "Western Europe", "Eastern Europe",
            "Nordics", "UK and Ireland", "Middle East", "Africa", "India", "China", "Japan", "Oceania");
    private static final byte[][] CHANNELS = words("Retail", "Online", "Wholesale", "Distributor");
    private static final byte[][] VERSIONS = words("Actual", "Forecast", "Budget");
    private static final int MONTHS = 24;

    private final long size;
    private final byte[] row = new byte[256];
    private long produced;
    private long rowNumber;
    private int rowLength;
    private int rowPosition;
    private boolean headerDone;

    public PlanningCsv(long size) {
        this.size = size;
    }

    public long size() {
        return size;
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
        int start = offset;
        int end = (int) Math.min((long) offset + length, offset + (size - produced));
        int at = offset;
        while (at < end) {
            if (rowPosition == rowLength) {
                nextRow();
            }
            int n = Math.min(end - at, rowLength - rowPosition);
            System.arraycopy(row, rowPosition, target, at, n);
            rowPosition += n;
            at += n;
        }
        produced += at - start;
        return at - start;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("generated content is read, not skipped");
    }

    /** One data row (record {@code i}, without the header), for tests and the small-record route. */
    public static String row(long i) {
        PlanningCsv csv = new PlanningCsv(Long.MAX_VALUE);
        csv.headerDone = true;
        csv.rowNumber = i;
        csv.nextRow();
        return new String(csv.row, 0, csv.rowLength, StandardCharsets.US_ASCII);
    }

    private void nextRow() {
        rowPosition = 0;
        if (!headerDone) {
            headerDone = true;
            byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, row, 0, header.length);
            rowLength = header.length;
            return;
        }
        long r = rowNumber++;
        long product = r / (MONTHS * 3L);
        int month = (int) (r % MONTHS);
        int version = (int) ((r / MONTHS) % 3);
        long h = mix(r);
        int at = 0;
        at = put(row, at, 'S', 'K', 'U', '-');
        at = digits(row, at, product % 1_000_000, 6);
        row[at++] = ',';
        long p = mix(product);
        at = put(row, at, ADJECTIVES[(int) ((p >>> 8) % ADJECTIVES.length)]);
        row[at++] = ' ';
        at = put(row, at, NOUNS[(int) ((p >>> 16) % NOUNS.length)]);
        row[at++] = ' ';
        at = put(row, at, SIZES[(int) ((p >>> 24) % SIZES.length)]);
        row[at++] = ',';
        at = put(row, at, REGIONS[(int) ((p >>> 32) % REGIONS.length)]);
        row[at++] = ',';
        at = put(row, at, CHANNELS[(int) ((p >>> 40) % CHANNELS.length)]);
        row[at++] = ',';
        at = put(row, at, '2', '0', '2');
        row[at++] = (byte) ('4' + month / 12);
        row[at++] = '-';
        at = digits(row, at, month % 12 + 1, 2);
        row[at++] = ',';
        at = put(row, at, VERSIONS[version]);
        row[at++] = ',';
        long units = (h & 0xffff) % 20_000;
        at = digits(row, at, units, 1);
        row[at++] = ',';
        long cents = 99 + (p >>> 44) % 25_000; // the product's price, 0.99 to 250.98
        at = money(row, at, cents);
        row[at++] = ',';
        at = money(row, at, units * cents);
        row[at++] = ',';
        at = put(row, at, '2', '0', '2', '5', '-');
        at = digits(row, at, 1 + (h >>> 20) % 12, 2);
        row[at++] = '-';
        at = digits(row, at, 1 + (h >>> 28) % 28, 2);
        row[at++] = '\n';
        rowLength = at;
    }

    /** SplitMix64's finaliser: a well-spread pseudo-random value per index. */
    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static int money(byte[] out, int at, long cents) {
        at = digits(out, at, cents / 100, 1);
        out[at++] = '.';
        return digits(out, at, cents % 100, 2);
    }

    /** Writes {@code value} in decimal with at least {@code width} digits (zero-padded). */
    private static int digits(byte[] out, int at, long value, int width) {
        int n = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            n++;
        }
        n = Math.max(n, width);
        for (int i = at + n - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + n;
    }

    private static int put(byte[] out, int at, byte[] word) {
        System.arraycopy(word, 0, out, at, word.length);
        return at + word.length;
    }

    private static int put(byte[] out, int at, char... chars) {
        for (char c : chars) {
            out[at++] = (byte) c;
        }
        return at;
    }

    private static byte[][] words(String... words) {
        byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** SHA-256 (hex) of the first {@code size} bytes. */
    public static String sha256(long size) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (PlanningCsv csv = new PlanningCsv(size)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = csv.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
