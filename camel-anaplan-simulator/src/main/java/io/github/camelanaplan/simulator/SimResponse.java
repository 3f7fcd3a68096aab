package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response produced by a handler; written to the wire by {@link SimHttpServer}. */
final class SimResponse {

    /** Streams a body of known length. */
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    final BodyWriter writer;
    final long length;

    private SimResponse(int status, String contentType, byte[] body, BodyWriter writer, long length) {
        this.status = status;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        this.body = body;
        this.writer = writer;
        this.length = length;
    }

    static SimResponse json(int status, Object node) {
        return new SimResponse(status, "application/json", Json.bytes(node), null, -1);
    }

    static SimResponse bytes(int status, String contentType, byte[] body) {
        return new SimResponse(status, contentType, body, null, -1);
    }

    static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, -1);
    }

    static SimResponse stream(int status, String contentType, long length, BodyWriter writer) {
        return new SimResponse(status, contentType, null, writer, length);
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, null, new byte[0], null, -1);
    }

    SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    long bodyLength() {
        return writer != null ? length : body.length;
    }
}
