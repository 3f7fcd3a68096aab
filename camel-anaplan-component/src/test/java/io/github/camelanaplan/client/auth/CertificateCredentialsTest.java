package io.github.camelanaplan.client.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelanaplan.client.auth.TestKeys.ALICE;
import static io.github.camelanaplan.client.auth.TestKeys.BOB;
import static io.github.camelanaplan.client.auth.TestKeys.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static boolean verifies(X509Certificate cert, byte[] data, byte[] signature) throws Exception {
        Signature v = Signature.getInstance("SHA512withRSA");
        v.initVerify(cert.getPublicKey());
        v.update(data);
        return v.verify(signature);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void authorizationHeaderIsBase64OfTheCertificatePem() throws Exception {
        CertificateCredentials creds = new CertificateCredentials(ALICE.certificate, ALICE.privateKey());
        String header = creds.authorizationHeader();
        assertThat(header).startsWith("CACertificate ");
        String pem = new String(Base64.getDecoder().decode(header.substring("CACertificate ".length())),
                StandardCharsets.US_ASCII);
        String b64 = Base64.getEncoder().encodeToString(ALICE.certificate.getEncoded());
        StringBuilder expected = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            if (i > 0) {
                expected.append('\n');
            }
            expected.append(b64, i, Math.min(b64.length(), i + 64));
        }
        expected.append("\n-----END CERTIFICATE-----\n");
        assertThat(pem).isEqualTo(expected.toString());
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(ALICE.certificate);
    }

    @Test
    void v1Payload() throws Exception {
        CertificateCredentials creds = new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v1");
        JsonNode body = JSON.readTree(io.github.camelanaplan.client.http.Json.MAPPER.writeValueAsBytes(creds.payload()));
        assertThat(fieldNames(body)).containsExactly("encodedData", "encodedSignedData");
        byte[] data = Base64.getDecoder().decode(body.get("encodedData").asText());
        byte[] signature = Base64.getDecoder().decode(body.get("encodedSignedData").asText());
        assertThat(data).hasSize(150);
        assertThat(signature).hasSize(256); // RSA 2048
        assertThat(verifies(ALICE.certificate, data, signature)).isTrue();
        assertThat(verifies(BOB.certificate, data, signature)).isFalse();
    }

    @Test
    void v2PayloadIsTimestampedAndTheSignatureCoversTheTimestamp() throws Exception {
        CertificateCredentials creds = new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v2");
        long before = System.currentTimeMillis() / 1000;
        JsonNode body = JSON.readTree(io.github.camelanaplan.client.http.Json.MAPPER.writeValueAsBytes(creds.payload()));
        long after = System.currentTimeMillis() / 1000;
        assertThat(fieldNames(body)).containsExactly("encodedDataFormat", "encodedData", "encodedSignedData");
        assertThat(body.get("encodedDataFormat").asText()).isEqualTo("v2");
        byte[] data = Base64.getDecoder().decode(body.get("encodedData").asText());
        byte[] signature = Base64.getDecoder().decode(body.get("encodedSignedData").asText());
        assertThat(data).hasSize(8 + 150);
        long seconds = ByteBuffer.wrap(data, 0, 8).getLong();
        assertThat(seconds).isBetween(before - 2, after + 2);
        assertThat(verifies(ALICE.certificate, data, signature)).isTrue();
        assertThat(verifies(ALICE.certificate, java.util.Arrays.copyOfRange(data, 8, data.length), signature)).isFalse();
    }

    @Test
    void v2TimestampIsBigEndianEpochSeconds() throws Exception {
        KeyMaterial km = new KeyMaterial(ALICE.certificate, ALICE.privateKey());
        CertificateCredentials creds = new CertificateCredentials(km, "v2", () -> 1_750_736_826_999L);
        byte[] data = Base64.getDecoder().decode(JSON.readTree(io.github.camelanaplan.client.http.Json.MAPPER.writeValueAsBytes(creds.payload())).get("encodedData").asText());
        // the official example: 00 00 00 00 68 5a 1f ba
        assertThat(java.util.Arrays.copyOf(data, 8)).containsExactly(0, 0, 0, 0, 0x68, 0x5a, 0x1f, 0xba - 256);
    }

    @Test
    void everyPayloadIsFresh() throws Exception {
        CertificateCredentials creds = new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v1");
        assertThat(JSON.readTree(io.github.camelanaplan.client.http.Json.MAPPER.writeValueAsBytes(creds.payload())).get("encodedData"))
                .isNotEqualTo(JSON.readTree(io.github.camelanaplan.client.http.Json.MAPPER.writeValueAsBytes(creds.payload())).get("encodedData"));
    }

    @Test
    void defaultFormatIsV2AndOthersAreRefused() {
        assertThat(new CertificateCredentials(ALICE.certificate, ALICE.privateKey()).format()).isEqualTo("v2");
        assertThat(new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), null).format()).isEqualTo("v2");
        assertThat(new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), " V1 ").format()).isEqualTo("v1");
        assertThatThrownBy(() -> new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificateAuthFormat");
        assertThatThrownBy(() -> CertificateCredentials.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), null, "v9"))
                .hasMessageContaining("certificateAuthFormat");
    }

    @Test
    void mismatchIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new CertificateCredentials(ALICE.certificate, BOB.privateKey(), "v2"))
                .hasMessage("certificate and privateKey do not belong together");
    }

    @Test
    void factoriesFromOptionStrings() throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), ALICE.certificatePem());
        Path key = Files.writeString(dir.resolve("k.pem"), ALICE.encryptedPkcs8Pem(PASSWORD));
        Path p12 = Files.write(dir.resolve("a.p12"), ALICE.keyStore("PKCS12", PASSWORD, "alice"));
        CertificateCredentials fromFiles = CertificateCredentials.fromPem("file:" + cert, "file:" + key, PASSWORD, "v1");
        CertificateCredentials inline = CertificateCredentials.fromPem(ALICE.certificatePem(), ALICE.pkcs1Pem(), null, "v1");
        CertificateCredentials store = CertificateCredentials.fromKeyStore("file:" + p12, PASSWORD, null, "v1");
        assertThat(fromFiles).isEqualTo(inline).isEqualTo(store).hasSameHashCodeAs(store);
        assertThat(fromFiles.certificate()).isEqualTo(ALICE.certificate);
        assertThat(fromFiles.method()).isEqualTo("certificate");

        assertThat(CertificateCredentials.fromOptions("file:" + cert, "file:" + key, PASSWORD, null, null, null, null))
                .isEqualTo(CertificateCredentials.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), null, "v2"));
        assertThat(CertificateCredentials.fromOptions(null, null, null, "file:" + p12, PASSWORD, "alice", "v1"))
                .isEqualTo(store);
        assertThat(CertificateCredentials.fromOptions(null, null, null, null, null, null, "v2")).isNull();
        assertThatThrownBy(() -> CertificateCredentials.fromOptions("file:" + cert, null, null, "file:" + p12, PASSWORD,
                null, null)).hasMessage("Set either keyStore or certificate/privateKey, not both");
        assertThatThrownBy(() -> CertificateCredentials.fromOptions(null, "file:" + key, PASSWORD, null, null, null, null))
                .hasMessage("certificate is not set (privateKey needs its certificate)");
    }

    @Test
    void equalityAndToString() {
        CertificateCredentials v2 = CertificateCredentials.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), null, "v2");
        assertThat(v2).isEqualTo(new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v2"));
        assertThat(v2).isNotEqualTo(new CertificateCredentials(ALICE.certificate, ALICE.privateKey(), "v1"));
        assertThat(v2).isNotEqualTo(new CertificateCredentials(BOB.certificate, BOB.privateKey(), "v2"));
        assertThat(v2.toString()).contains("CN=alice@example.com")
                .doesNotContain(ALICE.pkcs8Pem().split("\n")[3])
                .doesNotContain(Base64.getEncoder().encodeToString(ALICE.privateKey().getEncoded()).substring(100, 140));
        assertThat(v2.subject()).isEqualTo(ALICE.certificate.getSubjectX500Principal().getName()).contains("CN=alice@example.com");
    }
}
