package io.github.camelanaplan.client.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A configured API root ({@code https://api.anaplan.com/2/0}) and path segments below it, each kept as given and
 * percent-encoded as exactly one segment when the URL is built: an id holding {@code /}, {@code ?}, {@code #},
 * {@code %2F} or {@code ..} can never reach another resource. Immutable; {@link #then} gives a longer path, so a
 * client can hold its model's path and derive the requests under it. Segments are checked (null, empty) when an
 * {@link ApiRequest} is built, where the step is known to name.
 */
public final class ApiPath {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String root;
    private final List<String> segments;

    private ApiPath(String root, List<String> segments) {
        this.root = root;
        this.segments = segments;
    }

    /**
     * A root URL as configured (scheme, host, optional base path); a trailing slash is dropped.
     *
     * @throws IllegalArgumentException when the root is blank or carries a query or fragment
     */
    public static ApiPath root(String rootUrl) {
        if (rootUrl == null || rootUrl.isBlank()) {
            throw new IllegalArgumentException("the API root URL is not set");
        }
        if (rootUrl.indexOf('?') >= 0 || rootUrl.indexOf('#') >= 0) {
            throw new IllegalArgumentException("the API root URL must not have a query or fragment: " + rootUrl);
        }
        String root = rootUrl;
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return new ApiPath(root, List.of());
    }

    /** This path with more segments, each one exactly one segment (a {@code /} inside one is encoded). */
    public ApiPath then(String... more) {
        List<String> all = new ArrayList<>(segments.size() + more.length);
        all.addAll(segments);
        all.addAll(Arrays.asList(more));
        return new ApiPath(root, Collections.unmodifiableList(all));
    }

    /** The segments as given (not encoded). */
    public List<String> segments() {
        return segments;
    }

    /** The last segment as given, or null for the root. */
    public String last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** The root URL without trailing slash. */
    public String rootUrl() {
        return root;
    }

    /** The absolute URL: root plus encoded segments. */
    public String url() {
        StringBuilder url = new StringBuilder(root);
        appendSegments(url);
        return url.toString();
    }

    /** The encoded path without scheme and host (the root's own path included): safe for messages. */
    public String path() {
        int scheme = root.indexOf("://");
        int slash = scheme < 0 ? root.indexOf('/') : root.indexOf('/', scheme + 3);
        StringBuilder path = new StringBuilder(slash < 0 ? "" : root.substring(slash));
        appendSegments(path);
        return path.length() == 0 ? "/" : path.toString();
    }

    private void appendSegments(StringBuilder out) {
        for (String segment : segments) {
            out.append('/').append(encodeSegment(segment));
        }
    }

    /**
     * One path segment percent-encoded per RFC 3986: every byte of its UTF-8 form but the unreserved characters is
     * {@code %XX}; the dot segments {@code .} and {@code ..} become {@code %2E} and {@code %2E%2E} so that no URL
     * normalisation removes them. A null segment reads as "null" here; {@link ApiRequest} refuses it before.
     */
    public static String encodeSegment(String segment) {
        String s = String.valueOf(segment);
        if (s.equals(".")) {
            return "%2E";
        }
        if (s.equals("..")) {
            return "%2E%2E";
        }
        return encode(s);
    }

    /** A query name or value percent-encoded per RFC 3986 (space as {@code %20}, never {@code +}). */
    public static String encodeQuery(String value) {
        return encode(value);
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return url();
    }
}
