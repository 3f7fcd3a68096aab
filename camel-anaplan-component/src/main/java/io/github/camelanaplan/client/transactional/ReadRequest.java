package io.github.camelanaplan.client.transactional;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.task.ActiveTasks;
import io.github.camelanaplan.client.task.PollSchedule;
import io.github.camelanaplan.client.task.TaskWaiter;
import io.github.camelanaplan.client.task.WatchedTask;
import io.github.camelanaplan.client.http.JsonAnswer;
import io.github.camelanaplan.client.http.RequestKind;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.http.RetryingCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large-volume read request of a view or list (anaplan-api §6.3). Pages can be fetched as soon as Anaplan reports
 * them available, while the request is still IN_PROGRESS. {@link #close()} deletes the request on Anaplan; call it
 * whatever happens (try-with-resources).
 */
public final class ReadRequest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadRequest.class);

    private final AnaplanClient client;
    private final RetryingCaller transport;
    private final ApiPath url;
    private final String what;
    private final String key;
    private final TaskOptions options;
    private volatile int availablePages;
    private volatile String state;
    private volatile boolean deleted;

    private ReadRequest(AnaplanClient client, ApiPath url, String what, String key, TaskOptions options, JsonNode started) {
        this.client = client;
        this.transport = client.caller();
        this.url = url;
        this.what = what;
        this.key = key;
        this.options = options;
        update(started);
    }

    static ReadRequest start(AnaplanClient client, ApiPath requestsUrl, String what, String key, Object body,
                             TaskOptions options) {
        ApiRequest start = ApiRequest.post(requestsUrl).json(body).kind(RequestKind.NON_IDEMPOTENT)
                .step("start read request of " + what).build();
        JsonAnswer answer = client.caller().execute(start, Json.answer(start));
        String requestId = answer.text(key + ".requestId");
        JsonNode request = answer.node(key);
        if (requestId == null || requestId.isEmpty()) {
            throw new AnaplanException("start read request of " + what + ": the answer holds no requestId");
        }
        return new ReadRequest(client, requestsUrl.then(requestId), what, key, options, request);
    }

    public String requestId() {
        return url.last();
    }

    /** What is read: "view 102000000001" or "list 101000000001". */
    public String what() {
        return what;
    }

    /** Pages known to be available so far. */
    public int availablePages() {
        return availablePages;
    }

    /** Whether Anaplan reports the request complete (all pages available). */
    public boolean isComplete() {
        return "COMPLETE".equals(state);
    }

    private void update(JsonNode request) {
        if (request.hasNonNull("availablePages")) {
            availablePages = Math.max(availablePages, request.get("availablePages").asInt());
        }
        if (request.hasNonNull("requestState")) {
            state = request.get("requestState").asText();
        }
        if ("CANCELLED".equals(state) || "CANCELLING".equals(state)
            || request.has("successful") && !request.path("successful").asBoolean(true) && "COMPLETE".equals(state)) {
            throw new AnaplanException("read request " + requestId() + " of " + what + " ended unsuccessfully (state "
                                       + state + ")");
        }
    }

    private void refresh() {
        ApiRequest request = ApiRequest.get(url).step("status of read request of " + what).build();
        update(transport.execute(request, Json.answer(request)).node(key));
    }

    /**
     * Waits until page {@code pageNo} is available and returns its CSV, or null when the request completed with fewer
     * pages.
     */
    public byte[] page(int pageNo) {
        if (deleted) {
            throw new AnaplanException("read request " + requestId() + " of " + what + " was deleted");
        }
        if (pageNo >= availablePages && !isComplete()) {
            refresh();
            if (pageNo >= availablePages && !isComplete()) {
                String waitedFor = "page " + pageNo + " of the read request of " + what;
                try (ActiveTasks.Entry entry = client.activeTasks().register(waitedFor)) {
                    TaskWaiter.await(entry, PollSchedule.of(options), WatchedTask.of(waitedFor, () -> {
                        refresh();
                        return this;
                    }, r -> pageNo < r.availablePages || r.isComplete()).notCancellable(null));
                }
            }
        }
        if (pageNo >= availablePages) {
            return null;
        }
        return transport.execute(ApiRequest.get(url.then("pages", String.valueOf(pageNo))).accept("text/csv")
                .step("page " + pageNo + " of the read request of " + what).build(), TransactionalClient.bytes());
    }

    /**
     * All pages as one CSV stream, fetched one page at a time as the stream is read; the header line repeated at the
     * top of each page is kept once. Closing the stream (or reaching its end) deletes the request.
     */
    public InputStream stream() {
        return new ReadRequestInputStream(this);
    }

    /** Deletes the request on Anaplan (once; errors are logged, not thrown). */
    @Override
    public void close() {
        if (deleted) {
            return;
        }
        deleted = true;
        try {
            transport.execute(ApiRequest.delete(url).step("delete read request of " + what).build(), Json.discard());
        } catch (RuntimeException e) {
            LOG.warn("Could not delete read request {} of {}: {}", requestId(), what, e.getMessage());
        }
    }

    boolean isDeleted() {
        return deleted;
    }
}
