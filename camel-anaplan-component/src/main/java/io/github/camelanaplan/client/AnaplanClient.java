package io.github.camelanaplan.client;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.bulk.ModelClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiCall;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.http.Transport;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Anaplan tenant with one set of credentials: one token, one HTTP connection pool, one rate
 * limiter, one worker pool. Thread-safe; share it. {@link #model(String, String)} gives the model-scoped operations.
 * <p>
 * Usable without Camel:
 * <pre>{@code
 * try (AnaplanClient client = AnaplanClient.create(new ClientSettings().credentials(new BasicCredentials(user, pw)))) {
 *     client.model(workspaceId, modelId).runTask(ActionType.IMPORT, "112000000001", TaskOptions.defaults());
 * }
 * }</pre>
 */
public final class AnaplanClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnaplanClient.class);
    private static final AtomicInteger CLIENT_COUNT = new AtomicInteger();

    private final ClientSettings settings;
    private final ClientStats stats = new ClientStats();
    private final Transport transport;
    private final AuthService authService;
    private final TokenManager tokens;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Set<ActiveTask> activeTasks = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> knownFilesByModel = new ConcurrentHashMap<>();
    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final int id;
    private volatile boolean closed;

    private AnaplanClient(ClientSettings settings, ExecutorService workers) {
        settings.validate();
        this.settings = settings;
        this.transport = new Transport(settings, stats);
        this.authService = new AuthService(transport, settings.authUrl(), settings.oauthUrl());
        this.tokens = new TokenManager(settings.credentials(), authService, stats::tokenRenewed);
        this.transport.tokenSource(tokens);
        this.id = CLIENT_COUNT.incrementAndGet();
        stats.onRetry(cause -> fire(l -> l.retried(cause)));
        this.ownsExecutor = workers == null;
        this.executor = workers != null ? workers : ownWorkerPool(id);
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
        return closed;
    }

    /** Operations on one model of one workspace. Cheap: create one per call if ids vary. */
    public ModelClient model(String workspaceId, String modelId) {
        return new ModelClient(this, workspaceId, modelId);
    }

    public User me() {
        JsonNode node = transport.execute(ApiCall.get("get current user", settings.apiUrl() + "/users/me"), Json.tree());
        return Json.convert(node.path("user"), User.class);
    }

    public List<Workspace> workspaces() {
        return convertAll(listAll(settings.apiUrl() + "/workspaces?tenantDetails=true", "workspaces", "list workspaces"),
                Workspace.class);
    }

    /** Models of a workspace, or of the whole tenant when workspaceId is null. */
    public List<Model> models(String workspaceId) {
        String url = workspaceId == null ? settings.apiUrl() + "/models?modelDetails=true"
                : settings.apiUrl() + "/workspaces/" + workspaceId + "/models?modelDetails=true";
        return convertAll(listAll(url, "models", "list models"), Model.class);
    }

    /** What a model is busy with. The answer comes bare ({@code requestStatus}) or in an envelope; both are read. */
    public ModelStatus modelStatus(String modelId) {
        JsonNode node = transport.execute(ApiCall.get("model status of " + modelId,
                settings.apiUrl() + "/models/" + modelId + "/status"), Json.tree());
        return Json.convert(node.path("requestStatus"), ModelStatus.class);
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
        transport.execute(new ApiCall(action + " model " + modelId, "POST",
                settings.apiUrl() + "/models/" + modelId + "/" + action, Map.of(), null, RequestKind.IDEMPOTENT, true),
                Json.discard());
    }

    /** Every item of a paged collection, following {@code meta.paging} until all are read. */
    public List<JsonNode> listAll(String url, String key, String step) {
        List<JsonNode> items = new ArrayList<>();
        int offset = 0;
        String separator = url.contains("?") ? "&" : "?";
        while (true) {
            String pageUrl = offset == 0 ? url : url + separator + "offset=" + offset;
            JsonNode node = transport.execute(ApiCall.get(step, pageUrl), Json.tree());
            JsonNode array = node.path(key);
            int received = 0;
            if (array.isArray()) {
                for (JsonNode item : array) {
                    items.add(item);
                    received++;
                }
            }
            JsonNode paging = node.path("meta").path("paging");
            int pageSize = paging.path("currentPageSize").asInt(received);
            long total = paging.path("totalSize").asLong(-1);
            boolean more = paging.hasNonNull("next") || total >= 0 && offset + pageSize < total;
            if (!more || pageSize <= 0 || received == 0) {
                return items;
            }
            offset += pageSize;
        }
    }

    public static <T> List<T> convertAll(List<JsonNode> nodes, Class<T> type) {
        List<T> items = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            items.add(Json.convert(node, type));
        }
        return items;
    }

    /** A lazy stream over a chunked resource (file, dump): {@code url/chunks} then each chunk. */
    public ChunkedInputStream openChunked(String url, int prefetch) {
        return new FileDownloader(transport, executor).open(url, prefetch);
    }

    /** File ids known to exist per model, filled by allowFileCreation=false checks. */
    public Set<String> knownFiles(String modelId) {
        return knownFilesByModel.computeIfAbsent(modelId, k -> ConcurrentHashMap.newKeySet());
    }

    /** Registers a task about to be started, so that closing the client cancels it. */
    public ActiveTask register() {
        if (closed) {
            throw new AnaplanException("The Anaplan client is closed");
        }
        ActiveTask task = new ActiveTask();
        activeTasks.add(task);
        return task;
    }

    public void unregister(ActiveTask task) {
        activeTasks.remove(task);
    }

    /** Cancels tasks still being waited on, logs out, closes the pool and threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ActiveTask task : activeTasks) {
            task.cancelForShutdown();
        }
        // let task starts already on the wire finish, so their tasks get cancelled before the pool goes away
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!activeTasks.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tokens.logout();
        transport.close();
        if (ownsExecutor) {
            executor.shutdownNow();
        }
        LOG.debug("Anaplan client closed ({} requests sent)", stats.requests());
    }

    /** A task some thread is waiting for: shutdown wakes the waiter and cancels the task on Anaplan. */
    public static final class ActiveTask {
        private Runnable canceller;
        private boolean cancelled;

        /** Names how to cancel the started task; cancels it at once if the client closed meanwhile. */
        public void started(Runnable taskCanceller) {
            boolean cancelNow;
            synchronized (this) {
                canceller = taskCanceller;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                cancel(taskCanceller);
            }
        }

        public synchronized void sleep(long millis) {
            if (cancelled || millis <= 0) {
                return;
            }
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnaplanException("Interrupted while waiting for a task", e);
            }
        }

        public synchronized boolean cancelledByShutdown() {
            return cancelled;
        }

        void cancelForShutdown() {
            Runnable taskCanceller;
            synchronized (this) {
                cancelled = true;
                taskCanceller = canceller;
                notifyAll();
            }
            if (taskCanceller != null) {
                cancel(taskCanceller);
            }
        }

        private static void cancel(Runnable taskCanceller) {
            try {
                taskCanceller.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not cancel a running task on shutdown: {}", e.getMessage());
            }
        }
    }
}
