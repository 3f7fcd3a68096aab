package io.github.camelanaplan.client;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.bulk.ModelClient;
import io.github.camelanaplan.client.names.NameCache;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.CallOptions;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.Paging;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.RetryingCaller;
import io.github.camelanaplan.client.http.Transport;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.ModelLocks;
import io.github.camelanaplan.client.task.TaskOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.auth.AuthService;
import io.github.camelanaplan.client.auth.TokenManager;
import io.github.camelanaplan.client.tenant.Model;
import io.github.camelanaplan.client.tenant.ModelStatus;
import io.github.camelanaplan.client.tenant.User;
import io.github.camelanaplan.client.tenant.Workspace;
import io.github.camelanaplan.client.transfer.ChunkedInputStream;
import io.github.camelanaplan.client.transfer.FileDownloader;
import io.github.camelanaplan.client.transfer.TransferBuffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Anaplan tenant with one set of credentials: one token, one HTTP connection pool, one rate
 * limiter, one worker pool. Thread-safe; share it. {@link #model(String, String)} gives the model-scoped operations.
 * <p>
 * Usable without Camel:
 * <pre>{@code
 * try (AnaplanClient client = AnaplanClient.create(new ClientSettings().credentials(new BasicCredentials(user, pw)))) {
 *     ModelClient model = client.model(workspaceId, modelId);
 *     TaskStatus status = model.run(ActionType.IMPORT, "112000000001", TaskOptions.defaults(), null).status();
 * }
 * }</pre>
 * <p>
 * {@link #withOptions(CallOptions)} gives a view of the same engine whose calls use other {@link CallOptions}
 * (timeout, maxResponseSize, retries): endpoints of one tenant share the engine and keep their own tuning.
 */
public final class AnaplanClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnaplanClient.class);
    private static final AtomicInteger CLIENT_COUNT = new AtomicInteger();

    private final ClientSettings settings;
    private final ClientStats stats;
    private final Transport transport;
    private final AuthService authService;
    private final TokenManager tokens;
    private final ExecutorService executor;
    private final TransferBuffers buffers;
    /** Whether closing this client shuts the worker pool down (it made the pool itself). */
    private final boolean ownsExecutor;
    private final ActiveTasks activeTasks;
    private final ModelLocks modelLocks;
    private final Map<String, Set<String>> knownFilesByModel;
    private final NameCache names;
    private final List<ClientListener> listeners;
    private final int id;
    /** The engine this is a view of; itself for the engine. Only the engine holds the closed state. */
    private final AnaplanClient engine;
    private final RetryingCaller caller;
    private volatile boolean closed;

    private AnaplanClient(ClientSettings settings, ExecutorService workers) {
        settings.validate();
        this.engine = this;
        this.settings = settings;
        this.stats = new ClientStats();
        this.activeTasks = new ActiveTasks();
        this.modelLocks = new ModelLocks();
        this.knownFilesByModel = new ConcurrentHashMap<>();
        this.names = new NameCache();
        this.listeners = new CopyOnWriteArrayList<>();
        this.transport = new Transport(settings, stats);
        this.caller = new RetryingCaller(transport, settings.callOptions());
        this.authService = new AuthService(caller, settings.authUrl(), settings.oauthUrl());
        this.tokens = new TokenManager(settings.credentials(), authService, stats::tokenRenewed);
        this.transport.tokenSource(tokens);
        this.id = CLIENT_COUNT.incrementAndGet();
        stats.onRetry(cause -> fire(l -> l.retried(cause)));
        this.ownsExecutor = workers == null;
        this.executor = workers != null ? workers : ownWorkerPool(id);
        this.buffers = new TransferBuffers();
    }

    /** A view of {@code engine} whose calls use {@code options}; shares everything else. */
    private AnaplanClient(AnaplanClient engine, CallOptions options) {
        this.engine = engine;
        this.settings = engine.settings;
        this.stats = engine.stats;
        this.transport = engine.transport;
        this.authService = engine.authService;
        this.tokens = engine.tokens;
        this.executor = engine.executor;
        this.buffers = engine.buffers;
        this.ownsExecutor = false;
        this.activeTasks = engine.activeTasks;
        this.modelLocks = engine.modelLocks;
        this.knownFilesByModel = engine.knownFilesByModel;
        this.names = engine.names;
        this.listeners = engine.listeners;
        this.id = engine.id;
        this.caller = new RetryingCaller(transport, options);
    }

    /**
     * The pool of a client used without a supplied one: bounded, queueing, idle threads reaped. Its tasks (chunk PUTs,
     * chunk GETs) never wait for another task of the pool, so a full pool only queues work, it cannot deadlock.
     */
    private static ExecutorService ownWorkerPool(int id) {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(Defaults.WORKER_THREADS, Defaults.WORKER_THREADS, 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "anaplan-" + id + "-worker-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A client with its own bounded worker pool, closed with the client. */
    public static AnaplanClient create(ClientSettings settings) {
        return new AnaplanClient(settings, null);
    }

    /**
     * A client whose transfers (chunk uploads, download prefetch) run on {@code workers}, a pool its owner shuts down
     * (a container's managed pool). The tasks put there never wait for one another, so a bounded pool with a queue is
     * safe; a pool that rejects work fails the transfer that hit the rejection.
     */
    public static AnaplanClient create(ClientSettings settings, ExecutorService workers) {
        return new AnaplanClient(settings, java.util.Objects.requireNonNull(workers, "workers"));
    }

    /**
     * This engine, with every call through the returned view (and the model, ALM, transactional... clients obtained
     * from it) sent with {@code options}. Cheap. The view does not own the engine: closing it does nothing.
     */
    public AnaplanClient withOptions(CallOptions options) {
        return new AnaplanClient(engine, options.validate());
    }

    /** The engine this is a view of (itself for an engine). */
    public AnaplanClient engine() {
        return engine;
    }

    /** The options this client's calls are sent with. */
    public CallOptions callOptions() {
        return caller.options();
    }

    /** A number that tells this client apart from the others of this JVM (1, 2, ...), as in its thread names. */
    public int id() {
        return id;
    }

    /** Adds a listener for task and upload events (metrics, monitoring). */
    public void addListener(ClientListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    public void removeListener(ClientListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, never letting a listener's failure reach the caller. */
    public void fire(java.util.function.Consumer<ClientListener> event) {
        for (ClientListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A client listener failed: {}", e.toString());
            }
        }
    }

    public ClientSettings settings() {
        return settings;
    }

    public ClientStats stats() {
        return stats;
    }

    /** Sends this client's calls (with its {@link #callOptions()}) over the engine's transport. */
    public RetryingCaller caller() {
        return caller;
    }

    /** The engine's HTTP attempts, pool and rate limiter. */
    public Transport transport() {
        return transport;
    }

    public TokenManager tokens() {
        return tokens;
    }

    /** The worker pool of transfers (chunk uploads, download prefetch): tasks that never wait for one another. */
    public ExecutorService executor() {
        return executor;
    }

    public boolean isClosed() {
        return engine.closed;
    }

    /** Operations on one model of one workspace. Cheap: create one per call if ids vary. */
    public ModelClient model(String workspaceId, String modelId) {
        return new ModelClient(this, workspaceId, modelId);
    }

    /** The configured Integration API root ({@code …/2/0}), the start of every request path under it. */
    public ApiPath api() {
        return ApiPath.root(settings.apiUrl());
    }

    public User me() {
        ApiRequest request = ApiRequest.get(api()).segments("users", "me").step("get current user").build();
        return caller.execute(request, Json.answer(request)).read("user", User.class);
    }

    public List<Workspace> workspaces() {
        return listAll(ApiRequest.get(api()).segment("workspaces").query("tenantDetails", "true")
                .step("list workspaces").build(), "workspaces", Workspace.class);
    }

    /** Models of a workspace, or of the whole tenant when workspaceId is null. */
    public List<Model> models(String workspaceId) {
        ApiPath models = workspaceId == null ? api().then("models") : api().then("workspaces", workspaceId, "models");
        return listAll(ApiRequest.get(models).query("modelDetails", "true").step("list models").build(), "models",
                Model.class);
    }

    /** What a model is busy with. The answer comes bare ({@code requestStatus}) or in an envelope; both are read. */
    public ModelStatus modelStatus(String modelId) {
        ApiRequest request = ApiRequest.get(api()).segments("models", modelId, "status")
                .step("model status of " + modelId).build();
        return caller.execute(request, Json.answer(request)).read("requestStatus", ModelStatus.class);
    }

    /** Asks Anaplan to open (load) a model; asynchronous on Anaplan's side. */
    public void openModel(String modelId) {
        modelCall(modelId, "open");
    }

    /** Asks Anaplan to close (unload) a model; asynchronous on Anaplan's side. */
    public void closeModel(String modelId) {
        modelCall(modelId, "close");
    }

    private void modelCall(String modelId, String action) {
        caller.execute(ApiRequest.post(api()).segments("models", modelId, action).kind(RequestKind.IDEMPOTENT)
                .step(action + " model " + modelId).build(), Json.discard());
    }

    /**
     * Every item of a paged collection as JSON objects, following {@code meta.paging} until all are read.
     *
     * @throws io.github.camelanaplan.client.error.AnaplanProtocolException when a page does not advance, exceeds
     *                                                                      {@code totalSize}, or {@code key} is not an
     *                                                                      array of objects
     */
    public List<JsonNode> listAll(ApiRequest first, String key) {
        return listAll(first, key, JsonNode.class);
    }

    /** Every item of a paged collection read as {@code type}; see {@link #listAll(ApiRequest, String)}. */
    public <T> List<T> listAll(ApiRequest first, String key, Class<T> type) {
        return Paging.readAll(first, key, type, request -> caller.execute(request, Json.answer(request)));
    }

    /** A lazy stream over a chunked resource (file, dump): {@code content/chunks} then each chunk. */
    public ChunkedInputStream openChunked(ApiPath content, int prefetch) {
        return openChunked(content, prefetch, null);
    }

    /** As {@link #openChunked(ApiPath, int)}, checking the chunk list against the content's claimed chunk count. */
    public ChunkedInputStream openChunked(ApiPath content, int prefetch, Integer expectedChunks) {
        return new FileDownloader(caller, executor, buffers).open(content, prefetch, expectedChunks);
    }

    /** The arrays this engine's transfers reuse across calls. */
    public TransferBuffers transferBuffers() {
        return buffers;
    }

    /** File ids known to exist per model, filled by allowFileCreation=false checks. */
    public Set<String> knownFiles(String modelId) {
        return knownFilesByModel.computeIfAbsent(modelId, k -> ConcurrentHashMap.newKeySet());
    }

    /** The tasks being started or waited for: closing the client cancels them. */
    /** The listings kept for name resolution; one per engine, shared by its views. */
    public NameCache names() {
        return names;
    }

    public ActiveTasks activeTasks() {
        return activeTasks;
    }

    /** This client's model and file locks (another client's tasks are not serialised with these). */
    public ModelLocks modelLocks() {
        return modelLocks;
    }

    /** Cancels tasks still being waited on, logs out, closes the pool and threads. */
    @Override
    public void close() {
        if (engine != this || closed) {
            return; // a view does not own the engine
        }
        closed = true;
        // wakes the waiters and cancels their tasks; task starts already on the wire get to finish and cancel theirs
        // before the pool goes away
        if (!activeTasks.close(ActiveTasks.CLOSE_WAIT)) {
            LOG.warn("{} task start(s) still under way after {}; closing anyway", activeTasks.size(),
                    ActiveTasks.CLOSE_WAIT);
        }
        tokens.logout();
        transport.close();
        if (ownsExecutor) {
            executor.shutdownNow();
        }
        LOG.debug("Anaplan client closed ({} requests sent)", stats.requests());
    }
}
