package io.github.camelanaplan.client.transactional;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The pages of a read request as one stream. Page n+1 is fetched when page n has been read; a first line equal to
 * the first page's header is dropped. The request is deleted at the end, on close, and on a failure.
 */
final class ReadRequestInputStream extends InputStream {

    private final ReadRequest request;
    private byte[] header;
    private byte[] current = new byte[0];
    private int position;
    private int nextPage;
    private boolean finished;

    ReadRequestInputStream(ReadRequest request) {
        this.request = request;
    }

    private boolean fill() throws IOException {
        while (position >= current.length) {
            if (finished) {
                return false;
            }
            byte[] page;
            try {
                page = request.page(nextPage);
            } catch (RuntimeException e) {
                finished = true;
                request.close();
                throw new IOException("Reading page " + nextPage + " of the read request of " + request.what()
                                      + " failed: " + e.getMessage(), e);
            }
            if (page == null) {
                finished = true;
                request.close();
                return false;
            }
            current = page;
            position = 0;
            if (nextPage == 0) {
                header = firstLine(page);
            } else if (header != null && header.length > 0 && startsWith(page, header)) {
                position = header.length;
            }
            nextPage++;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    @Override
    public void close() {
        finished = true;
        current = new byte[0];
        position = 0;
        request.close();
    }

    private static byte[] firstLine(byte[] page) {
        for (int i = 0; i < page.length; i++) {
            if (page[i] == '\n') {
                return Arrays.copyOf(page, i + 1);
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] page, byte[] prefix) {
        if (page.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (page[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
