package io.github.camelanaplan.component;

import java.util.List;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator serves HTTPS with a self-signed certificate: refused by default, trusted through sslContextParameters. */
class TlsTest extends AnaplanTestSupport {

    @Override
    protected SimulatorOptions simulatorOptions() {
        return super.simulatorOptions().https(true);
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        assertThat(sim.authUrl()).startsWith("https://");
        Exchange result = template.request("anaplan:workspaces", e -> { });
        assertThat(result.getException()).isInstanceOf(AnaplanException.class)
                .hasMessageContaining("TLS handshake").hasMessageContaining("authenticate");
        // not retried: a certificate does not get better by asking again
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void trustStoreGivenThroughSslContextParametersIsTrusted() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + sim.trustStorePath());
        trustStore.setPassword(sim.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        context.getRegistry().bind("anaplanTls", tls);

        List<?> workspaces = template.requestBody("anaplan:workspaces?sslContextParameters=#anaplanTls", null, List.class);
        assertThat(workspaces).isNotEmpty();
        assertThat(sim.journal().entries()).extracting(e -> e.path()).contains("/token/authenticate",
                "/2/0/workspaces");
        assertThat(template.requestBody("anaplan:upload?sslContextParameters=#anaplanTls&fileId=" + Seed.FILE2_ID, "a,b\n"))
                .isNotNull();
    }
}
