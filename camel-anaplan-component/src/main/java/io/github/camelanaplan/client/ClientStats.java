package io.github.camelanaplan.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one client, read by the dev console, health check and metrics. Cheap to update from any thread.
 */
public final class ClientStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder chunksUploaded = new LongAdder();
    private final LongAdder chunksDownloaded = new LongAdder();
    private final LongAdder uncompressedBytesUploaded = new LongAdder();
    private final LongAdder tokenRenewals = new LongAdder();
    private final LongAdder tasksStarted = new LongAdder();
    private final AtomicInteger chunksInFlight = new AtomicInteger();
    private final AtomicInteger tasksRunning = new AtomicInteger();
    private final Map<String, LongAdder> retriesByCause = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<String> onRetry = cause -> { };

    public void request() {
        requests.increment();
    }

    public void sent(long bytes) {
        if (bytes > 0) {
            bytesSent.add(bytes);
        }
    }

    public void received(long bytes) {
        if (bytes > 0) {
            bytesReceived.add(bytes);
        }
    }

    public void retry(String cause) {
        retriesByCause.computeIfAbsent(cause, k -> new LongAdder()).increment();
        onRetry.accept(cause);
    }

    /** Who hears each retry as it happens (the client's listeners). */
    void onRetry(java.util.function.Consumer<String> onRetry) {
        this.onRetry = onRetry;
    }

    void tokenRenewed() {
        tokenRenewals.increment();
    }

    public void chunkUploaded(long uncompressedBytes) {
        chunksUploaded.increment();
        uncompressedBytesUploaded.add(uncompressedBytes);
    }

    public void chunkDownloaded() {
        chunksDownloaded.increment();
    }

    public AtomicInteger chunksInFlightCounter() {
        return chunksInFlight;
    }

    public AtomicInteger tasksRunningCounter() {
        return tasksRunning;
    }

    public void taskStarted() {
        tasksStarted.increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long chunksUploaded() {
        return chunksUploaded.sum();
    }

    public long chunksDownloaded() {
        return chunksDownloaded.sum();
    }

    public long uncompressedBytesUploaded() {
        return uncompressedBytesUploaded.sum();
    }

    public long tokenRenewals() {
        return tokenRenewals.sum();
    }

    public long tasksStarted() {
        return tasksStarted.sum();
    }

    public int chunksInFlight() {
        return chunksInFlight.get();
    }

    public int tasksRunning() {
        return tasksRunning.get();
    }

    /** Retries so far, by cause ("HTTP 503", "connection refused", "read timeout"...). */
    public Map<String, Long> retriesByCause() {
        Map<String, Long> copy = new TreeMap<>();
        retriesByCause.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
