package io.github.camelanaplan.client.auth;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.bouncycastle.openssl.PKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelanaplan.client.auth.TestKeys.ALICE;
import static io.github.camelanaplan.client.auth.TestKeys.BOB;
import static io.github.camelanaplan.client.auth.TestKeys.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyMaterialTest {

    @TempDir
    Path dir;

    private static void assertAlice(KeyMaterial km) {
        assertThat(km.certificate()).isEqualTo(ALICE.certificate);
        assertThat(KeyMaterial.sameKey(km.privateKey(), ALICE.privateKey())).isTrue();
        assertThat(km.privateKey().getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
    }

    /** The message and every cause's message are free of the secrets. */
    private static void assertNoSecret(Throwable t, String... secrets) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()) + " " + c;
            for (String secret : secrets) {
                assertThat(m).doesNotContain(secret);
            }
        }
    }

    private static String body(String pem) {
        // a distinctive slice of the Base64 content: must never show up in a message
        String[] lines = pem.split("\n");
        return lines[2].trim();
    }

    // ------------------------------------------------------------------ key formats

    @Test
    void pkcs8Pem() {
        assertAlice(KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), null));
        assertThat(ALICE.pkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void pkcs1PemIsWrappedIntoPkcs8() {
        assertThat(ALICE.pkcs1Pem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertAlice(KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.pkcs1Pem(), null));
    }

    @Test
    void der_pkcs8FromPkcs1MatchesTheJdkEncoding() {
        PemReader.Block pkcs1 = PemReader.read(ALICE.pkcs1Pem()).get(0);
        assertThat(Der.pkcs8FromPkcs1(pkcs1.der())).isEqualTo(ALICE.privateKey().getEncoded());
    }

    @Test
    void encryptedPkcs8Aes256Pbes2AsOpenSsl3WritesIt() {
        String pem = ALICE.encryptedPkcs8Pem(PASSWORD);
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertAlice(KeyMaterial.fromPem(ALICE.certificatePem(), pem, PASSWORD));
    }

    @Test
    void encryptedPkcs8OtherPbes2Variants() {
        assertThat(KeyMaterial.readPrivateKey(ALICE.encryptedPkcs8Pem(PKCS8Generator.AES_128_CBC,
                PKCS8Generator.PRF_HMACSHA1, PASSWORD), PASSWORD).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        assertThat(KeyMaterial.readPrivateKey(ALICE.encryptedPkcs8Pem(PKCS8Generator.AES_192_CBC,
                PKCS8Generator.PRF_HMACSHA512, PASSWORD), PASSWORD).getEncoded())
                .isEqualTo(ALICE.privateKey().getEncoded());
        assertThat(KeyMaterial.readPrivateKey(ALICE.encryptedPkcs8Pem(PKCS8Generator.DES3_CBC,
                PKCS8Generator.PRF_HMACSHA256, PASSWORD), PASSWORD).getEncoded())
                .isEqualTo(ALICE.privateKey().getEncoded());
    }

    @Test
    void encryptedPkcs8OlderPbeSchemeTheJdkKnows() {
        // pbeWithSHAAnd3-KeyTripleDES-CBC (PKCS#12 PBE), as old OpenSSL "-v1 PBE-SHA1-3DES" writes it
        String pem = ALICE.encryptedPkcs8Pem(PKCS8Generator.PBE_SHA1_3DES, null, PASSWORD);
        assertThat(KeyMaterial.readPrivateKey(pem, PASSWORD).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
    }

    @Test
    void legacyOpenSslEncryptedPem() {
        for (String cipher : new String[] {"AES-256-CBC", "AES-128-CBC", "DES-EDE3-CBC"}) {
            String pem = ALICE.legacyEncryptedPem(cipher, PASSWORD);
            assertThat(pem).contains("Proc-Type: 4,ENCRYPTED").contains("DEK-Info: " + cipher);
            assertAlice(KeyMaterial.fromPem(ALICE.certificatePem(), pem, PASSWORD));
            assertThatThrownBy(() -> KeyMaterial.readPrivateKey(pem, "wrong"))
                    .hasMessage("privateKeyPassword: wrong password or unsupported encryption for the encrypted private key");
            assertThatThrownBy(() -> KeyMaterial.readPrivateKey(pem, null))
                    .hasMessage("privateKey is encrypted: set privateKeyPassword");
        }
    }

    @Test
    void wrongPasswordNamesTheOptionNotThePassword() {
        String pem = ALICE.encryptedPkcs8Pem(PASSWORD);
        String wrong = "not-the-Right-one-42";
        // a wrong password may by chance decrypt to valid padding: try several, all must fail the same way
        for (int i = 0; i < 20; i++) {
            String attempt = wrong + i;
            assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), pem, attempt))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("privateKeyPassword: wrong password or unsupported encryption for the encrypted private key")
                    .satisfies(e -> assertNoSecret(e, attempt, PASSWORD, body(pem)));
        }
    }

    @Test
    void encryptedKeyWithoutPassword() {
        String pem = ALICE.encryptedPkcs8Pem(PASSWORD);
        assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), pem, null))
                .hasMessage("privateKey is encrypted: set privateKeyPassword");
        assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), pem, ""))
                .hasMessage("privateKey is encrypted: set privateKeyPassword");
    }

    @Test
    void passwordIsIgnoredForAnUnencryptedKey() {
        assertAlice(KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), PASSWORD));
    }

    // ------------------------------------------------------------------ wrong content

    @Test
    void certificateGivenAsPrivateKey() {
        assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.certificatePem(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("privateKey: not a PEM private key (found BEGIN CERTIFICATE)");
    }

    @Test
    void privateKeyGivenAsCertificate() {
        String key = ALICE.pkcs8Pem();
        assertThatThrownBy(() -> KeyMaterial.fromPem(key, key, null))
                .hasMessage("certificate: not a PEM certificate (found BEGIN PRIVATE KEY)")
                .satisfies(e -> assertNoSecret(e, body(key)));
    }

    @Test
    void mismatchingCertificateAndKey() {
        assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), BOB.pkcs8Pem(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("certificate and privateKey do not belong together");
        assertThatThrownBy(() -> new KeyMaterial(ALICE.certificate, BOB.privateKey()))
                .hasMessage("certificate and privateKey do not belong together");
        assertThat(KeyMaterial.belongTogether(ALICE.certificate, ALICE.privateKey())).isTrue();
        assertThat(KeyMaterial.belongTogether(ALICE.certificate, BOB.privateKey())).isFalse();
    }

    @Test
    void unreadablePem() {
        String key = ALICE.pkcs8Pem();
        String cutOff = key.substring(0, key.length() / 2);
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(cutOff, null))
                .hasMessage("privateKey: PEM block BEGIN PRIVATE KEY has no END line (cut off?)")
                .satisfies(e -> assertNoSecret(e, body(key)));

        String badBase64 = key.replaceFirst("\n(.)", "\n#$1");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(badBase64, null))
                .hasMessageStartingWith("privateKey: PEM block PRIVATE KEY does not hold valid Base64")
                .satisfies(e -> assertNoSecret(e, body(key)));

        String garbage = "-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(garbage, null))
                .hasMessage("privateKey: not a valid PKCS#8 private key");

        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("just some text", null))
                .hasMessage("privateKey: neither PEM text nor a file: or classpath: resource")
                .satisfies(e -> assertNoSecret(e, "just some text"));
        assertThatThrownBy(() -> KeyMaterial.readCertificate("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"))
                .hasMessage("certificate: neither PEM text nor a file: or classpath: resource");

        String brokenCert = "-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> KeyMaterial.readCertificate(brokenCert))
                .hasMessage("certificate: not a valid X.509 certificate");
        assertThatThrownBy(() -> KeyMaterial.readCertificate(null)).hasMessage("certificate is not set");
    }

    @Test
    void ecKeyIsRefusedClearly() throws Exception {
        java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair ec = gen.generateKeyPair();
        String pkcs8 = PemReader.write("PRIVATE KEY", ec.getPrivate().getEncoded());
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(pkcs8, null))
                .hasMessage("privateKey: an EC key; Anaplan certificate authentication needs an RSA key");
        String sec1 = TestKeys.pem(ec.getPrivate()); // BEGIN EC PRIVATE KEY
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(sec1, null))
                .hasMessageStartingWith("privateKey: BEGIN EC PRIVATE KEY is not supported");
    }

    // ------------------------------------------------------------------ lenient PEM text

    @Test
    void pemWithEscapedNewlinesCrlfAndIndentation() {
        String escaped = ALICE.pkcs8Pem().replace("\n", "\\n");
        assertThat(KeyMaterial.readPrivateKey(escaped, null).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        String crlf = "  " + ALICE.certificatePem().replace("\n", "\r\n    ");
        assertThat(KeyMaterial.readCertificate(crlf)).isEqualTo(ALICE.certificate);
        String oneLine = ALICE.pkcs1Pem().replace("\n", " ");
        assertThat(KeyMaterial.readPrivateKey(oneLine, null).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
    }

    @Test
    void onePemHoldingCertificateAndKey() {
        String both = ALICE.pkcs8Pem() + ALICE.certificatePem();
        assertAlice(KeyMaterial.fromPem(both, both, null));
        assertAlice(KeyMaterial.fromPem(both, null, null));
        assertThatThrownBy(() -> KeyMaterial.fromPem(ALICE.certificatePem(), null, null))
                .hasMessage("privateKey is not set (and certificate holds no private key)");
    }

    @Test
    void chainPicksTheCertificateOfTheKey() {
        String chain = BOB.certificatePem() + ALICE.certificatePem();
        assertThat(KeyMaterial.readCertificates(chain)).containsExactly(BOB.certificate, ALICE.certificate);
        assertAlice(KeyMaterial.fromPem(chain, ALICE.pkcs8Pem(), null));
    }

    @Test
    void expiredCertificateIsStillLoaded() throws Exception {
        X509Certificate old = TestKeys.selfSigned(ALICE.keyPair, "CN=old", Instant.now().minus(10, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS));
        // only a warning: Anaplan decides
        assertThat(new KeyMaterial(old, ALICE.privateKey()).subject()).isEqualTo("CN=old");
    }

    // ------------------------------------------------------------------ resources

    @Test
    void fileResourcesAbsoluteAndRelative() throws IOException {
        Path cert = Files.writeString(dir.resolve("alice.crt"), ALICE.certificatePem());
        Path key = Files.writeString(dir.resolve("alice.key"), ALICE.encryptedPkcs8Pem(PASSWORD));
        assertAlice(KeyMaterial.fromPem("file:" + cert.toAbsolutePath(), "file:" + key.toAbsolutePath(), PASSWORD));
        assertAlice(KeyMaterial.fromPem(cert.toUri().toString(), key.toUri().toString(), PASSWORD)); // file:///...

        Path cwd = Paths.get("").toAbsolutePath();
        Path relDir = Files.createDirectories(cwd.resolve("target").resolve("auth-test-" + System.nanoTime()));
        try {
            Path relKey = Files.writeString(relDir.resolve("k.pem"), ALICE.pkcs1Pem());
            String relative = "file:" + cwd.relativize(relKey);
            assertThat(relative).doesNotStartWith("file:/");
            assertThat(KeyMaterial.readPrivateKey(relative, null).getEncoded()).isEqualTo(ALICE.privateKey().getEncoded());
        } finally {
            try (var files = Files.list(relDir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(relDir);
        }
    }

    @Test
    void derFiles() throws Exception {
        Path cert = Files.write(dir.resolve("alice.der"), ALICE.certificate.getEncoded());
        Path pkcs8 = Files.write(dir.resolve("alice.pk8"), ALICE.privateKey().getEncoded());
        Path pkcs1 = Files.write(dir.resolve("alice.pk1"), PemReader.read(ALICE.pkcs1Pem()).get(0).der());
        Path enc = Files.write(dir.resolve("alice.epk8"),
                PemReader.read(ALICE.encryptedPkcs8Pem(PASSWORD)).get(0).der());
        assertAlice(KeyMaterial.fromPem("file:" + cert, "file:" + pkcs8, null));
        assertAlice(KeyMaterial.fromPem("file:" + cert, "file:" + pkcs1, null));
        assertAlice(KeyMaterial.fromPem("file:" + cert, "file:" + enc, PASSWORD));
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("file:" + junk, null))
                .hasMessage("privateKey: neither a PEM nor a DER private key (file:" + junk + ")");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> KeyMaterial.fromPem("file:/x/y.pem", ALICE.pkcs8Pem(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("certificate: file:/x/y.pem not found");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("file:does/not/exist.key", "pw"))
                .hasMessage("privateKey: file:does/not/exist.key not found");
        assertThatThrownBy(() -> KeyMaterial.readCertificate("classpath:no/such/cert.pem"))
                .hasMessage("certificate: classpath:no/such/cert.pem not found");
    }

    @Test
    void classpathResourceFromTheThreadContextClassLoader() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/alice.pem"), ALICE.certificatePem() + ALICE.pkcs8Pem());
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            assertAlice(KeyMaterial.fromPem("classpath:certs/alice.pem", "classpath:/certs/alice.pem", null));
        } finally {
            thread.setContextClassLoader(saved);
        }
        // not visible without that loader
        assertThatThrownBy(() -> KeyMaterial.readCertificate("classpath:certs/alice.pem"))
                .hasMessage("certificate: classpath:certs/alice.pem not found");
    }

    @Test
    void classpathResourceFallsBackToTheClassLoader() throws Exception {
        Path classesRoot = Paths.get(KeyMaterialTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = "auth-test-" + System.nanoTime() + ".pem";
        Path file = Files.writeString(classesRoot.resolve(name), ALICE.certificatePem());
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(empty);
            assertThat(KeyMaterial.readCertificate("classpath:" + name)).isEqualTo(ALICE.certificate);
            thread.setContextClassLoader(null);
            assertThat(KeyMaterial.readCertificate("classpath:" + name)).isEqualTo(ALICE.certificate);
        } finally {
            thread.setContextClassLoader(saved);
            Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------ keystores

    @Test
    void pkcs12KeyStore() throws IOException {
        Path p12 = Files.write(dir.resolve("alice.p12"), ALICE.keyStore("PKCS12", PASSWORD, "alice"));
        assertAlice(KeyMaterial.fromKeyStore("file:" + p12, PASSWORD, null));
        assertAlice(KeyMaterial.fromKeyStore("file:" + p12, PASSWORD, "alice"));
        assertAlice(KeyMaterial.fromKeyStore(p12.toString(), PASSWORD, null)); // a bare path is a file
    }

    @Test
    void jksKeyStore() throws IOException {
        Path jks = Files.write(dir.resolve("alice.jks"), ALICE.keyStore("JKS", PASSWORD, "alice"));
        assertAlice(KeyMaterial.fromKeyStore("file:" + jks, PASSWORD, null));
    }

    @Test
    void keyStoreAliasNotFound() throws IOException {
        Path p12 = Files.write(dir.resolve("two.p12"), ALICE.keyStore("PKCS12", PASSWORD, "a", "b"));
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:" + p12, PASSWORD, "foo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyStore: alias 'foo' not found (aliases: a, b)");
        assertAlice(KeyMaterial.fromKeyStore("file:" + p12, PASSWORD, "b"));
    }

    @Test
    void keyStoreWrongOrMissingPassword() throws IOException {
        Path p12 = Files.write(dir.resolve("alice.p12"), ALICE.keyStore("PKCS12", PASSWORD, "alice"));
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:" + p12, "wrong-pass-123", null))
                .hasMessage("keyStorePassword: wrong password for keyStore file:" + p12)
                .satisfies(e -> assertNoSecret(e, "wrong-pass-123", PASSWORD));
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:" + p12, null, null))
                .hasMessage("keyStore: file:" + p12 + " needs a password: set keyStorePassword");
        Path jks = Files.write(dir.resolve("alice.jks"), ALICE.keyStore("JKS", PASSWORD, "alice"));
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:" + jks, "wrong-pass-123", null))
                .hasMessage("keyStorePassword: wrong password for keyStore file:" + jks);
    }

    @Test
    void keyStoreProblems() throws IOException {
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:/no/such.p12", PASSWORD, null))
                .hasMessage("keyStore: file:/no/such.p12 not found");
        Path pem = Files.writeString(dir.resolve("not-a-store.pem"), ALICE.certificatePem());
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore("file:" + pem, PASSWORD, null))
                .hasMessage("keyStore: file:" + pem + " is not a PKCS12 or JKS keystore");
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore(ALICE.pkcs8Pem(), PASSWORD, null))
                .hasMessage("keyStore: expected a file: or classpath: resource")
                .satisfies(e -> assertNoSecret(e, body(ALICE.pkcs8Pem())));
    }

    @Test
    void keyStoreWithOnlyCertificates() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ALICE.certificate);
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore(ks, PASSWORD, null))
                .hasMessage("keyStore: holds no private key entry (aliases: ca)");
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore(ks, PASSWORD, "ca"))
                .hasMessage("keyStore: alias 'ca' holds no private key");
    }

    // ------------------------------------------------------------------ identity

    @Test
    void equalityByValueAndToStringWithoutSecrets() {
        KeyMaterial a = KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.pkcs8Pem(), null);
        KeyMaterial b = KeyMaterial.fromPem(ALICE.certificatePem(), ALICE.pkcs1Pem(), null);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(KeyMaterial.fromPem(BOB.certificatePem(), BOB.pkcs8Pem(), null));
        assertThat(a.toString()).contains("alice@example.com").doesNotContain(body(ALICE.pkcs8Pem()));
        PrivateKey key = a.privateKey();
        assertThat(a.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.getEncoded()).substring(0, 40));
    }

    @Test
    void pemWriterUses64CharacterLines() {
        byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        String pem = PemReader.write("CERTIFICATE", data);
        String[] lines = pem.split("\n", -1);
        assertThat(lines[0]).isEqualTo("-----BEGIN CERTIFICATE-----");
        assertThat(lines[1]).hasSize(64);
        assertThat(lines[lines.length - 2]).isEqualTo("-----END CERTIFICATE-----");
        assertThat(lines[lines.length - 1]).isEmpty(); // ends with a newline
        assertThat(String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length - 2)))
                .isEqualTo(Base64.getEncoder().encodeToString(data));
        assertThat(PemReader.read(pem).get(0).der()).isEqualTo(data);
        assertThat(new String(pem.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)).isEqualTo(pem);
    }
}
