package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A lie the simulator tells instead of the honest answer, to test that a client notices. Selected like a
 * {@link FaultRule} (method + path regex, {@link #occurrence(int)}, {@link #times(int)}, {@link #always()}), but
 * counted only on answers it can change (a 2xx JSON answer holding what it rewrites; see src-docs/simulator.md):
 * {@code sim.lie(Lie.on("GET", Lie.FILE_CHUNK_LIST).dropLastChunks(1))}.
 */
public final class Lie {

    /** Path regex of a file's chunk list. */
    public static final String FILE_CHUNK_LIST = ".*/files/[^/]+/chunks";
    /** Path regex of a failure dump's chunk list (import and process dumps). */
    public static final String DUMP_CHUNK_LIST = ".*/tasks/[^/]+/dumps?(/[^/]+)?/chunks";
    /** Path regex of a task status GET. */
    public static final String TASK_STATUS = ".*/tasks/[^/]+";
    /** Default pause of {@link #neverEnding()} between two writes. */
    public static final Duration NEVER_ENDING_INTERVAL = Duration.ofMillis(10);

    /** What the lie does. */
    public enum Kind {
        DROP_LAST_CHUNKS, CHUNK_IDS_SKIP, CHUNK_IDS_REPEAT, CHUNK_COUNT_OFF, PAGING_STUCK, TOTAL_SIZE_SMALLER,
        TRICKLE, NEVER_ENDING, SET_FIELD, DROP_FIELD, OTHER_ID, RETRY_AFTER, CORRUPT
    }

    /** Which requests, and the count (runtime state, guarded by this). */
    private final RequestSelector selector;
    private Kind kind;
    private int amount;
    private String pointer;
    private JsonNode value;
    private Duration interval = Duration.ZERO;
    private int status;
    private String retryAfter;
    private long seed;
    private double probability;
    private String whenPointer;
    private String whenValue;
    private String name;

    // runtime state, guarded by this
    private final Map<String, Integer> seenByRequest = new HashMap<>();

    private Lie(RequestSelector selector) {
        this.selector = selector;
    }

    /** A lie for requests with this method ("*" for any) whose path (no base URL, no query) matches the regex. */
    public static Lie on(String method, String pathRegex) {
        return new Lie(new RequestSelector(method, pathRegex));
    }

    /** The first answer the lie changes (1-based among the answers it could change, default 1). */
    public Lie occurrence(int n) {
        selector.occurrence(n);
        return this;
    }

    /** How many answers, from the occurrence on, the lie changes (default 1). */
    public Lie times(int n) {
        selector.times(n);
        return this;
    }

    /** Changes every answer it can. */
    public Lie always() {
        selector.times(Integer.MAX_VALUE);
        return this;
    }

    /** Only answers whose honest JSON has this text at the pointer, e.g. {@code whenField("/task/taskState", "COMPLETE")}. */
    public Lie whenField(String jsonPointer, String text) {
        this.whenPointer = jsonPointer;
        this.whenValue = text;
        return this;
    }

    /** Drops the last {@code k} entries of {@code chunks[]} and makes {@code meta.paging} agree with the short list. */
    public Lie dropLastChunks(int k) {
        return kind(Kind.DROP_LAST_CHUNKS).amount(k);
    }

    /** Chunk ids 0, 2, 3, …, n: same count, id 1 missing, the last id does not exist. */
    public Lie chunkIdsSkip() {
        return kind(Kind.CHUNK_IDS_SKIP);
    }

    /** The last chunk repeats the id before it (0, 1, …, n-2, n-2); a single chunk is listed twice. */
    public Lie chunkIdsRepeat() {
        return kind(Kind.CHUNK_IDS_REPEAT);
    }

    /** Every {@code chunkCount} of {@code files[]} / {@code file} shifted by {@code delta}. */
    public Lie chunkCountOff(int delta) {
        return kind(Kind.CHUNK_COUNT_OFF).amount(delta);
    }

    /** GET lists: whatever {@code offset} is asked, the first page (offset 0, {@code next} forward) is served. */
    public Lie pagingStuck() {
        return kind(Kind.PAGING_STUCK);
    }

    /** {@code meta.paging.totalSize} = items sent on this page minus {@code k}. */
    public Lie totalSizeSmallerBy(int k) {
        return kind(Kind.TOTAL_SIZE_SMALLER).amount(k);
    }

    /** The honest body, one byte every {@code perByte} (declared length honest). */
    public Lie trickle(Duration perByte) {
        kind(Kind.TRICKLE);
        this.interval = Objects.requireNonNull(perByte);
        return this;
    }

    /** The honest body without its last byte, then whitespace every {@link #NEVER_ENDING_INTERVAL}, never closed. */
    public Lie neverEnding() {
        return neverEnding(NEVER_ENDING_INTERVAL);
    }

    /** Like {@link #neverEnding()} with this pause between writes. */
    public Lie neverEnding(Duration every) {
        kind(Kind.NEVER_ENDING);
        this.interval = Objects.requireNonNull(every);
        return this;
    }

    /** Sets the value at a JSON pointer (creating the field if its parent exists) to this raw JSON, e.g. {@code "\"x\""}. */
    public Lie field(String jsonPointer, String rawJson) {
        kind(Kind.SET_FIELD);
        this.pointer = jsonPointer;
        try {
            this.value = Json.MAPPER.readTree(rawJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + rawJson, e);
        }
        return this;
    }

    /** Removes the field at a JSON pointer, e.g. {@code "/task/result"}. */
    public Lie withoutField(String jsonPointer) {
        kind(Kind.DROP_FIELD);
        this.pointer = jsonPointer;
        return this;
    }

    /** The id at a JSON pointer becomes another id of the same shape (its last character changed). */
    public Lie otherId(String jsonPointer) {
        kind(Kind.OTHER_ID);
        this.pointer = jsonPointer;
        return this;
    }

    /** Answers {@code status} (429, 503…) with this Retry-After value verbatim; the request is not processed. */
    public Lie retryAfter(int status, String value) {
        kind(Kind.RETRY_AFTER);
        this.status = status;
        this.retryAfter = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Seeded random corruption: each matching JSON answer is mutated with this probability (one change: drop a field,
     * change a type, null a value, truncate an array, duplicate an element, swap a value for another of the same type).
     * The draw depends only on the seed, the request (method, path with task ids normalised, query) and how often this
     * lie saw that request, so the same test run gets the same mutations.
     */
    public Lie corrupt(long seed, double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
        kind(Kind.CORRUPT);
        this.seed = seed;
        this.probability = probability;
        return this;
    }

    /** A name for {@link JournalEntry#lieApplied()} and {@link Lies#fired()}; defaults to a description. */
    public Lie named(String n) {
        this.name = n;
        return this;
    }

    private Lie kind(Kind k) {
        if (this.kind != null) {
            throw new IllegalStateException("a lie tells one thing; already " + this.kind);
        }
        this.kind = k;
        return this;
    }

    private Lie amount(int n) {
        this.amount = n;
        return this;
    }

    public String method() { return selector.method; }
    public String pathRegex() { return selector.path.pattern(); }
    public Kind kind() { return kind; }
    Duration interval() { return interval; }
    int status() { return status; }
    String retryAfterValue() { return retryAfter; }

    public String name() {
        return name != null ? name : kind.name().toLowerCase(Locale.ROOT) + " " + selector;
    }

    /** How many answers the lie changed. */
    public synchronized int firedCount() {
        return selector.fired();
    }

    /** A fresh copy (no counts), so one options instance can start many simulators. */
    synchronized Lie copy() {
        Lie c = new Lie(selector.copy());
        c.kind = kind;
        c.amount = amount;
        c.pointer = pointer;
        c.value = value;
        c.interval = interval;
        c.status = status;
        c.retryAfter = retryAfter;
        c.seed = seed;
        c.probability = probability;
        c.whenPointer = whenPointer;
        c.whenValue = whenValue;
        c.name = name;
        return c;
    }

    boolean decidedBeforeProcessing() {
        return kind == Kind.RETRY_AFTER || kind == Kind.PAGING_STUCK;
    }

    boolean onTheWire() {
        return kind == Kind.TRICKLE || kind == Kind.NEVER_ENDING;
    }

    private boolean requestMatches(String reqMethod, String reqPath) {
        return selector.matches(reqMethod, reqPath);
    }

    private boolean count() {
        return selector.count();
    }

    /** Before the handler runs: whether this (retryAfter / pagingStuck) lie fires on the request. */
    synchronized boolean fireBefore(String reqMethod, String reqPath, String rawQuery) {
        if (kind == null || !decidedBeforeProcessing() || !requestMatches(reqMethod, reqPath)) {
            return false;
        }
        // paging stuck changes only a GET that asks for a later page; other requests do not spend it
        if (kind == Kind.PAGING_STUCK && (!"GET".equals(reqMethod) || !asksLaterPage(rawQuery))) {
            return false;
        }
        return count();
    }

    private static boolean asksLaterPage(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String part : rawQuery.split("&")) {
            if (part.startsWith("offset=")) {
                try {
                    return Integer.parseInt(part.substring("offset=".length())) > 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * After the handler: the mutations this lie makes to the honest answer, applied to {@code served} (a copy of the
     * honest JSON, null for non-JSON answers); null when the lie does not change this answer.
     */
    synchronized List<JsonMutation> fireAfter(String reqMethod, String reqPath, String query, int httpStatus,
                                              JsonNode served, boolean hasBody) {
        if (kind == null || decidedBeforeProcessing() || !requestMatches(reqMethod, reqPath)) {
            return null;
        }
        if (whenPointer != null && (served == null || !whenValue.equals(served.at(whenPointer).asText(null)))) {
            return null;
        }
        if (onTheWire()) {
            return hasBody && count() ? List.of() : null;
        }
        if (served == null || !served.isObject() || httpStatus < 200 || httpStatus > 299) {
            return null;
        }
        List<JsonMutation> changes = new ArrayList<>();
        if (kind == Kind.CORRUPT) {
            String key = reqMethod + " " + normalise(reqPath) + "?" + query;
            int seen = seenByRequest.merge(key, 1, Integer::sum);
            Random rnd = new Random(seed * 31 + key.hashCode() * 1_000_003L + seen);
            if (rnd.nextDouble() >= probability) {
                return null;
            }
            JsonNode trial = served.deepCopy();
            changes.addAll(JsonCorruption.mutate(trial, rnd));
            if (changes.isEmpty() || !count()) {
                return null;
            }
            copyInto(trial, served);
            return changes;
        }
        JsonNode trial = served.deepCopy();
        rewrite(trial, changes);
        if (changes.isEmpty() || !count()) {
            return null;
        }
        copyInto(trial, served);
        return changes;
    }

    private static void copyInto(JsonNode from, JsonNode to) {
        ObjectNode o = (ObjectNode) to;
        o.removeAll();
        o.setAll((ObjectNode) from);
    }

    /** Task, read request and run ids differ between runs; the corruption draw must not depend on them. */
    private static String normalise(String p) {
        return p.replaceAll("(/(?:tasks|readRequests|run|syncTasks|comparisonReportTasks|summaryReportTasks)/)[^/]+", "$1{id}");
    }

    private void rewrite(JsonNode root, List<JsonMutation> changes) {
        switch (kind) {
            case DROP_LAST_CHUNKS: {
                JsonNode chunks = root.get("chunks");
                if (chunks instanceof ArrayNode a && a.size() > 0 && amount > 0) {
                    String before = a.toString();
                    for (int i = 0; i < amount && a.size() > 0; i++) {
                        a.remove(a.size() - 1);
                    }
                    changes.add(new JsonMutation(JsonMutation.Kind.TRUNCATE_ARRAY, "/chunks", before, a.toString()));
                    set(root, "/meta/paging/currentPageSize", Json.MAPPER.getNodeFactory().numberNode(a.size()), changes);
                    set(root, "/meta/paging/totalSize", Json.MAPPER.getNodeFactory().numberNode(a.size()), changes);
                }
                break;
            }
            case CHUNK_IDS_SKIP: {
                JsonNode chunks = root.get("chunks");
                if (chunks instanceof ArrayNode a && a.size() > 1) {
                    for (int i = 1; i < a.size(); i++) {
                        set(root, "/chunks/" + i + "/id", TextNode.valueOf(String.valueOf(i + 1)), changes);
                        set(root, "/chunks/" + i + "/name", TextNode.valueOf("Chunk " + (i + 1)), changes);
                    }
                }
                break;
            }
            case CHUNK_IDS_REPEAT: {
                JsonNode chunks = root.get("chunks");
                if (chunks instanceof ArrayNode a && a.size() == 1) {
                    String before = a.toString();
                    a.add(a.get(0).deepCopy());
                    changes.add(new JsonMutation(JsonMutation.Kind.DUPLICATE_ELEMENT, "/chunks", before, a.toString()));
                } else if (chunks instanceof ArrayNode a && a.size() > 1) {
                    int last = a.size() - 1;
                    set(root, "/chunks/" + last + "/id", a.get(last - 1).get("id").deepCopy(), changes);
                    set(root, "/chunks/" + last + "/name", a.get(last - 1).get("name").deepCopy(), changes);
                }
                break;
            }
            case CHUNK_COUNT_OFF: {
                if (amount == 0) {
                    break;
                }
                JsonNode files = root.get("files");
                if (files != null && files.isArray()) {
                    for (int i = 0; i < files.size(); i++) {
                        shiftChunkCount(root, "/files/" + i, changes);
                    }
                }
                if (root.has("file")) {
                    shiftChunkCount(root, "/file", changes);
                }
                break;
            }
            case TOTAL_SIZE_SMALLER: {
                JsonNode sent = root.at("/meta/paging/currentPageSize");
                if (sent.isNumber()) {
                    set(root, "/meta/paging/totalSize",
                            Json.MAPPER.getNodeFactory().numberNode(Math.max(0, sent.asInt() - amount)), changes);
                }
                break;
            }
            case SET_FIELD:
                set(root, pointer, value.deepCopy(), changes);
                break;
            case DROP_FIELD: {
                JsonPointer p = JsonPointer.compile(pointer);
                JsonNode parent = root.at(p.head());
                String field = p.last().getMatchingProperty();
                if (parent instanceof ObjectNode o && o.has(field)) {
                    changes.add(new JsonMutation(JsonMutation.Kind.DROP_FIELD, pointer, o.remove(field).toString(), null));
                }
                break;
            }
            case OTHER_ID: {
                JsonNode id = root.at(pointer);
                if (id.isTextual() && !id.asText().isEmpty()) {
                    set(root, pointer, TextNode.valueOf(anotherId(id.asText())), changes);
                }
                break;
            }
            default:
                break;
        }
    }

    private void shiftChunkCount(JsonNode root, String filePointer, List<JsonMutation> changes) {
        JsonNode cc = root.at(filePointer + "/chunkCount");
        if (cc.isNumber()) {
            set(root, filePointer + "/chunkCount", Json.MAPPER.getNodeFactory().numberNode(cc.asInt() + amount), changes);
        }
    }

    /** Same length and alphabet: the last character moves on by one (9→0, F→0 in hex ids, z→a). */
    static String anotherId(String id) {
        char c = id.charAt(id.length() - 1);
        char n;
        if (c >= '0' && c <= '8' || c >= 'a' && c <= 'e' || c >= 'A' && c <= 'E') {
            n = (char) (c + 1);
        } else if (c == '9') {
            n = '0';
        } else if (c == 'f' || c == 'F') {
            n = '0';
        } else if (Character.isLetter(c)) {
            n = c == 'z' ? 'a' : c == 'Z' ? 'A' : (char) (c + 1);
        } else {
            return id + "X";
        }
        return id.substring(0, id.length() - 1) + n;
    }

    private static void set(JsonNode root, String ptr, JsonNode v, List<JsonMutation> changes) {
        JsonPointer p = JsonPointer.compile(ptr);
        JsonNode parent = root.at(p.head());
        JsonPointer last = p.last();
        JsonNode before;
        if (parent instanceof ObjectNode o) {
            before = o.get(last.getMatchingProperty());
            o.set(last.getMatchingProperty(), v);
        } else if (parent instanceof ArrayNode a && last.mayMatchElement() && last.getMatchingIndex() < a.size()) {
            before = a.get(last.getMatchingIndex());
            a.set(last.getMatchingIndex(), v);
        } else {
            return;
        }
        if (!v.equals(before)) {
            changes.add(new JsonMutation(JsonMutation.Kind.SET_FIELD, ptr, before == null ? null : before.toString(), v.toString()));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
