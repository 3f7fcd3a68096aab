package io.github.camelanaplan.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** One model: files, actions, the rows its lists/modules hold, and its tasks. Thread-safe. */
public final class SimModel {

    private final String id;
    private final String workspaceId;
    private volatile String name;
    private volatile String activeState;
    private volatile boolean busy;
    private volatile boolean locked;
    private volatile boolean open = true;
    private final SimulatorOptions options;
    private final ContentStore store;

    private final Map<String, SimFile> files = new ConcurrentSkipListMap<>();
    private final Map<String, ActionDef> actions = new ConcurrentSkipListMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, List<SimTask>> tasks = new ConcurrentHashMap<>();
    private final Map<String, SimTask> tasksById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> taskStarts = new ConcurrentHashMap<>();
    private final Map<String, Duration> taskDurations = new ConcurrentHashMap<>();
    private final Set<String> failNext = ConcurrentHashMap.newKeySet();
    private final Map<String, Pattern> rejectPatterns = new ConcurrentHashMap<>();
    final TransactionalData transactional = new TransactionalData();
    final AlmData alm = new AlmData();

    // task queue, guarded by queueLock (used by TaskEngine)
    final Object queueLock = new Object();
    SimTask running;
    final Deque<SimTask> queue = new ArrayDeque<>();

    SimModel(String workspaceId, String id, String name, String activeState, SimulatorOptions options, ContentStore store) {
        this.workspaceId = workspaceId;
        this.id = id;
        this.name = name;
        this.activeState = activeState;
        this.options = options;
        this.store = store;
    }

    public String id() { return id; }
    public String workspaceId() { return workspaceId; }
    public String name() { return name; }

    /** The model's activeState (UNLOCKED, PRODUCTION, LOCKED, ARCHIVED, ...). */
    public String state() { return activeState; }

    public void state(String newState) { this.activeState = Objects.requireNonNull(newState); }

    /** While busy, task starts answer 409 "model or object busy". */
    public void setModelBusy(boolean b) { this.busy = b; }

    /** While locked, task starts answer 423. */
    public void setModelLocked(boolean b) { this.locked = b; }

    public boolean isBusy() { return busy; }
    public boolean isLocked() { return locked; }
    public boolean isOpen() { return open; }
    void open(boolean b) { this.open = b; }

    // ---------------------------------------------------------------- files

    /** Adds an (empty) import data source file. */
    public void addFile(String fileId, String fileName) {
        files.put(fileId, new SimFile(fileId, fileName, false));
    }

    /** Adds a file whose chunks stream generated CSV content of {@code size} bytes (never held in memory). */
    public void addSyntheticFile(String fileId, String fileName, long size, int chunkSize) {
        SimFile f = files.computeIfAbsent(fileId, k -> new SimFile(fileId, fileName, false));
        f.name = fileName;
        f.synthetic(new SyntheticContent(size, chunkSize, fileId.hashCode()));
    }

    /** SHA-256 (hex) of a synthetic file's whole content. */
    public String syntheticFileSha256(String fileId) {
        SimFile f = files.get(fileId);
        if (f == null || f.synthetic() == null) {
            throw new IllegalArgumentException("no synthetic file " + fileId);
        }
        return f.synthetic().sha256();
    }

    /** The file's content as stored (chunks concatenated, decompressed), or null when empty/unknown. */
    public byte[] fileContent(String fileId) {
        SimFile f = files.get(fileId);
        return f == null ? null : f.content();
    }

    /** Number of chunks the file holds (0 for unknown files). */
    public int fileChunkCount(String fileId) {
        SimFile f = files.get(fileId);
        return f == null ? 0 : f.chunkCount();
    }

    /** Replaces a file's content (creating the file if needed); it counts as completely uploaded. */
    public void putFileContent(String fileId, byte[] content) {
        SimFile f = files.computeIfAbsent(fileId, k -> new SimFile(fileId, fileId, fileId.startsWith("116")));
        f.putContent(content, options.fileChunkSize(), store);
    }

    /** Whether the file's upload is complete: all declared chunks present, /complete called, or a single PUT. */
    public boolean fileUploadComplete(String fileId) {
        SimFile f = files.get(fileId);
        return f != null && f.uploadComplete();
    }

    /** Throughput mode: compressed bytes received by chunk PUTs since the last chunkCount POST. */
    public long bytesReceived(String fileId) {
        SimFile f = files.get(fileId);
        return f == null ? 0 : f.bytesReceived.get();
    }

    /** Throughput mode: chunk PUTs received since the last chunkCount POST. */
    public int chunksReceived(String fileId) {
        SimFile f = files.get(fileId);
        return f == null ? 0 : f.chunksReceived.get();
    }

    SimFile file(String fileId) { return files.get(fileId); }

    SimFile fileByName(String fileName) {
        for (SimFile f : files.values()) {
            if (f.name.equals(fileName)) {
                return f;
            }
        }
        return null;
    }

    /** The next unused 113... file id. */
    synchronized String nextFileId() {
        long max = 113000000000L - 1;
        for (String id : files.keySet()) {
            if (id.matches("113\\d{9}")) {
                max = Math.max(max, Long.parseLong(id));
            }
        }
        return String.valueOf(max + 1);
    }

    SimFile createFile(String fileId, String fileName) {
        return files.computeIfAbsent(fileId, k -> new SimFile(fileId, fileName, fileId.startsWith("116")));
    }

    Collection<SimFile> files() { return files.values(); }

    ContentStore store() { return store; }

    SimulatorOptions options() { return options; }

    // ---------------------------------------------------------------- actions

    /** Adds a HIERARCHY_DATA import from a file into a list/module. */
    public void addImport(String importId, String importName, String dataSourceFileId, String targetName) {
        addImport(importId, importName, dataSourceFileId, targetName, "HIERARCHY_DATA");
    }

    /** Adds an import with an explicit importType (HIERARCHY_DATA, MODULE_DATA, ...). */
    public void addImport(String importId, String importName, String dataSourceFileId, String targetName, String importType) {
        actions.put(importId, new ActionDef(ActionKind.IMPORT, importId, importName, dataSourceFileId, targetName, importType, List.of()));
        target(targetName);
    }

    /** Adds an export writing the target's rows (with header) as CSV into the file with the export's id. */
    public void addExport(String exportId, String exportName, String targetName) {
        actions.put(exportId, new ActionDef(ActionKind.EXPORT, exportId, exportName, null, targetName, "TABULAR_MULTI_COLUMN", List.of()));
        target(targetName);
    }

    /** Adds a process running the given actions in order. */
    public void addProcess(String processId, String processName, String... actionIds) {
        actions.put(processId, new ActionDef(ActionKind.PROCESS, processId, processName, null, null, "PROCESS", List.copyOf(Arrays.asList(actionIds))));
    }

    /** Adds an "other" action (DELETE_BY_SELECTION, OPTIMIZER...) without a target. */
    public void addAction(String actionId, String actionName, String actionType) {
        addAction(actionId, actionName, actionType, null);
    }

    /** Adds an "other" action; DELETE_BY_SELECTION clears the target. */
    public void addAction(String actionId, String actionName, String actionType, String targetName) {
        actions.put(actionId, new ActionDef(ActionKind.ACTION, actionId, actionName, null, targetName, actionType, List.of()));
        if (targetName != null) {
            target(targetName);
        }
    }

    ActionDef action(String actionId) { return actions.get(actionId); }

    List<ActionDef> actions(ActionKind kind) {
        List<ActionDef> out = new ArrayList<>();
        for (ActionDef d : actions.values()) {
            if (d.kind == kind) {
                out.add(d);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- rows

    Target target(String targetName) {
        return targets.computeIfAbsent(targetName, Target::new);
    }

    /** Data rows the list/module currently holds (header excluded). */
    public List<List<String>> rows(String targetName) {
        Target t = targets.get(targetName);
        return t == null ? List.of() : t.rows();
    }

    public List<String> headers(String targetName) {
        Target t = targets.get(targetName);
        return t == null ? List.of() : t.headers();
    }

    public void setRows(String targetName, List<String> headers, List<List<String>> rows) {
        target(targetName).set(headers, rows);
    }

    /** Data rows of this import whose raw line matches are rejected (counted failed, written to the dump). */
    public void rejectRowsMatching(String importId, Pattern pattern) {
        if (pattern == null) {
            rejectPatterns.remove(importId);
        } else {
            rejectPatterns.put(importId, pattern);
        }
    }

    Pattern rejectPattern(String importId) { return rejectPatterns.get(importId); }

    // ---------------------------------------------------------------- ALM

    /** Creates a revision tag in this model (ALM); returns its id. */
    public String addRevision(String revisionName, String description) {
        String revId = java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        addRevision(revId, revisionName, description, System.currentTimeMillis());
        return revId;
    }

    /** Adds a revision with a given id and creation time (epoch ms) to this model. */
    public void addRevision(String revisionId, String revisionName, String description, long createdOnMillis) {
        AlmData.Revision r = new AlmData.Revision(revisionId, revisionName, description, createdOnMillis,
                "c1c46795a04d430ca7b0ac0d993a5796", "Revision tag added", id);
        alm.revisions.add(new AlmData.Held(r, createdOnMillis, "c1c46795a04d430ca7b0ac0d993a5796", "Created"));
    }

    /** Applies (as a sync would) a revision of another model to this one. */
    public void applyRevision(SimModel source, String revisionId, long appliedOnMillis) {
        AlmData.Held h = source.alm.find(revisionId);
        if (h == null) {
            throw new IllegalArgumentException("no revision " + revisionId + " in model " + source.id());
        }
        alm.revisions.add(new AlmData.Held(h.revision, appliedOnMillis, "c1c46795a04d430ca7b0ac0d993a5796", "Synchronized"));
    }

    /** Names of the revisions this model holds, oldest first. */
    public List<String> revisionNames() {
        List<String> out = new ArrayList<>();
        alm.revisions.forEach(h -> out.add(h.revision.name));
        return out;
    }

    /** ALM online status (PUT .../onlineStatus). */
    public boolean isOnline() {
        return alm.online;
    }

    // ---------------------------------------------------------------- tasks

    /** Tasks of this action, oldest first. */
    public List<SimTask> tasks(String actionId) {
        return new ArrayList<>(tasks.getOrDefault(actionId, List.of()));
    }

    /** How many tasks of this action were started. */
    public int taskStarts(String actionId) {
        AtomicInteger n = taskStarts.get(actionId);
        return n == null ? 0 : n.get();
    }

    /** Overrides the task duration for one action. */
    public void setTaskDuration(String actionId, Duration d) {
        taskDurations.put(actionId, Objects.requireNonNull(d));
    }

    Duration taskDuration(String actionId) {
        return taskDurations.getOrDefault(actionId, options.taskDuration());
    }

    /** The next task of this action completes with successful=false and a failure dump. */
    public void failNextTask(String actionId) {
        failNext.add(actionId);
    }

    boolean consumeFailNext(String actionId) {
        return failNext.remove(actionId);
    }

    void registerTask(SimTask t) {
        tasks.computeIfAbsent(t.actionId(), k -> new CopyOnWriteArrayList<>()).add(t);
        tasksById.put(t.taskId(), t);
        taskStarts.computeIfAbsent(t.actionId(), k -> new AtomicInteger()).incrementAndGet();
    }

    SimTask task(String actionId, String taskId) {
        SimTask t = tasksById.get(taskId);
        return t != null && t.actionId().equals(actionId) ? t : null;
    }

    /** The running task (for model status), or null. */
    SimTask runningTask() {
        synchronized (queueLock) {
            return running;
        }
    }
}
