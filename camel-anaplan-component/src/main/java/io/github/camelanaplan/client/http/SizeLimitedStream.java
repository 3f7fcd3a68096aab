package io.github.camelanaplan.client.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lets at most {@code limit} bytes through; reading past them fails with {@link TooLarge} and marks the stream
 * {@link #exceeded()} (checked again after the reader, in case it swallowed the exception). Never reads more than
 * one byte past the limit from the connection.
 */
final class SizeLimitedStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    SizeLimitedStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Thrown when the answer goes past the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is larger than maxResponseSize");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        if (len == 0) {
            return 0;
        }
        long room = limit - count;
        int n = super.read(b, off, room >= len ? len : (int) room + 1);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(int n) throws TooLarge {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new TooLarge();
        }
    }

    private void check() throws TooLarge {
        if (exceeded) {
            throw new TooLarge();
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    /** Bytes let through so far. */
    long count() {
        return count;
    }

    /**
     * Does not close the connection's stream: a reader may close its input when done (Jackson does), and the transport
     * still drains what is left, within the same bounds, before it lets the connection go.
     */
    @Override
    public void close() {
    }
}
