package io.github.camelanaplan.client.auth;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keys and keystores written by the real {@code openssl} command, when it is installed (skipped otherwise): the
 * formats users will actually configure.
 */
class OpenSslInteropTest {

    private static final String PASS = "Op3nSSL-pass";

    @TempDir
    static Path dir;

    private static boolean available;

    private static boolean run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.add(0, "openssl");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "openssl.log")).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @BeforeAll
    static void generate() throws Exception {
        try {
            available = run("version");
        } catch (java.io.IOException e) {
            available = false;
        }
        if (!available) {
            return;
        }
        // OpenSSL 3 defaults: encrypted PKCS#8 with PBES2/PBKDF2-SHA256/AES-256-CBC
        available = run("req", "-x509", "-newkey", "rsa:2048", "-keyout", "enc.pem", "-passout", "pass:" + PASS,
                "-out", "cert.pem", "-days", "2", "-subj", "/CN=openssl-user")
                    && run("pkey", "-in", "enc.pem", "-passin", "pass:" + PASS, "-out", "plain.pem")
                    && run("rsa", "-in", "plain.pem", "-traditional", "-out", "pkcs1.pem")
                    && run("rsa", "-in", "plain.pem", "-traditional", "-aes256", "-passout", "pass:" + PASS, "-out",
                "pkcs1-enc.pem")
                    && run("pkcs8", "-topk8", "-in", "plain.pem", "-v1", "PBE-SHA1-3DES", "-passout", "pass:" + PASS,
                "-out", "pbe-sha1-3des.pem")
                    && run("pkcs12", "-export", "-in", "cert.pem", "-inkey", "plain.pem", "-passout", "pass:" + PASS,
                "-name", "anaplan", "-out", "store.p12");
    }

    private static String file(String name) {
        return "file:" + dir.resolve(name);
    }

    @Test
    void everyKeyFormatOpenSslWrites() {
        assumeTrue(available, "openssl not installed");
        KeyMaterial plain = KeyMaterial.fromPem(file("cert.pem"), file("plain.pem"), null);
        assertThat(KeyMaterial.fromPem(file("cert.pem"), file("enc.pem"), PASS)).isEqualTo(plain);
        assertThat(KeyMaterial.fromPem(file("cert.pem"), file("pkcs1.pem"), null)).isEqualTo(plain);
        assertThat(KeyMaterial.fromPem(file("cert.pem"), file("pkcs1-enc.pem"), PASS)).isEqualTo(plain);
        assertThat(KeyMaterial.fromPem(file("cert.pem"), file("pbe-sha1-3des.pem"), PASS)).isEqualTo(plain);
        assertThat(KeyMaterial.fromKeyStore(file("store.p12"), PASS, null)).isEqualTo(plain);
        assertThat(plain.subject()).isEqualTo("CN=openssl-user");
    }

    @Test
    void wrongPasswordOnOpenSslKeys() {
        assumeTrue(available, "openssl not installed");
        assertThatThrownBy(() -> KeyMaterial.fromPem(file("cert.pem"), file("enc.pem"), "nope"))
                .hasMessage(PrivateKeyDecoder.WRONG_PASSWORD);
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore(file("store.p12"), "nope", null))
                .hasMessage("keyStorePassword: wrong password for keyStore " + file("store.p12"));
        assertThatThrownBy(() -> KeyMaterial.fromKeyStore(file("store.p12"), PASS, "foo"))
                .hasMessage("keyStore: alias 'foo' not found (aliases: anaplan)");
    }
}
