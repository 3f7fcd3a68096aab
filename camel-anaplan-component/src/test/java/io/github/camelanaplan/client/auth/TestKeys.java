package io.github.camelanaplan.client.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and their encodings for the auth tests, generated with the JDK and BouncyCastle (test only). */
final class TestKeys {

    static final String PASSWORD = "s3cret-Pa55word!";

    /** Used by the writers only, never registered: the code under test must read everything with the JDK alone. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** Generated once: RSA 2048 key generation is slow. */
    static final TestKeys ALICE = new TestKeys("CN=alice@example.com, O=Example Corp");
    static final TestKeys BOB = new TestKeys("CN=bob@example.com, O=Example Corp");

    final KeyPair keyPair;
    final X509Certificate certificate;
    final String subject;

    private TestKeys(String subject) {
        this.subject = subject;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            keyPair = gen.generateKeyPair();
            certificate = selfSigned(keyPair, subject, Instant.now().minus(1, ChronoUnit.DAYS),
                    Instant.now().plus(365, ChronoUnit.DAYS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair keyPair, String subject, Instant from, Instant to) throws Exception {
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), name, keyPair.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }

    PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    String certificatePem() {
        return pem(certificate);
    }

    /** {@code BEGIN PRIVATE KEY}. */
    String pkcs8Pem() {
        try {
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY}. */
    String pkcs1Pem() {
        return pem(keyPair.getPrivate());
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 (PBKDF2 + the cipher) or a PKCS#12 PBE scheme. */
    String encryptedPkcs8Pem(ASN1ObjectIdentifier algorithm, AlgorithmIdentifier prf, String password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder builder = new JceOpenSSLPKCS8EncryptorBuilder(algorithm).setProvider(BC);
            if (prf != null) {
                builder.setPRF(prf);
            }
            builder.setIterationCount(2048);
            builder.setPassword(password.toCharArray());
            OutputEncryptor encryptor = builder.build();
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenSSL 3's default: PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC. */
    String encryptedPkcs8Pem(String password) {
        return encryptedPkcs8Pem(PKCS8Generator.AES_256_CBC, PKCS8Generator.PRF_HMACSHA256, password);
    }

    /** The old OpenSSL form: {@code RSA PRIVATE KEY} with {@code Proc-Type} and {@code DEK-Info}. */
    String legacyEncryptedPem(String cipher, String password) {
        try {
            return pem(new JcaMiscPEMGenerator(keyPair.getPrivate(),
                    new JcePEMEncryptorBuilder(cipher).setProvider(BC).build(password.toCharArray())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] keyStore(String type, String password, String... aliases) {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            for (String alias : aliases) {
                ks.setKeyEntry(alias, keyPair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }
}
