package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A model file (import data source or export output) with its chunks. Thread-safe. */
final class SimFile {

    final String id;
    volatile String name;
    volatile int headerRow = 1;
    volatile int firstDataRow = 2;
    volatile String separator = ",";
    volatile String delimiter = "\"";
    volatile String encoding = "UTF-8";
    volatile String format = "txt";
    final boolean exportOutput;

    private final ConcurrentSkipListMap<Integer, Blob> chunks = new ConcurrentSkipListMap<>();
    private volatile int declaredChunks;
    private volatile boolean completed;
    private volatile SyntheticContent synthetic;
    /** Throughput mode: indexes of chunks received but not stored. */
    private final java.util.Set<Integer> countedChunks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicInteger chunksReceived = new AtomicInteger();

    SimFile(String id, String name, boolean exportOutput) {
        this.id = id;
        this.name = name;
        this.exportOutput = exportOutput;
        if (exportOutput) {
            headerRow = 0;
            firstDataRow = 0;
        }
    }

    /** Applies optional metadata fields sent with a POST (chunkCount / complete). */
    void applyMetadata(JsonNode body) {
        if (body == null) {
            return;
        }
        if (body.hasNonNull("name") && !body.get("name").asText().isEmpty()) {
            name = body.get("name").asText();
        }
        if (body.hasNonNull("headerRow")) {
            headerRow = body.get("headerRow").asInt();
        }
        if (body.hasNonNull("firstDataRow")) {
            firstDataRow = body.get("firstDataRow").asInt();
        }
        if (body.hasNonNull("separator")) {
            separator = body.get("separator").asText();
        }
        if (body.hasNonNull("delimiter")) {
            delimiter = body.get("delimiter").asText();
        }
        if (body.hasNonNull("encoding")) {
            encoding = body.get("encoding").asText();
        }
        if (body.hasNonNull("format")) {
            format = body.get("format").asText();
        }
    }

    /** Starts a new upload: N chunks expected (or -1: unknown). Old content is dropped. */
    synchronized void declare(int chunkCount) {
        clear();
        declaredChunks = chunkCount;
        completed = false;
    }

    synchronized void clear() {
        chunks.values().forEach(Blob::delete);
        chunks.clear();
        declaredChunks = 0;
        completed = false;
        bytesReceived.set(0);
        chunksReceived.set(0);
        countedChunks.clear();
    }

    int declaredChunks() {
        return declaredChunks;
    }

    long storedBytes() {
        long total = 0;
        for (Blob b : chunks.values()) {
            total += b.size();
        }
        return total;
    }

    void putChunk(int index, Blob blob) {
        Blob old = chunks.put(index, blob);
        if (old != null) {
            old.delete();
        }
    }

    void putChunk(int index, byte[] data, ContentStore store) {
        Blob blob = store.store(data, storedBytes() + data.length);
        Blob old = chunks.put(index, blob);
        if (old != null) {
            old.delete();
        }
    }

    /** Replaces the whole content, cut in chunks of {@code chunkSize}; the file counts as complete. */
    synchronized void putContent(byte[] data, int chunkSize, ContentStore store) {
        clear();
        synthetic = null;
        int n = 0;
        for (int off = 0; off < data.length; off += chunkSize) {
            int len = Math.min(chunkSize, data.length - off);
            byte[] part = new byte[len];
            System.arraycopy(data, off, part, 0, len);
            putChunk(n++, part, store);
        }
        declaredChunks = n;
        completed = true;
    }

    synchronized void markComplete() {
        completed = true;
        int counted = countedChunks.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        declaredChunks = Math.max(chunks.isEmpty() ? 0 : chunks.lastKey() + 1, counted);
    }

    /** Throughput mode: a chunk arrived and was counted, not stored. */
    void countChunk(int index, long bytes) {
        countedChunks.add(index);
        bytesReceived.addAndGet(bytes);
        chunksReceived.incrementAndGet();
    }

    boolean uploadComplete() {
        if (synthetic != null || completed) {
            return true;
        }
        int n = declaredChunks;
        if (n <= 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!chunks.containsKey(i) && !countedChunks.contains(i)) {
                return false;
            }
        }
        return true;
    }

    void synthetic(SyntheticContent s) {
        clear();
        this.synthetic = s;
    }

    SyntheticContent synthetic() {
        return synthetic;
    }

    /** Chunk count shown in the file list. */
    int chunkCount() {
        SyntheticContent s = synthetic;
        if (s != null) {
            return s.chunkCount();
        }
        // throughput mode counts chunks without storing them: the count is still the honest one
        return chunks.isEmpty() ? countedChunks.size() : chunks.size();
    }

    /** Ids listed by GET .../chunks. */
    List<Integer> chunkIds(boolean placeholders) {
        SyntheticContent s = synthetic;
        List<Integer> ids = new ArrayList<>();
        if (s != null) {
            for (int i = 0; i < s.chunkCount(); i++) {
                ids.add(i);
            }
            return ids;
        }
        if (placeholders && declaredChunks > 0 && !completed) {
            for (int i = 0; i < declaredChunks; i++) {
                ids.add(i);
            }
            return ids;
        }
        ids.addAll(chunks.keySet());
        return ids;
    }

    Blob chunk(int index) {
        return chunks.get(index);
    }

    boolean isEmpty() {
        return synthetic == null && chunks.isEmpty();
    }

    long size() {
        SyntheticContent s = synthetic;
        return s != null ? s.size() : storedBytes();
    }

    /** Concatenated content in chunk order, or null when there is none. */
    byte[] content() {
        if (isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeContent(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void writeContent(OutputStream out) throws IOException {
        SyntheticContent s = synthetic;
        if (s != null) {
            s.writeAll(out);
            return;
        }
        for (Map.Entry<Integer, Blob> e : chunks.entrySet()) {
            try (InputStream in = e.getValue().open()) {
                in.transferTo(out);
            }
        }
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.put("chunkCount", chunkCount());
        if (!exportOutput) {
            n.put("delimiter", delimiter);
            n.put("encoding", encoding);
        }
        n.put("firstDataRow", firstDataRow);
        if (!exportOutput) {
            n.put("format", format);
        }
        n.put("headerRow", headerRow);
        if (!exportOutput) {
            n.put("separator", separator);
        }
        return n;
    }

    void delete() {
        clear();
        synthetic = null;
    }
}
