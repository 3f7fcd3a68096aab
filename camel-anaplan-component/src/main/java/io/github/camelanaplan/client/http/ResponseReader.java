package io.github.camelanaplan.client.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a successful (2xx) response body. Throwing an {@link IOException} marks the response as malformed.
 */
@FunctionalInterface
public interface ResponseReader<T> {

    T read(int status, String contentType, InputStream body) throws IOException;

    /**
     * Whether the body is a stream of content (a file or dump chunk) rather than an answer read into memory: a stream
     * is bounded only by the timeout between bytes, an answer also must end within the timeout and fit in
     * maxResponseSize.
     */
    default boolean streamsBody() {
        return false;
    }

    /** The reader of a content stream (see {@link #streamsBody()}). */
    static <T> ResponseReader<T> stream(ResponseReader<T> reader) {
        return new ResponseReader<>() {
            @Override
            public T read(int status, String contentType, InputStream body) throws IOException {
                return reader.read(status, contentType, body);
            }

            @Override
            public boolean streamsBody() {
                return true;
            }
        };
    }
}
