package io.github.camelanaplan.simulator;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/** Self-signed TLS material for the HTTPS mode. */
final class TlsMaterial implements AutoCloseable {

    static TlsMaterial generate() {
        throw new UnsupportedOperationException("https not supported yet");
    }

    SSLContext sslContext() { return null; }
    KeyStore trustStore() { return null; }
    Path trustStorePath() { return null; }
    String trustStorePassword() { return null; }
    X509Certificate certificate() { return null; }

    @Override
    public void close() {
    }
}
