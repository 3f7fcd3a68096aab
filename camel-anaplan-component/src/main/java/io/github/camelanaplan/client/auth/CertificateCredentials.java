package io.github.camelanaplan.client.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;

/**
 * Anaplan's CA-certificate login: {@code Authorization: CACertificate <base64 of the certificate PEM>} and a JSON body
 * holding random bytes and their SHA512withRSA signature made with the certificate's private key.
 * <ul>
 * <li>{@code v1}: {@code {"encodedData": b64(150 random bytes), "encodedSignedData": b64(signature over them)}}</li>
 * <li>{@code v2} (default): {@code {"encodedDataFormat":"v2", "encodedData": b64(8-byte big-endian epoch seconds +
 * 150 random bytes), "encodedSignedData": b64(signature over exactly those 158 bytes)}}</li>
 * </ul>
 * Every login signs fresh bytes: a payload is never reused. {@link #toString()} shows the certificate subject only.
 */
public final class CertificateCredentials extends Credentials {

    public static final String FORMAT_V1 = "v1";
    public static final String FORMAT_V2 = "v2";
    public static final String DEFAULT_FORMAT = FORMAT_V2;

    static final int RANDOM_BYTES = 150;
    static final String SIGNATURE_ALGORITHM = "SHA512withRSA";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyMaterial keyMaterial;
    private final String format;
    private final String authorizationHeader;
    private final LongSupplier clockMillis;

    /**
     * @param format {@code v1} or {@code v2}; null means {@link #DEFAULT_FORMAT}
     * @throws IllegalArgumentException for another format, a non-RSA key, or a key that is not the certificate's
     */
    public CertificateCredentials(X509Certificate certificate, PrivateKey privateKey, String format) {
        this(new KeyMaterial(certificate, privateKey), format);
    }

    /** With the default format, {@code v2}. */
    public CertificateCredentials(X509Certificate certificate, PrivateKey privateKey) {
        this(certificate, privateKey, DEFAULT_FORMAT);
    }

    /** @param format {@code v1} or {@code v2}; null means {@link #DEFAULT_FORMAT} */
    public CertificateCredentials(KeyMaterial keyMaterial, String format) {
        this(keyMaterial, format, System::currentTimeMillis);
    }

    CertificateCredentials(KeyMaterial keyMaterial, String format, LongSupplier clockMillis) {
        this.keyMaterial = Objects.requireNonNull(keyMaterial, "keyMaterial");
        this.format = normalizeFormat(format);
        this.clockMillis = clockMillis;
        this.authorizationHeader = "CACertificate " + Base64.getEncoder()
                .encodeToString(certificatePem(keyMaterial.certificate()).getBytes(StandardCharsets.US_ASCII));
    }

    // ------------------------------------------------------------------ factories for the component options

    /**
     * From the {@code certificate}, {@code privateKey}, {@code privateKeyPassword} and {@code certificateAuthFormat}
     * options. See {@link KeyMaterial#fromPem(String, String, String)}.
     */
    public static CertificateCredentials fromPem(String certificate, String privateKey, String privateKeyPassword,
                                                 String certificateAuthFormat) {
        String format = normalizeFormat(certificateAuthFormat); // fail on the cheap check first
        return new CertificateCredentials(KeyMaterial.fromPem(certificate, privateKey, privateKeyPassword), format);
    }

    /**
     * From the {@code keyStore}, {@code keyStorePassword}, {@code keyAlias} and {@code certificateAuthFormat} options.
     * See {@link KeyMaterial#fromKeyStore(String, String, String)}.
     */
    public static CertificateCredentials fromKeyStore(String keyStore, String keyStorePassword, String keyAlias,
                                                      String certificateAuthFormat) {
        String format = normalizeFormat(certificateAuthFormat);
        return new CertificateCredentials(KeyMaterial.fromKeyStore(keyStore, keyStorePassword, keyAlias), format);
    }

    /**
     * From whichever certificate options are set: a {@code keyStore} (then {@code privateKeyPassword}, if set, is the
     * key entry's own password), or else {@code certificate} with {@code privateKey}. Setting both a keystore and a
     * certificate is an error.
     *
     * @return the credentials, or null when neither {@code keyStore} nor {@code certificate} is set
     */
    public static CertificateCredentials fromOptions(String certificate, String privateKey, String privateKeyPassword,
                                                     String keyStore, String keyStorePassword, String keyAlias,
                                                     String certificateAuthFormat) {
        boolean hasStore = keyStore != null && !keyStore.isBlank();
        boolean hasPem = (certificate != null && !certificate.isBlank()) || (privateKey != null && !privateKey.isBlank());
        String format = normalizeFormat(certificateAuthFormat);
        if (hasStore && hasPem) {
            throw new IllegalArgumentException("Set either keyStore or certificate/privateKey, not both");
        }
        if (hasStore) {
            return new CertificateCredentials(
                    KeyMaterial.fromKeyStore(keyStore, keyStorePassword, keyAlias, privateKeyPassword), format);
        }
        if (!hasPem) {
            return null;
        }
        if (certificate == null || certificate.isBlank()) {
            throw new IllegalArgumentException("certificate is not set (privateKey needs its certificate)");
        }
        return new CertificateCredentials(KeyMaterial.fromPem(certificate, privateKey, privateKeyPassword), format);
    }

    /** {@code v1} or {@code v2} (case and surrounding blanks ignored); null or blank means the default. */
    static String normalizeFormat(String format) {
        if (format == null || format.isBlank()) {
            return DEFAULT_FORMAT;
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals(FORMAT_V1) && !f.equals(FORMAT_V2)) {
            throw new IllegalArgumentException("certificateAuthFormat must be v1 or v2, was '" + format + "'");
        }
        return f;
    }

    // ------------------------------------------------------------------ login

    @Override
    public Token login(AuthService auth) {
        return auth.authenticate(authorizationHeader, payload());
    }

    /** A fresh signed JSON body for {@code /token/authenticate}. */
    CertificateLoginBody payload() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        byte[] data;
        if (FORMAT_V2.equals(format)) {
            long epochSeconds = Math.floorDiv(clockMillis.getAsLong(), 1000L);
            data = ByteBuffer.allocate(8 + RANDOM_BYTES).putLong(epochSeconds).put(random).array();
        } else {
            data = random;
        }
        byte[] signature = sign(data);
        Base64.Encoder b64 = Base64.getEncoder();
        return new CertificateLoginBody(FORMAT_V2.equals(format) ? "v2" : null, b64.encodeToString(data),
                b64.encodeToString(signature));
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(keyMaterial.privateKey());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AnaplanAuthenticationException("Cannot sign the certificate login payload with the private key of "
                                                     + keyMaterial.subject() + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** The PEM text of a certificate, as the {@code CACertificate} header encodes it. */
    static String certificatePem(X509Certificate certificate) {
        try {
            return PemReader.write("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate: cannot be encoded", e);
        }
    }

    /** The {@code Authorization} header value: {@code CACertificate <base64 of the certificate PEM>}. */
    String authorizationHeader() {
        return authorizationHeader;
    }

    // ------------------------------------------------------------------ accessors and identity

    @Override
    public String method() {
        return "certificate";
    }

    public X509Certificate certificate() {
        return keyMaterial.certificate();
    }

    /** {@code v1} or {@code v2}. */
    public String format() {
        return format;
    }

    /** The certificate's subject. */
    public String subject() {
        return keyMaterial.subject();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CertificateCredentials)) {
            return false;
        }
        CertificateCredentials other = (CertificateCredentials) o;
        return format.equals(other.format) && keyMaterial.equals(other.keyMaterial);
    }

    @Override
    public int hashCode() {
        return 31 * keyMaterial.hashCode() + format.hashCode();
    }

    @Override
    public String toString() {
        return "certificate credentials of " + keyMaterial.subject() + " (" + format + ")";
    }
}
