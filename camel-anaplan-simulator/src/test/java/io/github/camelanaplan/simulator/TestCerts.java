package io.github.camelanaplan.simulator;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates an RSA key with a self-signed certificate and builds CA-certificate auth requests. */
final class TestCerts {

    final KeyPair keyPair;
    final X509Certificate certificate;

    TestCerts(String cn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keyPair = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + cn);
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 60_000),
                new Date(now + 86_400_000L), name, keyPair.getPublic());
        certificate = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }

    String pem() throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(certificate);
        }
        return w.toString();
    }

    String authorizationHeader() throws Exception {
        return "CACertificate " + Base64.getEncoder().encodeToString(pem().getBytes(StandardCharsets.US_ASCII));
    }

    byte[] sign(byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA512withRSA");
        s.initSign(keyPair.getPrivate());
        s.update(data);
        return s.sign();
    }

    String v1Body() throws Exception {
        byte[] random = new byte[150];
        new SecureRandom().nextBytes(random);
        return "{\"encodedData\":\"" + Base64.getEncoder().encodeToString(random) + "\",\"encodedSignedData\":\""
                + Base64.getEncoder().encodeToString(sign(random)) + "\"}";
    }

    String v2Body(long epochSeconds) throws Exception {
        byte[] random = new byte[150];
        new SecureRandom().nextBytes(random);
        byte[] data = ByteBuffer.allocate(8 + random.length).putLong(epochSeconds).put(random).array();
        return "{\"encodedDataFormat\":\"v2\",\"encodedData\":\"" + Base64.getEncoder().encodeToString(data)
                + "\",\"encodedSignedData\":\"" + Base64.getEncoder().encodeToString(sign(data)) + "\"}";
    }
}
