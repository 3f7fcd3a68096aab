package io.github.camelanaplan.client.transfer;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The content of one upload, whatever the message body was: a sequence of bytes, of known length when the body
 * allows it. Known-length sources are read by position so chunk boundaries can be planned before the first request;
 * the others are read once, front to back.
 */
public abstract class UploadSource implements Closeable {

    /** What {@link #length()} answers when the length is only known at the end. */
    public static final long UNKNOWN_LENGTH = -1;

    /**
     * Wraps a message body. {@code Iterator}/{@code Iterable} elements are content pieces, re-cut into chunks.
     *
     * @param charset encodes {@code String} bodies and pieces and {@code Reader} bodies; null means UTF-8
     * @throws IllegalArgumentException for a null body or a type that cannot be uploaded
     */
    public static UploadSource of(Object body, Charset charset) {
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        if (body == null) {
            throw new IllegalArgumentException("upload body is null");
        }
        if (body instanceof byte[] bytes) {
            return new ArraySource(bytes, "byte[]");
        }
        if (body instanceof String text) {
            return new ArraySource(text.getBytes(cs), "String");
        }
        if (body instanceof File file) {
            return FileSource.open(file.toPath());
        }
        if (body instanceof Path path) {
            return FileSource.open(path);
        }
        if (body instanceof InputStream in) {
            return new StreamSource(in, "InputStream");
        }
        if (body instanceof Reader reader) {
            return new StreamSource(new ReaderInputStream(reader, cs), "Reader");
        }
        if (body instanceof Iterator<?> pieces) {
            return new StreamSource(new PiecesInputStream(pieces, cs).firstPieceChecked(), "Iterator");
        }
        if (body instanceof Iterable<?> pieces) {
            requireSupported(body);
            return new StreamSource(new PiecesInputStream(pieces.iterator(), cs).firstPieceChecked(), "Iterable");
        }
        throw unsupported(body);
    }

    /**
     * Refuses a body that cannot be uploaded without opening or consuming it: a null, a type not listed at
     * {@link #of}, or a collection with an element that is not byte[] or String. Callers check this before any
     * request, so a body the upload would fail on never resets the server file.
     */
    public static void requireSupported(Object body) {
        if (body == null) {
            throw new IllegalArgumentException("upload body is null");
        }
        if (body instanceof java.util.Collection<?> pieces) {
            PiecesInputStream.checkElements(pieces);
            return;
        }
        if (!(body instanceof byte[] || body instanceof String || body instanceof File || body instanceof Path
              || body instanceof InputStream || body instanceof Reader || body instanceof Iterator
              || body instanceof Iterable)) {
            throw unsupported(body);
        }
    }

    private static IllegalArgumentException unsupported(Object body) {
        return new IllegalArgumentException("unsupported upload body type " + body.getClass().getName()
                                            + ": use byte[], String, InputStream, File, Path, Reader or an Iterator/Iterable"
                                            + " of byte[]/String");
    }

    /** Bytes in the content, or {@link #UNKNOWN_LENGTH}. */
    public abstract long length();

    /** What kind of body this came from, for messages and logs. */
    public abstract String kind();

    /**
     * Starts cutting the content into chunks. Known-length sources plan every boundary here, so a content needing
     * more than {@link ChunkCutter#MAX_CHUNKS} chunks is refused before anything is sent.
     *
     * @param buffers where chunk buffers come from when the content has to be copied out of its source
     */
    abstract ChunkCutter cutter(int chunkSize, BufferPool buffers) throws IOException;

    @Override
    public void close() throws IOException {
        // nothing to release by default
    }

    static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("upload body file " + path + " cannot be read: " + e, e);
        }
    }
}
