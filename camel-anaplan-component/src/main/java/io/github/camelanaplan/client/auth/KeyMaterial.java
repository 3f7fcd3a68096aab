package io.github.camelanaplan.client.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X.509 certificate and the RSA private key that belongs to it, as Anaplan's CA-certificate login needs them.
 * <p>
 * Loaded from the component options: {@code certificate} and {@code privateKey} (each PEM text, or a {@code file:} or
 * {@code classpath:} resource; the key as PKCS#8, PKCS#1, encrypted PKCS#8 or old-style encrypted PEM, decrypted with
 * {@code privateKeyPassword}), or a {@code keyStore} (PKCS12 or JKS) with {@code keyStorePassword} and an optional
 * {@code keyAlias}. Only the JDK is used. Errors are {@link IllegalArgumentException}s that name the option at fault
 * and never show a password or key.
 */
public final class KeyMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(KeyMaterial.class);

    private static final Set<String> KEY_BLOCKS = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    /**
     * @throws IllegalArgumentException when either is not RSA, or the key is not the certificate's
     */
    public KeyMaterial(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equalsIgnoreCase(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("certificate: its key is " + certificate.getPublicKey().getAlgorithm()
                                               + "; Anaplan certificate authentication needs an RSA certificate");
        }
        if (!"RSA".equalsIgnoreCase(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("privateKey: an " + privateKey.getAlgorithm()
                                               + " key; Anaplan certificate authentication needs an RSA key");
        }
        if (!belongTogether(certificate, privateKey)) {
            throw new IllegalArgumentException("certificate and privateKey do not belong together");
        }
        warnIfNotValidNow(certificate);
    }

    // ------------------------------------------------------------------ factories from option values

    /**
     * From the {@code certificate}, {@code privateKey} and {@code privateKeyPassword} options. The certificate may be a
     * chain: the certificate the key belongs to is taken. When {@code privateKey} is null the key is looked for next
     * to the certificate (one PEM file holding both).
     *
     * @param certificate        PEM text, {@code file:<path>} or {@code classpath:<path>} (PEM or DER)
     * @param privateKey         PEM text, {@code file:<path>} or {@code classpath:<path>} (PEM or DER); may be null
     * @param privateKeyPassword the password of an encrypted key; null when the key is not encrypted
     */
    public static KeyMaterial fromPem(String certificate, String privateKey, String privateKeyPassword) {
        Resources.Loaded certSource = Resources.load("certificate", certificate);
        List<X509Certificate> certificates = certificates(certSource);
        PrivateKey key;
        if (privateKey == null || privateKey.isBlank()) {
            if (!PemReader.containsPem(certSource.bytes) || keyBlock(blocks(certSource)) == null) {
                throw new IllegalArgumentException("privateKey is not set (and certificate holds no private key)");
            }
            key = privateKey(new Resources.Loaded("privateKey", certSource.bytes, certSource.resource), privateKeyPassword);
        } else {
            key = readPrivateKey(privateKey, privateKeyPassword);
        }
        for (X509Certificate c : certificates) {
            if ("RSA".equalsIgnoreCase(c.getPublicKey().getAlgorithm()) && belongTogether(c, key)) {
                return new KeyMaterial(c, key);
            }
        }
        if (!"RSA".equalsIgnoreCase(certificates.get(0).getPublicKey().getAlgorithm())) {
            return new KeyMaterial(certificates.get(0), key); // names the wrong algorithm
        }
        throw new IllegalArgumentException("certificate and privateKey do not belong together");
    }

    /**
     * From the {@code keyStore}, {@code keyStorePassword} and {@code keyAlias} options; the key's password is the
     * store's.
     *
     * @param keyStore         {@code file:<path>} or {@code classpath:<path>} of a PKCS12 or JKS keystore (a bare path
     *                         is taken as a file)
     * @param keyStorePassword the store password (also the key's); null for none
     * @param keyAlias         the entry to use; null for the first entry holding a private key
     */
    public static KeyMaterial fromKeyStore(String keyStore, String keyStorePassword, String keyAlias) {
        return fromKeyStore(keyStore, keyStorePassword, keyAlias, null);
    }

    /**
     * Like {@link #fromKeyStore(String, String, String)}, for a JKS entry whose key has its own password
     * ({@code privateKeyPassword}); null means the store password.
     */
    public static KeyMaterial fromKeyStore(String keyStore, String keyStorePassword, String keyAlias, String keyPassword) {
        Resources.Loaded source = Resources.loadBinary("keyStore", keyStore);
        KeyStore store = loadKeyStore(source, keyStorePassword);
        boolean ownKeyPassword = keyPassword != null && !keyPassword.isEmpty();
        return fromKeyStore(store, ownKeyPassword ? keyPassword : keyStorePassword, keyAlias,
                ownKeyPassword ? "privateKeyPassword" : "keyStorePassword");
    }

    /** From a loaded keystore; {@code keyAlias} null means the first entry holding a private key. */
    public static KeyMaterial fromKeyStore(KeyStore keyStore, String keyPassword, String keyAlias) {
        return fromKeyStore(keyStore, keyPassword, keyAlias, "keyStorePassword");
    }

    private static KeyMaterial fromKeyStore(KeyStore store, String keyPassword, String keyAlias, String passwordOption) {
        Objects.requireNonNull(store, "keyStore");
        char[] password = keyPassword == null ? new char[0] : keyPassword.toCharArray();
        try {
            List<String> aliases = Collections.list(store.aliases());
            String alias;
            if (keyAlias != null && !keyAlias.isBlank()) {
                alias = keyAlias.trim();
                if (!store.containsAlias(alias)) {
                    throw new IllegalArgumentException("keyStore: alias '" + alias + "' not found (aliases: "
                                                       + String.join(", ", aliases) + ")");
                }
                if (!store.isKeyEntry(alias)) {
                    throw new IllegalArgumentException("keyStore: alias '" + alias + "' holds no private key");
                }
            } else {
                List<String> keyAliases = new ArrayList<>();
                for (String a : aliases) {
                    if (store.isKeyEntry(a)) {
                        keyAliases.add(a);
                    }
                }
                if (keyAliases.isEmpty()) {
                    throw new IllegalArgumentException("keyStore: holds no private key entry (aliases: "
                                                       + String.join(", ", aliases) + ")");
                }
                alias = keyAliases.get(0);
                if (keyAliases.size() > 1) {
                    LOG.info("keyStore holds several private keys ({}); using '{}' (set keyAlias to choose)",
                            String.join(", ", keyAliases), alias);
                }
            }
            Key key;
            try {
                key = store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new IllegalArgumentException(passwordOption + ": wrong password for the key '" + alias
                                                   + "' of keyStore");
            }
            if (!(key instanceof PrivateKey)) {
                throw new IllegalArgumentException("keyStore: alias '" + alias + "' holds no private key");
            }
            Certificate cert = store.getCertificate(alias);
            if (!(cert instanceof X509Certificate)) {
                throw new IllegalArgumentException("keyStore: alias '" + alias + "' holds no X.509 certificate");
            }
            return new KeyMaterial((X509Certificate) cert, (PrivateKey) key);
        } catch (KeyStoreException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("keyStore: cannot read the key entry (" + e.getClass().getSimpleName()
                                               + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static KeyStore loadKeyStore(Resources.Loaded source, String keyStorePassword) {
        byte[] b = source.bytes;
        String type;
        if (b.length >= 4 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xed && (b[2] & 0xff) == 0xfe
            && (b[3] & 0xff) == 0xed) {
            type = "JKS";
        } else if (b.length >= 4 && (b[0] & 0xff) == 0xce && (b[1] & 0xff) == 0xce && (b[2] & 0xff) == 0xce
                   && (b[3] & 0xff) == 0xce) {
            type = "JCEKS";
        } else if (b.length >= 2 && (b[0] & 0xff) == 0x30) {
            type = "PKCS12";
        } else {
            throw new IllegalArgumentException("keyStore: " + source.resource + " is not a PKCS12 or JKS keystore");
        }
        char[] password = keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(b), password);
            return store;
        } catch (IOException e) {
            boolean passwordProblem = e.getCause() instanceof UnrecoverableKeyException
                                      || (e.getMessage() != null
                                          && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password"));
            if (passwordProblem) {
                throw new IllegalArgumentException(keyStorePassword == null
                        ? "keyStore: " + source.resource + " needs a password: set keyStorePassword"
                        : "keyStorePassword: wrong password for keyStore " + source.resource);
            }
            throw new IllegalArgumentException("keyStore: " + source.resource + " is not a readable " + type + " keystore");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keyStore: cannot load " + source.resource + " as " + type + " ("
                                               + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    // ------------------------------------------------------------------ single pieces

    /** The first certificate of the {@code certificate} option (PEM text, {@code file:} or {@code classpath:}). */
    public static X509Certificate readCertificate(String certificate) {
        return certificates(Resources.load("certificate", certificate)).get(0);
    }

    /** Every certificate of the {@code certificate} option, in order. */
    public static List<X509Certificate> readCertificates(String certificate) {
        return certificates(Resources.load("certificate", certificate));
    }

    /** The private key of the {@code privateKey} option, decrypted with {@code privateKeyPassword} when encrypted. */
    public static PrivateKey readPrivateKey(String privateKey, String privateKeyPassword) {
        return privateKey(Resources.load("privateKey", privateKey), privateKeyPassword);
    }

    private static List<X509Certificate> certificates(Resources.Loaded source) {
        List<byte[]> ders = new ArrayList<>();
        if (PemReader.containsPem(source.bytes)) {
            List<PemReader.Block> blocks = blocks(source);
            for (PemReader.Block block : blocks) {
                if (block.type().equals("CERTIFICATE") || block.type().equals("X509 CERTIFICATE")) {
                    ders.add(block.der());
                }
            }
            if (ders.isEmpty()) {
                throw new IllegalArgumentException("certificate: not a PEM certificate (found " + found(blocks) + ")");
            }
        } else if (source.inline()) {
            throw new IllegalArgumentException("certificate: neither PEM text nor a file: or classpath: resource");
        } else {
            ders.add(source.bytes); // DER
        }
        List<X509Certificate> out = new ArrayList<>(ders.size());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : ders) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("certificate: not a valid X.509 certificate" + source.where());
        }
        return out;
    }

    private static PrivateKey privateKey(Resources.Loaded source, String password) {
        if (!PemReader.containsPem(source.bytes)) {
            if (source.inline()) {
                throw new IllegalArgumentException("privateKey: neither PEM text nor a file: or classpath: resource");
            }
            return PrivateKeyDecoder.anyDer(source.bytes, password, source.where());
        }
        List<PemReader.Block> blocks = blocks(source);
        PemReader.Block block = keyBlock(blocks);
        if (block == null) {
            for (PemReader.Block b : blocks) {
                if (b.type().endsWith("PRIVATE KEY")) {
                    throw new IllegalArgumentException("privateKey: BEGIN " + b.type() + " is not supported; "
                                                       + "Anaplan certificate authentication needs an RSA key as "
                                                       + "PRIVATE KEY, RSA PRIVATE KEY or ENCRYPTED PRIVATE KEY");
                }
            }
            throw new IllegalArgumentException("privateKey: not a PEM private key (found " + found(blocks) + ")");
        }
        String where = source.where();
        switch (block.type()) {
            case "PRIVATE KEY":
                return PrivateKeyDecoder.pkcs8(block.der(), where);
            case "ENCRYPTED PRIVATE KEY":
                return PrivateKeyDecoder.encryptedPkcs8(block.der(), password, where);
            default: // RSA PRIVATE KEY
                String procType = block.header("Proc-Type");
                if (procType != null && procType.toUpperCase(java.util.Locale.ROOT).contains("ENCRYPTED")) {
                    byte[] plain = PrivateKeyDecoder.decryptLegacyPem(block.der(), block.header("DEK-Info"), password,
                            where);
                    try {
                        return PrivateKeyDecoder.pkcs1(plain, where);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(PrivateKeyDecoder.WRONG_PASSWORD);
                    } finally {
                        Arrays.fill(plain, (byte) 0);
                    }
                }
                return PrivateKeyDecoder.pkcs1(block.der(), where);
        }
    }

    private static List<PemReader.Block> blocks(Resources.Loaded source) {
        try {
            return PemReader.read(new String(source.bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source.option + ": " + e.getMessage() + source.where());
        }
    }

    private static PemReader.Block keyBlock(List<PemReader.Block> blocks) {
        for (PemReader.Block b : blocks) {
            if (KEY_BLOCKS.contains(b.type())) {
                return b;
            }
        }
        return null;
    }

    private static String found(List<PemReader.Block> blocks) {
        Set<String> types = new LinkedHashSet<>();
        for (PemReader.Block b : blocks) {
            types.add("BEGIN " + b.type());
        }
        return types.isEmpty() ? "no PEM block" : String.join(", ", types);
    }

    // ------------------------------------------------------------------ checks

    /**
     * Whether the private key is the one of the certificate's public key: same RSA modulus (and public exponent when
     * the key carries it), or, for keys that do not show their numbers (hardware keys), a signature that the
     * certificate verifies.
     */
    public static boolean belongTogether(X509Certificate certificate, PrivateKey privateKey) {
        PublicKey pub = certificate.getPublicKey();
        if (pub instanceof RSAPublicKey && privateKey instanceof RSAPrivateKey) {
            RSAPublicKey rsaPub = (RSAPublicKey) pub;
            if (!rsaPub.getModulus().equals(((RSAPrivateKey) privateKey).getModulus())) {
                return false;
            }
            return !(privateKey instanceof RSAPrivateCrtKey)
                   || rsaPub.getPublicExponent().equals(((RSAPrivateCrtKey) privateKey).getPublicExponent());
        }
        try {
            byte[] probe = "camel-anaplan key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pub);
            verifier.update(probe);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void warnIfNotValidNow(X509Certificate certificate) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.warn("The certificate {} expired on {}: Anaplan will reject it", certificate.getSubjectX500Principal(),
                    certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            LOG.warn("The certificate {} is valid only from {}: Anaplan will reject it until then",
                    certificate.getSubjectX500Principal(), certificate.getNotBefore().toInstant());
        }
    }

    // ------------------------------------------------------------------ accessors

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate's subject, e.g. {@code CN=integration@acme.com, O=Acme}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    /** Value equality of two private keys: same RSA numbers, or the same encoding. */
    static boolean sameKey(PrivateKey a, PrivateKey b) {
        if (a == b) {
            return true;
        }
        if (a instanceof RSAPrivateKey && b instanceof RSAPrivateKey) {
            return ((RSAPrivateKey) a).getModulus().equals(((RSAPrivateKey) b).getModulus())
                   && ((RSAPrivateKey) a).getPrivateExponent().equals(((RSAPrivateKey) b).getPrivateExponent());
        }
        byte[] ea = a.getEncoded();
        byte[] eb = b.getEncoded();
        return ea != null && eb != null ? Arrays.equals(ea, eb) : a.equals(b);
    }

    static int keyHash(PrivateKey key) {
        return key instanceof RSAPrivateKey ? ((RSAPrivateKey) key).getModulus().hashCode() : 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KeyMaterial)) {
            return false;
        }
        KeyMaterial other = (KeyMaterial) o;
        return certificate.equals(other.certificate) && sameKey(privateKey, other.privateKey);
    }

    @Override
    public int hashCode() {
        return 31 * certificate.hashCode() + keyHash(privateKey);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + subject() + "]";
    }
}
