package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** §5.4–5.6: file upload (three flows), chunk list, chunk and whole-file download, delete. */
final class FileEndpoints {

    private final ApiSupport api;
    private final StrictMode strict;

    FileEndpoints(ApiSupport api) {
        this.api = api;
        this.strict = api.strict;
    }

    void register(Router r) {
        r.model("POST", "/files/{f}", this::declare);
        r.model("PUT", "/files/{f}", this::singlePut);
        r.model("GET", "/files/{f}", this::wholeFile);
        r.model("DELETE", "/files/{f}", this::delete);
        r.model("POST", "/files/{f}/complete", this::complete);
        r.model("GET", "/files/{f}/chunks", this::chunkList);
        r.model("PUT", "/files/{f}/chunks/{n}", this::putChunk);
        r.model("GET", "/files/{f}/chunks/{n}", this::getChunk);
    }

    private SimFile file(SimModel m, SimRequest req) {
        SimFile f = m.file(req.param("f"));
        if (f == null) {
            throw ApiException.notFound();
        }
        return f;
    }

    private SimResponse fileEnvelope(SimRequest req, SimModel m, SimFile f, Integer chunkCountOverride) {
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "file"));
        ObjectNode fj = f.toJson();
        if (chunkCountOverride != null) {
            fj.put("chunkCount", chunkCountOverride);
        }
        root.set("file", fj);
        return SimResponse.json(200, root);
    }

    private SimResponse declare(SimRequest req) {
        SimModel m = api.model(req);
        String id = req.param("f");
        ObjectNode body = Json.parseObject(req.body(), "file upload");
        JsonNode cc = body.get("chunkCount");
        if (cc == null || !cc.canConvertToInt()) {
            throw ApiException.badRequest("chunkCount is required");
        }
        int n = cc.asInt();
        if (n < -1 || n > api.options.maxChunks()) {
            throw ApiException.badRequest("chunkCount must be -1 or between 0 and " + api.options.maxChunks());
        }
        SimFile f = m.file(id);
        if (f == null) {
            f = m.fileByName(id);
        }
        if (f == null) {
            if (id.matches("113\\d{9}")) {
                f = m.createFile(id, body.hasNonNull("name") ? body.get("name").asText() : id);
            } else if (!id.matches("\\d+")) {
                // a name (as Anaplan Connect's createImportDataSource sends): a new file with a new 113... id
                f = m.createFile(m.nextFileId(), id);
            } else {
                throw ApiException.notFound();
            }
        }
        f.applyMetadata(body);
        f.declare(n);
        return fileEnvelope(req, m, f, n);
    }

    private SimResponse complete(SimRequest req) {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        if (req.body().length > 0) {
            JsonNode body = Json.parse(req.body());
            if (body != null && body.isObject()) {
                f.applyMetadata(body);
            }
        }
        f.markComplete();
        return fileEnvelope(req, m, f, null);
    }

    private int chunkIndex(SimRequest req) {
        int idx;
        try {
            idx = Integer.parseInt(req.param("n"));
        } catch (NumberFormatException e) {
            throw strict.violation(req, "chunk id must be a number: " + req.param("n"));
        }
        return idx;
    }

    private SimResponse putChunk(SimRequest req) throws IOException {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        int idx = chunkIndex(req);
        if (idx < 0 || idx >= api.options.maxChunks()) {
            throw strict.violation(req, "chunk index " + idx + " out of range (at most " + api.options.maxChunks() + " chunks per file)");
        }
        int declared = f.declaredChunks();
        if (declared > 0 && idx >= declared) {
            throw strict.violation(req, "chunk index " + idx + " out of range: chunkCount is " + declared);
        }
        String ct = req.contentType();
        boolean gzip = "application/x-gzip".equals(ct) || "application/gzip".equals(ct)
                || "gzip".equalsIgnoreCase(req.header("Content-Encoding"));
        if (!"application/x-gzip".equals(ct) && !"application/octet-stream".equals(ct)) {
            ApiException e = strict.strictOnly(req, "chunk Content-Type must be application/x-gzip or application/octet-stream, was " + ct);
            if (e != null) {
                throw e;
            }
        }
        if (api.options.throughputMode()) {
            return countOnly(req, f, idx, gzip);
        }
        Blob data;
        if (gzip) {
            data = gunzip(req, m.store());
        } else {
            data = m.store().receive(req.bodyStream(), api.options.maxChunkBytes());
        }
        f.putChunk(idx, data);
        f.chunksReceived.incrementAndGet();
        return SimResponse.empty(204);
    }

    private SimResponse countOnly(SimRequest req, SimFile f, int idx, boolean gzip) throws IOException {
        InputStream in = req.bodyStream();
        byte[] head = in.readNBytes(3);
        if (gzip && (head.length < 3 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b || head[2] != 8)) {
            throw strict.violation(req, "chunk body is not valid gzip");
        }
        long total = head.length;
        byte[] buf = new byte[64 * 1024];
        int r;
        while ((r = in.read(buf)) >= 0) {
            total += r;
        }
        f.countChunk(idx, total);
        return SimResponse.empty(204);
    }

    private Blob gunzip(SimRequest req, ContentStore store) {
        try (GZIPInputStream in = new GZIPInputStream(req.bodyStream(), 64 * 1024)) {
            return store.receive(in, api.options.maxChunkBytes());
        } catch (ApiException e) {
            throw e;
        } catch (ZipException | java.io.EOFException e) {
            throw strict.violation(req, "chunk body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw strict.violation(req, "chunk body is not valid gzip: " + e.getMessage());
        }
    }

    private SimResponse singlePut(SimRequest req) throws IOException {
        SimModel m = api.model(req);
        String id = req.param("f");
        SimFile f = m.file(id);
        if (f == null) {
            if (!id.startsWith("113")) {
                throw ApiException.notFound();
            }
            f = m.createFile(id, id);
        }
        Blob blob = "application/x-gzip".equals(req.contentType()) ? gunzip(req, m.store())
                : m.store().receive(req.bodyStream(), api.options.maxChunkBytes());
        byte[] data = blob.bytes();
        blob.delete();
        f.putContent(data, Integer.MAX_VALUE, m.store());
        return SimResponse.empty(204);
    }

    private SimResponse chunkList(SimRequest req) {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        List<ObjectNode> items = new ArrayList<>();
        for (int id : f.chunkIds(api.options.placeholderChunks())) {
            ObjectNode c = Json.object();
            c.put("id", String.valueOf(id));
            c.put("name", "Chunk " + id);
            items.add(c);
        }
        return api.page(req, ApiSupport.schema(req, m.id(), "chunk"), "chunks", items);
    }

    private SimResponse getChunk(SimRequest req) {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        int idx;
        try {
            idx = Integer.parseInt(req.param("n"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
        SyntheticContent s = f.synthetic();
        if (s != null) {
            if (idx < 0 || idx >= s.chunkCount()) {
                throw ApiException.notFound();
            }
            return SimResponse.stream(200, "application/octet-stream", s.chunkLength(idx), out -> s.writeChunk(idx, out));
        }
        Blob b = f.chunk(idx);
        if (b == null) {
            throw ApiException.notFound();
        }
        return SimResponse.stream(200, "application/octet-stream", b.size(), out -> {
            try (InputStream in = b.open()) {
                in.transferTo(out);
            }
        });
    }

    private SimResponse wholeFile(SimRequest req) {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        if (f.isEmpty()) {
            throw ApiException.notFound();
        }
        return SimResponse.stream(200, "application/octet-stream", f.size(), f::writeContent);
    }

    private SimResponse delete(SimRequest req) {
        SimModel m = api.model(req);
        SimFile f = file(m, req);
        f.delete();
        return SimResponse.empty(204);
    }
}
