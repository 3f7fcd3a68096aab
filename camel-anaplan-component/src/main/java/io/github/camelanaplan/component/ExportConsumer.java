package io.github.camelanaplan.component;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.bulk.ModelClient;
import io.github.camelanaplan.client.cursor.Cursor;
import io.github.camelanaplan.client.cursor.CursorKey;
import io.github.camelanaplan.client.transfer.ChunkedInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("anaplan:export?actionId=116…")}: runs the export on each poll and emits its content, streamed. With
 * {@code onlyChanged=true} the content goes through a temporary file while its SHA-256 is computed, and is emitted
 * only when the hash differs from the last one emitted (kept in the state repository, per route and export, once the
 * exchange succeeded).
 */
final class ExportConsumer extends AnaplanConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ExportConsumer.class);

    ExportConsumer(AnaplanEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void checkOptions() {
        require("workspaceId", config().getWorkspaceId());
        require("modelId", config().getModelId());
        require("actionId", config().getActionId());
    }

    @Override
    CursorKey cursorKey() {
        return super.cursorKey().with("workspaceId", config().getWorkspaceId()).with("modelId", config().getModelId())
                .with("actionId", config().getActionId());
    }

    /** The cursor's hash is the SHA-256 of the last content emitted. */
    private CursorStore cursorStore() {
        return cursorStore("anaplan:export:" + getRouteId() + ":" + config().getModelId() + ":" + config().getActionId()
                           + ":sha256");
    }

    @Override
    protected int poll() throws Exception {
        AnaplanConfiguration c = config();
        String actionId = c.getActionId();
        ModelClient model = client().model(c.getWorkspaceId(), c.getModelId());
        ModelClient.TaskRun run = model.run(ActionType.EXPORT, actionId, endpoint.taskOptions(null), null);
        if (!c.isOnlyChanged()) {
            ChunkedInputStream content = model.download(actionId, c.getDownloadPrefetch());
            try {
                emit(exchange -> fill(exchange, run, content, content.chunkCount()));
            } finally {
                closeQuietly(content);
            }
            return 1;
        }
        Path spool = Files.createTempFile("anaplan-export-" + actionId + "-", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int chunkCount;
            try (ChunkedInputStream download = model.download(actionId, c.getDownloadPrefetch());
                 InputStream in = new DigestInputStream(download, sha);
                 OutputStream out = Files.newOutputStream(spool)) {
                in.transferTo(out);
                chunkCount = download.chunkCount();
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            CursorStore store = cursorStore();
            Cursor cursor = store.load().orElse(Cursor.empty());
            if (cursor.hash().filter(hash::equals).isPresent()) {
                LOG.debug("Export {} unchanged (sha256 {}): nothing emitted", actionId, hash);
                return 0;
            }
            InputStream content = Files.newInputStream(spool);
            boolean ok;
            try {
                ok = emit(exchange -> fill(exchange, run, content, chunkCount));
            } finally {
                closeQuietly(content);
            }
            if (ok) {
                store.save(cursor.withHash(hash));
            }
            return 1;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * Task and chunk headers only: id headers (model, action) are left out, since a later anaplan: step would read
     * them as overrides of its own ids.
     */
    private void fill(Exchange exchange, ModelClient.TaskRun run, InputStream content, int chunkCount) {
        OperationSupport.setTaskHeaders(exchange.getMessage(), run.status());
        exchange.getMessage().setHeader(AnaplanConstants.CHUNK_COUNT, chunkCount);
        exchange.getMessage().setBody(content(content));
    }
}
