package io.github.camelanaplan.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.Defaults;
import io.github.camelanaplan.client.auth.RefreshTokenStore;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code anaplan:} component: moves data into and out of Anaplan through its Integration API v2.
 */
@Component("anaplan")
public class AnaplanComponent extends HealthCheckComponent {

    /**
     * Thread pool profile (and thread name) of the engines' worker pool: chunk uploads and download prefetch. Its tasks
     * never wait for one another, so it is bounded and queues what it cannot run at once. A profile of this id in
     * the context's ExecutorServiceManager replaces the default.
     */
    public static final String WORKER_POOL = "anaplan-worker";
    /**
     * Thread pool profile (and thread name) of the producers' pool: each message's work, which waits for Anaplan's
     * tasks and for transfers. It does not queue: when all its threads are busy, the work runs on the calling thread,
     * so a route that calls Anaplan from within an Anaplan exchange can never wait for a thread of its own pool.
     */
    public static final String OPERATION_POOL = "anaplan-operation";
    static final int OPERATION_THREADS = 100;
    private static final long POOL_KEEP_ALIVE_SECONDS = 30;

    @Metadata
    private AnaplanConfiguration configuration = new AnaplanConfiguration();

    private final ClientRegistry clients = new ClientRegistry();
    private final RefreshTokenStore defaultTokenStore = RefreshTokenStore.inMemory();
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private AnaplanHealthCheck healthCheck;
    private ClientRegistry.Observer metrics;
    private ExecutorService workers;
    private ExecutorService operations;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AnaplanOperation operation = AnaplanOperation.fromUri(remaining);
        AnaplanConfiguration endpointConfiguration = configuration.copy();
        AnaplanEndpoint endpoint = new AnaplanEndpoint(uri, this, remaining, endpointConfiguration);
        OptionRules.enumParameters(parameters);
        setProperties(endpoint, parameters);
        endpoint.validate(operation);
        return endpoint;
    }

    public AnaplanConfiguration getConfiguration() {
        return configuration;
    }

    /** Component-level configuration shared by all endpoints; endpoint options override it. */
    public void setConfiguration(AnaplanConfiguration configuration) {
        this.configuration = configuration;
    }

    ClientRegistry clients() {
        return clients;
    }

    /** The engines' worker pool, created from Camel's ExecutorServiceManager on first use, shut down with the component. */
    synchronized ExecutorService workers() {
        if (workers == null) {
            workers = newPool(WORKER_POOL, Defaults.WORKER_THREADS, Defaults.WORKER_THREADS, -1);
        }
        return workers;
    }

    /** The producers' pool: no queue, a rejected work runs on the caller's thread (see {@link #OPERATION_POOL}). */
    synchronized ExecutorService operations() {
        if (operations == null) {
            operations = newPool(OPERATION_POOL, 0, OPERATION_THREADS, 0);
        }
        return operations;
    }

    /** A pool of the context's manager (named, shut down with the context): the profile of that id, or these bounds. */
    private ExecutorService newPool(String name, int poolSize, int maxPoolSize, int maxQueueSize) {
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = manager.getThreadPoolProfile(name);
        if (profile == null) {
            profile = new ThreadPoolProfile(name);
            profile.setPoolSize(poolSize);
            profile.setMaxPoolSize(maxPoolSize);
            profile.setMaxQueueSize(maxQueueSize); // -1: unbounded, 0: none
            profile.setAllowCoreThreadTimeOut(true);
            profile.setKeepAliveTime(POOL_KEEP_ALIVE_SECONDS);
            profile.setTimeUnit(TimeUnit.SECONDS);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        }
        return manager.newThreadPool(this, name, profile);
    }

    /** Where rotated OAuth refresh tokens go when no tokenStore is configured: lives as long as the component. */
    RefreshTokenStore defaultTokenStore() {
        return defaultTokenStore;
    }

    /** One SSLContext per SSLContextParameters bean, so endpoints using the same bean share one client. */
    synchronized SSLContext sslContext(SSLContextParameters parameters) throws Exception {
        SSLContext context = sslContexts.get(parameters);
        if (context == null) {
            context = parameters.createSSLContext(getCamelContext());
            sslContexts.put(parameters, context);
        }
        return context;
    }

    /** The readiness check this component registered, or null (no health registry, or another component did). */
    public AnaplanHealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        registerHealthCheck();
        // runtimes that create the health registry after the routes (Camel Spring Boot) get it once the context started
        getCamelContext().addStartupListener((context, alreadyStarted) -> registerHealthCheck());
        if (metrics == null) {
            metrics = AnaplanMetrics.bind(getCamelContext(), clients);
        }
    }

    /** Registers the readiness check, once per context, when there is a health check registry. */
    private void registerHealthCheck() {
        HealthCheckRegistry healthChecks = HealthCheckRegistry.get(getCamelContext());
        if (healthChecks == null || healthCheck != null) {
            return;
        }
        synchronized (healthChecks) {
            if (healthChecks.getCheck(AnaplanHealthCheck.ID).isPresent()) {
                return; // another anaplan component (or Camel's loader) did: one check covers them all
            }
            AnaplanHealthCheck check = new AnaplanHealthCheck();
            check.setCamelContext(getCamelContext());
            if (healthChecks.register(check)) {
                healthCheck = check;
            }
        }
    }

    /** The shared clients of every anaplan component of a context, by id (health check, dev console). */
    static List<AnaplanClient> clientsOf(CamelContext context) {
        List<AnaplanClient> all = new ArrayList<>();
        if (context != null) {
            for (String name : context.getComponentNames()) {
                if (context.hasComponent(name) instanceof AnaplanComponent anaplan) {
                    all.addAll(anaplan.clients().snapshot().values());
                }
            }
        }
        all.sort(Comparator.comparingInt(AnaplanClient::id));
        return all;
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        shutdownPools();
        AnaplanMetrics.unbind(clients, metrics);
        metrics = null;
        if (healthCheck != null) {
            HealthCheckRegistry healthChecks = HealthCheckRegistry.get(getCamelContext());
            if (healthChecks != null) {
                healthChecks.unregister(healthCheck);
            }
            healthCheck = null;
        }
        super.doStop();
    }

    private synchronized void shutdownPools() {
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        if (operations != null) {
            manager.shutdownNow(operations);
            operations = null;
        }
        if (workers != null) {
            manager.shutdownNow(workers);
            workers = null;
        }
    }
}
