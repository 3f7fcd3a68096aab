package io.github.camelanaplan.component;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import io.github.camelanaplan.client.tenant.Workspace;
import io.github.camelanaplan.simulator.JournalEntry;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.Exchange;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CA-certificate login with a key and certificate generated here, PEM text given as component options. */
class CertificateAuthTest extends AnaplanTestSupport {

    @Test
    void certificateLoginV2ThenV1() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(keys);
        sim.auth().registerCertificate(certificate);

        AnaplanConfiguration c = context.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        c.setUsername(null);
        c.setPassword(null);
        c.setCertificate(pem(certificate));
        c.setPrivateKey(pem(keys.getPrivate()));

        List<?> workspaces = template.requestBody("anaplan:workspaces", null, List.class);
        assertThat(workspaces).extracting(w -> ((Workspace) w).id()).contains(Seed.WORKSPACE_ID);
        Exchange v1 = template.request("anaplan:workspaces?certificateAuthFormat=v1", e -> { });
        assertThat(v1.getException()).isNull();

        List<JournalEntry> logins = sim.journal().matching("POST", "/token/authenticate");
        assertThat(logins).hasSize(2).allMatch(e -> "CACertificate".equals(e.headers().get("Authorization")))
                .allMatch(e -> e.status() == 201);
    }

    @Test
    void unregisteredCertificateIsRejectedWithTheServicesMessage() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        AnaplanConfiguration c = context.getComponent("anaplan", AnaplanComponent.class).getConfiguration();
        c.setUsername(null);
        c.setPassword(null);
        String keyPem = pem(keys.getPrivate());
        c.setCertificate(pem(selfSigned(keys)));
        c.setPrivateKey(keyPem);
        Exchange result = template.request("anaplan:workspaces", e -> { });
        assertThat(result.getException()).isInstanceOf(io.github.camelanaplan.client.error.AnaplanAuthenticationException.class)
                .hasMessageContaining("HTTP 401");
        assertThat(result.getException().getMessage()).doesNotContain("PRIVATE KEY").doesNotContain(keyPem.substring(40, 80));
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=camel-anaplan test, O=Example");
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date to = new Date(System.currentTimeMillis() + 86_400_000L);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()), from, to, name,
                keys.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
