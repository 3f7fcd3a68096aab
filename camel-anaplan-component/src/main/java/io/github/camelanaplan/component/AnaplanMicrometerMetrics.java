package io.github.camelanaplan.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientListener;
import io.github.camelanaplan.client.ClientStats;
import io.github.camelanaplan.client.bulk.RowCounts;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.transfer.UploadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the {@code anaplan} component (names in {@code src-docs/observability.md}). Only loaded when
 * Micrometer is on the classpath and a {@code MeterRegistry} is in the Camel registry: {@link AnaplanMetrics} guards
 * every reference to this class.
 * <p>
 * Client meters (tags {@code client}, {@code authMethod}) read the engine's own counters; operation meters (tags
 * {@code operation}, {@code modelId}) are fed by the engine's {@link ClientListener} events.
 */
final class AnaplanMicrometerMetrics implements ClientRegistry.Observer {

    static final String PREFIX = "anaplan.";

    private final MeterRegistry registry;
    private final Map<AnaplanClient, Binding> bindings = new ConcurrentHashMap<>();

    AnaplanMicrometerMetrics(Object meterRegistry) {
        this.registry = (MeterRegistry) meterRegistry;
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void created(AnaplanClient client) {
        bindings.computeIfAbsent(client, Binding::new);
    }

    @Override
    public void closing(AnaplanClient client) {
        Binding binding = bindings.remove(client);
        if (binding != null) {
            binding.unbind();
        }
    }

    void closeAll() {
        bindings.keySet().forEach(this::closing);
    }

    /** The meters of one client and the listener that feeds the operation meters. */
    private final class Binding implements ClientListener {
        private final AnaplanClient client;
        private final Tags clientTags;
        private final List<Meter> clientMeters = new CopyOnWriteArrayList<>();
        private final Map<String, Counter> retryCounters = new ConcurrentHashMap<>();

        Binding(AnaplanClient client) {
            this.client = client;
            this.clientTags = Tags.of("client", String.valueOf(client.id()), "authMethod", client.tokens().method());
            ClientStats s = client.stats();
            counter("client.requests", "HTTP requests sent (attempts, retries included)", null, s, ClientStats::requests);
            counter("client.bytes.sent", "Request body bytes sent (compressed as on the wire)", "bytes", s,
                    ClientStats::bytesSent);
            counter("client.bytes.received", "Response body bytes received", "bytes", s, ClientStats::bytesReceived);
            counter("client.chunks.uploaded", "File chunks uploaded", null, s, ClientStats::chunksUploaded);
            counter("client.chunks.downloaded", "File and dump chunks downloaded", null, s, ClientStats::chunksDownloaded);
            counter("client.token.renewals", "Logins and token renewals", null, s, ClientStats::tokenRenewals);
            counter("client.tasks.started", "Anaplan tasks started", null, s, ClientStats::tasksStarted);
            clientMeters.add(Gauge.builder(PREFIX + "client.chunks.inflight", s, ClientStats::chunksInFlight)
                    .description("Upload chunks being sent now").tags(clientTags).register(registry));
            clientMeters.add(Gauge.builder(PREFIX + "client.tasks.running", s, ClientStats::tasksRunning)
                    .description("Tasks being waited for now").tags(clientTags).register(registry));
            s.retriesByCause().keySet().forEach(this::retryCounter);
            client.addListener(this);
        }

        private void counter(String name, String description, String unit, ClientStats stats,
                             java.util.function.ToDoubleFunction<ClientStats> value) {
            clientMeters.add(FunctionCounter.builder(PREFIX + name, stats, value).description(description)
                    .baseUnit(unit).tags(clientTags).register(registry));
        }

        private Counter retryCounter(String cause) {
            return retryCounters.computeIfAbsent(cause, c -> {
                Counter counter = Counter.builder(PREFIX + "client.retries").description("Requests sent again, by cause")
                        .tags(clientTags).tag("cause", c).register(registry);
                clientMeters.add(counter);
                return counter;
            });
        }

        void unbind() {
            client.removeListener(this);
            clientMeters.forEach(registry::remove);
        }

        @Override
        public void retried(String cause) {
            retryCounter(cause).increment();
        }

        @Override
        public void taskFinished(String modelId, ActionType type, String actionId, TaskOutcome outcome,
                                 TaskStatus status, long durationNanos) {
            Tags tags = Tags.of("operation", type.label(), "modelId", modelId);
            Timer.builder(PREFIX + "task.duration").description("Anaplan task runs, from start request to end")
                    .tags(tags).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry)
                    .record(durationNanos, TimeUnit.NANOSECONDS);
            RowCounts rows = status == null || status.result() == null ? RowCounts.NONE : status.result().rowCounts();
            rows("processed", rows.processed(), tags);
            rows("ignored", rows.ignored(), tags);
            rows("failed", rows.failed(), tags);
        }

        private void rows(String kind, Long count, Tags tags) {
            if (count != null && count > 0) {
                Counter.builder(PREFIX + "task.rows").description("Rows reported by finished tasks").baseUnit("rows")
                        .tags(tags).tag("rows", kind).register(registry).increment(count);
            }
        }

        @Override
        public void uploadFinished(String modelId, String fileId, UploadResult result, long durationNanos) {
            Tags tags = Tags.of("operation", "upload", "modelId", modelId);
            Timer.builder(PREFIX + "upload.duration").description("File uploads, first chunk to completion")
                    .tags(tags).tag("outcome", "success").register(registry).record(durationNanos, TimeUnit.NANOSECONDS);
            Counter.builder(PREFIX + "upload.bytes").description("Uncompressed bytes uploaded").baseUnit("bytes")
                    .tags(tags).register(registry).increment(result.bytes());
            Counter.builder(PREFIX + "upload.bytes.compressed").description("Gzip bytes uploaded").baseUnit("bytes")
                    .tags(tags).register(registry).increment(result.compressedBytes());
            Counter.builder(PREFIX + "upload.chunks").description("Chunks uploaded").tags(tags).register(registry)
                    .increment(result.chunkCount());
            if (result.compressedBytes() > 0) {
                DistributionSummary.builder(PREFIX + "upload.compression.ratio")
                        .description("Uncompressed / gzip bytes of each upload").tags(tags).register(registry)
                        .record((double) result.bytes() / result.compressedBytes());
            }
        }

        @Override
        public void uploadFailed(String modelId, String fileId, RuntimeException failure, long durationNanos) {
            Timer.builder(PREFIX + "upload.duration").description("File uploads, first chunk to completion")
                    .tags("operation", "upload", "modelId", modelId, "outcome", "failure").register(registry)
                    .record(durationNanos, TimeUnit.NANOSECONDS);
        }
    }
}
