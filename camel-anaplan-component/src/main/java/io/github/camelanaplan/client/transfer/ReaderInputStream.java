package io.github.camelanaplan.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Encodes a {@link Reader} on the fly, so a reader body is uploaded without ever holding its text. Characters the
 * charset cannot express are replaced, as {@link String#getBytes(Charset)} does.
 */
final class ReaderInputStream extends InputStream {

    private static final int CHARS = 8192;

    private final Reader reader;
    private final CharsetEncoder encoder;
    private final CharBuffer chars = CharBuffer.allocate(CHARS);
    private final ByteBuffer bytes;
    private boolean endOfInput;
    private boolean flushed;

    ReaderInputStream(Reader reader, Charset charset) {
        this.reader = reader;
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.bytes = ByteBuffer.allocate((int) Math.ceil(CHARS * (double) encoder.maxBytesPerChar()));
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!bytes.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(target, offset, n);
        return n;
    }

    /** Encodes the next characters into {@code bytes}; false at the end of the text. */
    private boolean fill() throws IOException {
        bytes.clear();
        while (bytes.position() == 0 && !flushed) {
            if (!endOfInput) {
                chars.compact();
                if (chars.hasRemaining() && reader.read(chars) < 0) {
                    endOfInput = true;
                }
                chars.flip();
            }
            CoderResult result = encoder.encode(chars, bytes, endOfInput);
            if (result.isError()) {
                result.throwException();
            }
            if (endOfInput && result.isUnderflow() && encoder.flush(bytes).isUnderflow()) {
                flushed = true;
            }
        }
        bytes.flip();
        return bytes.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
