package io.github.camelanaplan.client.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the encodings of an RSA private key into a {@link PrivateKey} with the JDK alone: PKCS#8, PKCS#1 (wrapped into
 * PKCS#8), encrypted PKCS#8 (PBES2 with PBKDF2 and AES or triple DES as OpenSSL writes it, and the PBES1/PKCS#12
 * schemes the JDK knows) and the old OpenSSL encrypted PEM ({@code Proc-Type: 4,ENCRYPTED}). Messages name the
 * options, never the password or the key.
 */
final class PrivateKeyDecoder {

    static final String WRONG_PASSWORD
            = "privateKeyPassword: wrong password or unsupported encryption for the encrypted private key";
    static final String PASSWORD_MISSING = "privateKey is encrypted: set privateKeyPassword";

    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";

    private PrivateKeyDecoder() {
    }

    /** An unencrypted PKCS#8 {@code PrivateKeyInfo}. */
    static PrivateKey pkcs8(byte[] der, String where) {
        String algorithm;
        try {
            Der.Reader info = new Der.Reader(der).next().expect(Der.SEQUENCE, "PrivateKeyInfo").children();
            info.next().expect(Der.INTEGER, "version");
            algorithm = info.next().expect(Der.SEQUENCE, "algorithm").children().next().oid();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: not a valid PKCS#8 private key" + where);
        }
        if (!RSA.equals(algorithm)) {
            String name = EC.equals(algorithm) ? "an EC key" : "a key of algorithm " + algorithm;
            throw new IllegalArgumentException("privateKey: " + name + where
                                               + "; Anaplan certificate authentication needs an RSA key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("privateKey: not a valid RSA private key" + where);
        }
    }

    /** A PKCS#1 {@code RSAPrivateKey}. */
    static PrivateKey pkcs1(byte[] der, String where) {
        try {
            Der.Reader key = new Der.Reader(der).next().expect(Der.SEQUENCE, "RSAPrivateKey").children();
            key.next().expect(Der.INTEGER, "version");
            key.next().expect(Der.INTEGER, "modulus");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: not a valid PKCS#1 RSA private key" + where);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Der.pkcs8FromPkcs1(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("privateKey: not a valid PKCS#1 RSA private key" + where);
        }
    }

    /** An {@code EncryptedPrivateKeyInfo}, decrypted with the password. */
    static PrivateKey encryptedPkcs8(byte[] der, String password, String where) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(PASSWORD_MISSING);
        }
        String scheme;
        Der.Element params;
        byte[] encrypted;
        try {
            Der.Reader info = new Der.Reader(der).next().expect(Der.SEQUENCE, "EncryptedPrivateKeyInfo").children();
            Der.Reader algorithm = info.next().expect(Der.SEQUENCE, "encryptionAlgorithm").children();
            scheme = algorithm.next().oid();
            params = algorithm.hasMore() ? algorithm.next() : null;
            encrypted = info.next().expect(Der.OCTET_STRING, "encryptedData").content();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: not a valid encrypted PKCS#8 private key" + where);
        }
        byte[] plain = PBES2.equals(scheme) ? pbes2(params, encrypted, password, where) : jdkPbe(der, password, where);
        try {
            return pkcs8(plain, where);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("privateKey: not a valid")) {
                // a wrong password sometimes decrypts to garbage with valid padding
                throw new IllegalArgumentException(WRONG_PASSWORD);
            }
            throw e;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] pbes2(Der.Element params, byte[] encrypted, String password, String where) {
        String kdf;
        String cipherOid;
        byte[] salt;
        int iterations;
        int keyLength = -1;
        String prfOid = "1.2.840.113549.2.7"; // hmacWithSHA1, the default
        byte[] iv;
        try {
            if (params == null) {
                throw new IllegalArgumentException("no PBES2 parameters");
            }
            Der.Reader pbes2 = params.expect(Der.SEQUENCE, "PBES2-params").children();
            Der.Reader kdfAlg = pbes2.next().expect(Der.SEQUENCE, "keyDerivationFunc").children();
            kdf = kdfAlg.next().oid();
            if (!PBKDF2.equals(kdf)) {
                String name = SCRYPT.equals(kdf) ? "scrypt" : kdf;
                throw new IllegalArgumentException("privateKey: the encrypted private key" + where + " derives its key "
                                                   + "with " + name + ", which is not supported; re-encrypt it with "
                                                   + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
            }
            Der.Reader pbkdf2 = kdfAlg.next().expect(Der.SEQUENCE, "PBKDF2-params").children();
            salt = pbkdf2.next().expect(Der.OCTET_STRING, "salt").content();
            iterations = pbkdf2.next().integer().intValueExact();
            if (pbkdf2.hasMore() && pbkdf2.peekTag() == Der.INTEGER) {
                keyLength = pbkdf2.next().integer().intValueExact();
            }
            if (pbkdf2.hasMore()) {
                prfOid = pbkdf2.next().expect(Der.SEQUENCE, "prf").children().next().oid();
            }
            Der.Reader enc = pbes2.next().expect(Der.SEQUENCE, "encryptionScheme").children();
            cipherOid = enc.next().oid();
            iv = enc.next().expect(Der.OCTET_STRING, "iv").content();
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("privateKey:")) {
                throw e;
            }
            throw new IllegalArgumentException("privateKey: the PBES2 parameters of the encrypted private key" + where
                                               + " are not valid");
        }
        String prf = prfName(prfOid);
        String[] cipher = cipherOf(cipherOid);
        if (prf == null || cipher == null) {
            throw new IllegalArgumentException("privateKey: the encrypted private key" + where + " uses "
                                               + (prf == null ? "PRF " + prfOid : "cipher " + cipherOid)
                                               + ", which is not supported; re-encrypt it with "
                                               + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
        }
        int cipherKeyLength = Integer.parseInt(cipher[2]);
        if (keyLength > 0 && keyLength != cipherKeyLength) {
            throw new IllegalArgumentException("privateKey: the PBES2 parameters of the encrypted private key" + where
                                               + " are not valid (key length)");
        }
        char[] chars = password.toCharArray();
        byte[] key = null;
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2With" + prf);
            SecretKey derived = factory.generateSecret(new PBEKeySpec(chars, salt, iterations, cipherKeyLength * 8));
            key = derived.getEncoded();
            Cipher c = Cipher.getInstance(cipher[1] + "/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, cipher[0]), new IvParameterSpec(iv));
            return c.doFinal(encrypted);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalArgumentException("privateKey: this JVM lacks PBKDF2With" + prf + " or " + cipher[1]
                                               + " to decrypt the encrypted private key" + where);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(WRONG_PASSWORD);
        } finally {
            Arrays.fill(chars, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static String prfName(String oid) {
        switch (oid) {
            case "1.2.840.113549.2.7":
                return "HmacSHA1";
            case "1.2.840.113549.2.8":
                return "HmacSHA224";
            case "1.2.840.113549.2.9":
                return "HmacSHA256";
            case "1.2.840.113549.2.10":
                return "HmacSHA384";
            case "1.2.840.113549.2.11":
                return "HmacSHA512";
            default:
                return null;
        }
    }

    /** {key algorithm, cipher algorithm, key length in bytes} of a PBES2 encryption scheme. */
    private static String[] cipherOf(String oid) {
        switch (oid) {
            case "2.16.840.1.101.3.4.1.2":
                return new String[] {"AES", "AES", "16"};
            case "2.16.840.1.101.3.4.1.22":
                return new String[] {"AES", "AES", "24"};
            case "2.16.840.1.101.3.4.1.42":
                return new String[] {"AES", "AES", "32"};
            case "1.2.840.113549.3.7":
                return new String[] {"DESede", "DESede", "24"};
            case "1.3.14.3.2.7":
                return new String[] {"DES", "DES", "8"};
            default:
                return null;
        }
    }

    /** PBES1 and PKCS#12 password-based schemes, by the names the JDK gives them. */
    private static byte[] jdkPbe(byte[] der, String password, String where) {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new IllegalArgumentException("privateKey: the encrypted private key" + where + " uses an encryption "
                                               + "this JVM does not know; re-encrypt it with "
                                               + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
        }
        String algorithm = info.getAlgName();
        AlgorithmParameters params = info.getAlgParameters();
        char[] chars = password.toCharArray();
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            SecretKey key = factory.generateSecret(new PBEKeySpec(chars));
            Cipher c = Cipher.getInstance(algorithm);
            c.init(Cipher.DECRYPT_MODE, key, params);
            return c.doFinal(info.getEncryptedData());
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalArgumentException("privateKey: the encrypted private key" + where + " uses " + algorithm
                                               + ", which this JVM does not support; re-encrypt it with "
                                               + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(WRONG_PASSWORD);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * The old OpenSSL encryption of a PEM block ({@code Proc-Type: 4,ENCRYPTED}, {@code DEK-Info: AES-256-CBC,<iv>}):
     * the key comes from MD5 over password and the first 8 bytes of the IV (OpenSSL's EVP_BytesToKey, one round).
     */
    static byte[] decryptLegacyPem(byte[] data, String dekInfo, String password, String where) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(PASSWORD_MISSING);
        }
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("privateKey: the encrypted PEM key" + where + " has no valid DEK-Info header");
        }
        String name = dekInfo.substring(0, comma).trim().toUpperCase(Locale.ROOT);
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: the encrypted PEM key" + where + " has no valid DEK-Info header");
        }
        String algorithm;
        int keyLength;
        int ivLength;
        switch (name) {
            case "AES-128-CBC":
                algorithm = "AES";
                keyLength = 16;
                ivLength = 16;
                break;
            case "AES-192-CBC":
                algorithm = "AES";
                keyLength = 24;
                ivLength = 16;
                break;
            case "AES-256-CBC":
                algorithm = "AES";
                keyLength = 32;
                ivLength = 16;
                break;
            case "DES-EDE3-CBC":
                algorithm = "DESede";
                keyLength = 24;
                ivLength = 8;
                break;
            case "DES-CBC":
                algorithm = "DES";
                keyLength = 8;
                ivLength = 8;
                break;
            default:
                throw new IllegalArgumentException("privateKey: the encrypted PEM key" + where + " uses " + name
                                                   + ", which is not supported; convert it with "
                                                   + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
        }
        if (iv.length != ivLength) {
            throw new IllegalArgumentException("privateKey: the encrypted PEM key" + where + " has no valid DEK-Info header");
        }
        byte[] pass = utf8(password);
        byte[] key = new byte[keyLength];
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] block = new byte[0];
            int filled = 0;
            while (filled < keyLength) {
                md5.update(block);
                md5.update(pass);
                md5.update(iv, 0, 8);
                block = md5.digest();
                int n = Math.min(block.length, keyLength - filled);
                System.arraycopy(block, 0, key, filled, n);
                filled += n;
            }
            Cipher c = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalArgumentException("privateKey: this JVM cannot decrypt " + name);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(WRONG_PASSWORD);
        } finally {
            Arrays.fill(pass, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A DER key of unknown kind: PKCS#8, encrypted PKCS#8 or PKCS#1, told apart by their structure. */
    static PrivateKey anyDer(byte[] der, String password, String where) {
        int first;
        int second;
        try {
            Der.Reader top = new Der.Reader(der).next().expect(Der.SEQUENCE, "key").children();
            first = top.next().tag;
            second = top.hasMore() ? top.next().tag : -1;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: neither a PEM nor a DER private key" + where);
        }
        if (first == Der.SEQUENCE) {
            return encryptedPkcs8(der, password, where);
        }
        if (first == Der.INTEGER && second == Der.SEQUENCE) {
            return pkcs8(der, where);
        }
        if (first == Der.INTEGER && second == Der.INTEGER) {
            return pkcs1(der, where);
        }
        throw new IllegalArgumentException("privateKey: neither a PEM nor a DER private key" + where);
    }

    private static byte[] utf8(String s) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(s));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }
}
