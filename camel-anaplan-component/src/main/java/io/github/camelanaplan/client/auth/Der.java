package io.github.camelanaplan.client.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The little DER this package needs without a crypto library: writing a PKCS#8 wrapper around a PKCS#1 RSA key, and
 * reading the structures of encrypted PKCS#8 keys.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** 1.2.840.113549.1.1.1 (rsaEncryption), content octets only. */
    static final byte[] RSA_ENCRYPTION = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};

    private Der() {
    }

    /** One TLV: tag, definite length (short or long form), content. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = 0;
            for (int v = len; v != 0; v >>>= 8) {
                bytes++;
            }
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.write(content, 0, content.length);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... items) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] item : items) {
            content.write(item, 0, item.length);
        }
        return tlv(SEQUENCE, content.toByteArray());
    }

    /** A small non-negative INTEGER (fits one byte below 0x80). */
    static byte[] smallInteger(int value) {
        if (value < 0 || value > 0x7f) {
            throw new IllegalArgumentException("small integer out of range: " + value);
        }
        return tlv(INTEGER, new byte[] {(byte) value});
    }

    /**
     * PKCS#8 {@code PrivateKeyInfo} around a PKCS#1 {@code RSAPrivateKey}: version 0, algorithm rsaEncryption with NULL
     * parameters, the PKCS#1 structure as an OCTET STRING.
     */
    static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        byte[] algorithm = sequence(tlv(OID, RSA_ENCRYPTION), tlv(NULL, new byte[0]));
        return sequence(smallInteger(0), algorithm, tlv(OCTET_STRING, pkcs1));
    }

    /** One decoded TLV; its content is a view into the parsed array. */
    static final class Element {
        final int tag;
        private final byte[] buf;
        private final int off;
        private final int len;

        Element(int tag, byte[] buf, int off, int len) {
            this.tag = tag;
            this.buf = buf;
            this.off = off;
            this.len = len;
        }

        byte[] content() {
            byte[] copy = new byte[len];
            System.arraycopy(buf, off, copy, 0, len);
            return copy;
        }

        /** A reader over the content of a constructed element (SEQUENCE, SET). */
        Reader children() {
            return new Reader(buf, off, len);
        }

        Element expect(int expectedTag, String what) {
            if (tag != expectedTag) {
                throw new IllegalArgumentException(what + ": expected DER tag 0x" + Integer.toHexString(expectedTag)
                                                   + ", found 0x" + Integer.toHexString(tag));
            }
            return this;
        }

        BigInteger integer() {
            if (tag != INTEGER || len == 0) {
                throw new IllegalArgumentException("not a DER INTEGER");
            }
            return new BigInteger(content());
        }

        /** An OBJECT IDENTIFIER in dotted form. */
        String oid() {
            if (tag != OID || len == 0) {
                throw new IllegalArgumentException("not a DER OBJECT IDENTIFIER");
            }
            StringBuilder sb = new StringBuilder();
            long value = 0;
            boolean first = true;
            for (int i = off; i < off + len; i++) {
                int b = buf[i] & 0xff;
                if (value > (Long.MAX_VALUE >>> 7)) {
                    throw new IllegalArgumentException("OBJECT IDENTIFIER arc too large");
                }
                value = (value << 7) | (b & 0x7f);
                if ((b & 0x80) == 0) {
                    if (first) {
                        int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                        sb.append(top).append('.').append(value - 40L * top);
                        first = false;
                    } else {
                        sb.append('.').append(value);
                    }
                    value = 0;
                }
            }
            return sb.toString();
        }
    }

    /** Reads consecutive TLVs of a byte range; definite lengths only (DER). */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        Reader(byte[] buf, int off, int len) {
            this.buf = buf;
            this.pos = off;
            this.end = off + len;
        }

        boolean hasMore() {
            return pos < end;
        }

        int peekTag() {
            if (pos >= end) {
                throw new IllegalArgumentException("DER structure ends early");
            }
            return buf[pos] & 0xff;
        }

        Element next() {
            int tag = peekTag();
            if ((tag & 0x1f) == 0x1f) {
                throw new IllegalArgumentException("multi-byte DER tags are not supported");
            }
            int p = pos + 1;
            if (p >= end) {
                throw new IllegalArgumentException("DER structure ends early");
            }
            int first = buf[p++] & 0xff;
            int len;
            if (first < 0x80) {
                len = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 4 || p + n > end) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                long l = 0;
                for (int i = 0; i < n; i++) {
                    l = (l << 8) | (buf[p++] & 0xff);
                }
                if (l > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("DER length too large");
                }
                len = (int) l;
            }
            if (len < 0 || len > end - p) {
                throw new IllegalArgumentException("DER length runs past the end of the data");
            }
            pos = p + len;
            return new Element(tag, buf, p, len);
        }
    }
}
