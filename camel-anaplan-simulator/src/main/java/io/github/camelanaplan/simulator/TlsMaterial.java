package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed server certificate generated at start, with the SSLContext and a trust store for clients. */
final class TlsMaterial implements AutoCloseable {

    private final SSLContext sslContext;
    private final X509Certificate certificate;
    private final KeyStore trustStore;
    private final Path trustStorePath;
    private final String trustStorePassword;

    private TlsMaterial(SSLContext sslContext, X509Certificate certificate, KeyStore trustStore, Path trustStorePath, String password) {
        this.sslContext = sslContext;
        this.certificate = certificate;
        this.trustStore = trustStore;
        this.trustStorePath = trustStorePath;
        this.trustStorePassword = password;
    }

    static TlsMaterial generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500Name("CN=localhost, O=Anaplan Simulator");
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now),
                    new Date(now - 3_600_000L), new Date(now + 365L * 86_400_000L), name, kp.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));

            byte[] pw = new byte[12];
            new SecureRandom().nextBytes(pw);
            String password = HexFormat.of().formatHex(pw);

            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("simulator", kp.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("anaplan-simulator", cert);
            Path dir = Files.createTempDirectory("anaplan-sim-tls-");
            Path file = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, password.toCharArray());
            }
            return new TlsMaterial(ctx, cert, trust, file, password);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not create the simulator's TLS certificate", e);
        }
    }

    SSLContext sslContext() { return sslContext; }
    KeyStore trustStore() { return trustStore; }
    Path trustStorePath() { return trustStorePath; }
    String trustStorePassword() { return trustStorePassword; }
    X509Certificate certificate() { return certificate; }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(trustStorePath);
            Files.deleteIfExists(trustStorePath.getParent());
        } catch (IOException e) {
            // best effort
        }
    }
}
