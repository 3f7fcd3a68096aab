package io.github.camelanaplan.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM text (RFC 7468 and the older OpenSSL form with {@code Proc-Type}/{@code DEK-Info} headers).
 * Lenient with what configuration tends to do to PEM text: line breaks written as the two characters {@code \n},
 * CRLF line ends, indentation, or all line breaks lost. Errors never quote the PEM content.
 */
public final class PemReader {

    private static final Pattern BLOCK
            = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s*(.*)$");

    private PemReader() {
    }

    /** One PEM block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...), headers and decoded content. */
    public static final class Block {
        private final String type;
        private final Map<String, String> headers;
        private final byte[] der;

        Block(String type, Map<String, String> headers, byte[] der) {
            this.type = type;
            this.headers = Collections.unmodifiableMap(headers);
            this.der = der;
        }

        public String type() {
            return type;
        }

        /** Headers of the old OpenSSL form, keyed by their name as written; empty for RFC 7468 blocks. */
        public Map<String, String> headers() {
            return headers;
        }

        public String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** The decoded bytes (a copy). */
        public byte[] der() {
            return der.clone();
        }

        @Override
        public String toString() {
            return "PEM block " + type;
        }
    }

    /** Whether the text holds at least the start of a PEM block. */
    public static boolean containsPem(String text) {
        return text != null && text.contains("-----BEGIN ");
    }

    /** Whether the bytes hold at least the start of a PEM block (PEM files are ASCII). */
    public static boolean containsPem(byte[] bytes) {
        return containsPem(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * Every PEM block of the text, in order.
     *
     * @throws IllegalArgumentException when a block is cut off, its END label does not match, or its content is not
     *                                  Base64; the message names the block's label only
     */
    public static List<Block> read(String text) {
        String normalized = text.replace("\\r", "\n").replace("\\n", "\n").replace("\r", "\n");
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(normalized);
        int end = 0;
        while (m.find()) {
            String type = m.group(1).trim();
            if (!type.equals(m.group(3).trim())) {
                throw new IllegalArgumentException("PEM block BEGIN " + type + " ends with END " + m.group(3).trim());
            }
            blocks.add(parseBody(type, m.group(2)));
            end = m.end();
        }
        int dangling = normalized.indexOf("-----BEGIN ", end);
        if (dangling >= 0) {
            int close = normalized.indexOf("-----", dangling + 11);
            String type = close > 0 ? normalized.substring(dangling + 11, close).trim() : "?";
            throw new IllegalArgumentException("PEM block BEGIN " + type + " has no END line (cut off?)");
        }
        return blocks;
    }

    private static Block parseBody(String type, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder b64 = new StringBuilder(body.length());
        for (String line : body.split("\n")) {
            String trimmed = line.trim();
            Matcher h = HEADER.matcher(trimmed);
            if (b64.length() == 0 && h.matches()) {
                headers.put(h.group(1), h.group(2).trim());
                continue;
            }
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (!Character.isWhitespace(c)) {
                    b64.append(c);
                }
            }
        }
        if (b64.length() == 0) {
            throw new IllegalArgumentException("PEM block " + type + " is empty");
        }
        try {
            return new Block(type, headers, Base64.getMimeDecoder().decode(strictBase64(b64)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block " + type + " does not hold valid Base64 (when given inside an "
                                               + "endpoint URI, wrap the value in RAW(...))");
        }
    }

    private static String strictBase64(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                         || c == '=';
            if (!ok) {
                throw new IllegalArgumentException("not Base64");
            }
        }
        if (s.length() % 4 != 0) {
            throw new IllegalArgumentException("not Base64");
        }
        return s.toString();
    }

    /**
     * PEM text of one block: {@code -----BEGIN type-----}, the Base64 of the content in lines of 64 characters, and
     * {@code -----END type-----}, each line ending with {@code \n}.
     */
    public static String write(String type, byte[] der) {
        String label = type.toUpperCase(Locale.ROOT);
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / 64 + 64);
        sb.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        sb.append("-----END ").append(label).append("-----\n");
        return sb.toString();
    }
}
