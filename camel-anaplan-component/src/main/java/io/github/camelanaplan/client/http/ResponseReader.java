package io.github.camelanaplan.client.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a successful (2xx) response body. Throwing an {@link IOException} marks the response as malformed.
 */
@FunctionalInterface
public interface ResponseReader<T> {

    T read(int status, String contentType, InputStream body) throws IOException;
}
