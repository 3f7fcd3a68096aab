package io.github.camelanaplan.client.transfer;

import java.nio.charset.StandardCharsets;

/** Builds request URLs from ids that may, in rare cases, be file names rather than digits. */
final class TransferUrls {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private TransferUrls() {
    }

    /** {@code base/segment}, the segment percent-encoded as a single path segment. */
    static String child(String base, String segment) {
        return (base.endsWith("/") ? base : base + "/") + encode(segment);
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
