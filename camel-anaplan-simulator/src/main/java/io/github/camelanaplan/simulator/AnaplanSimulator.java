package io.github.camelanaplan.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stateful, in-memory fake of the Anaplan APIs serving real HTTP on loopback.
 *
 * <pre>{@code
 * try (AnaplanSimulator sim = AnaplanSimulator.start()) {
 *     String api = sim.apiUrl();   // http://127.0.0.1:PORT/2/0
 * }
 * }</pre>
 */
public final class AnaplanSimulator implements AutoCloseable {

    private final SimulatorOptions options;
    private final ContentStore store;
    private final SimAuth auth;
    private final SimTenant tenant;
    private final Journal journal = new Journal();
    private final SimAudit audit = new SimAudit();
    private final SimCloudWorks cloudWorks = new SimCloudWorks();
    private final Faults faults = new Faults();
    private final Lies lies = new Lies();
    private final StrictMode strict;
    private final TaskEngine engine;
    private final SimHttpServer server;
    private final TlsMaterial tls;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private AnaplanSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.store = new ContentStore(options.spillThresholdBytes());
        this.auth = new SimAuth(options.tokenTtl());
        this.tenant = new SimTenant(options, store);
        if (options.seed() != null) {
            SeedLoader.load(options.seed(), tenant, auth);
        } else {
            Seed.installDefault(tenant, auth);
        }
        this.strict = new StrictMode(options.strict(), auth);
        this.engine = new TaskEngine(new ActionExecutor(options.omitEmptyCollections()));
        ApiSupport api = new ApiSupport(tenant, options, strict);
        Router router = new Router();
        new AuthEndpoints(auth, options, strict, audit).register(router);
        new OAuthEndpoints(auth, Seed.USERNAME).register(router);
        new ModelEndpoints(api, auth).register(router);
        new MetadataEndpoints(api).register(router);
        new FileEndpoints(api).register(router);
        new TaskEndpoints(api, engine).register(router);
        ExtraApis.register(router, api, engine, auth, cloudWorks);
        if (options.seed() == null) {
            cloudWorks.addIntegration(Seed.INTEGRATION_ID, Seed.INTEGRATION_NAME, Seed.WORKSPACE_ID, Seed.MODEL_ID, Seed.PROCESS_ID);
        }
        new AuditEndpoints(audit, auth, options).register(router);
        audit.seedDefault(Seed.USERNAME);
        this.tls = options.https() ? TlsMaterial.generate() : null;
        this.server = new SimHttpServer(options.port(), tls == null ? null : tls.sslContext(), options.threads(), router,
                journal, faults, auth, new AuthGate(auth, options.unauthorizedEnvelope()), strict,
                options.rateLimitPerMinute() > 0 ? new RateLimiter(options.rateLimitPerMinute()) : null, lies);
        options.lies().forEach(l -> lies.add(l.copy()));
    }

    /** Starts a simulator on a free loopback port with the default seed. */
    public static AnaplanSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** Starts a simulator with these options. */
    public static AnaplanSimulator start(SimulatorOptions options) {
        try {
            return new AnaplanSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Anaplan simulator", e);
        }
    }

    /** {@code http://127.0.0.1:PORT} (https with {@link SimulatorOptions#https(boolean)}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Authentication service base: serves /token/authenticate, /token/refresh, /token/validate, /token/logout. */
    public String authUrl() {
        return baseUrl();
    }

    /** OAuth service base: serves /oauth/token. */
    public String oauthUrl() {
        return baseUrl();
    }

    /** Integration (bulk + transactional) and ALM API base: {@code baseUrl + "/2/0"}. */
    public String apiUrl() {
        return baseUrl() + "/2/0";
    }

    /** Audit API base: {@code baseUrl + "/audit/api/1"}. */
    public String auditUrl() {
        return baseUrl() + "/audit/api/1";
    }

    /** CloudWorks API base: {@code baseUrl + "/cloudworks/2/0"}. */
    public String cloudWorksUrl() {
        return baseUrl() + "/cloudworks/2/0";
    }

    public int port() {
        return server.port();
    }

    public SimulatorOptions options() {
        return options;
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }

    /** The lying mode: see {@link Lie} and src-docs/simulator.md. */
    public Lies lies() {
        return lies;
    }

    /** Adds a lie ({@code sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1))}) and returns it. */
    public Lie lie(Lie lie) {
        return lies.add(lie);
    }

    public SimAuth auth() {
        return auth;
    }

    public SimTenant tenant() {
        return tenant;
    }

    /** CloudWorks connections, integrations and runs. */
    public SimCloudWorks cloudWorks() {
        return cloudWorks;
    }

    /** Audit events served by the Audit API. */
    public SimAudit audit() {
        return audit;
    }

    /** Protocol misuse seen in strict mode (each offending request was answered 400). */
    public List<String> strictViolations() {
        return strict.violations();
    }

    /** HTTPS mode: a key store (PKCS12) holding the simulator's self-signed certificate, to trust it. */
    public java.security.KeyStore trustStore() {
        return requireTls().trustStore();
    }

    /** HTTPS mode: path of a PKCS12 trust store file holding the simulator's certificate. */
    public java.nio.file.Path trustStorePath() {
        return requireTls().trustStorePath();
    }

    /** HTTPS mode: password of {@link #trustStorePath()}. */
    public String trustStorePassword() {
        return requireTls().trustStorePassword();
    }

    /** HTTPS mode: the simulator's self-signed server certificate. */
    public java.security.cert.X509Certificate certificate() {
        return requireTls().certificate();
    }

    private TlsMaterial requireTls() {
        if (tls == null) {
            throw new IllegalStateException("the simulator was not started with https(true)");
        }
        return tls;
    }

    /** Stops the server and deletes spilled temp files. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        engine.close();
        store.close();
        if (tls != null) {
            tls.close();
        }
    }
}
