package io.github.camelanaplan.component.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.camelanaplan.client.error.AnaplanAuthenticationException;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.component.AnaplanComponent;
import io.github.camelanaplan.component.AnaplanConfiguration;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.component.EngineProbe;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.FaultRule;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimTask;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs one exchange of a flow (upload, upload + import, export + download, process, dump) against a shared simulator
 * with faults injected, in a Camel context of its own (so every run logs in, reads the file list and opens its
 * connection pool afresh), and checks the five invariants of issue 5:
 * <ol>
 * <li>success with the server's content byte-identical to what was sent (or the body to the server's), or a typed
 * {@link AnaplanException} whose message names the step and the cause;</li>
 * <li>no import or process task started on a partially uploaded file;</li>
 * <li>at most one task started per exchange (exactly one when it succeeded);</li>
 * <li>it ended within a bound computed from timeout, retries, backoffs and task time;</li>
 * <li>after the context stopped, no engine thread is alive and no pooled connection is leased.</li>
 * </ol>
 */
final class FaultHarness implements AutoCloseable {

    static final int RETRY_COUNT = 3;
    static final long RETRY_BACKOFF = 10;
    static final long NORMAL_TIMEOUT = 3_000;
    static final long SHORT_TIMEOUT = 300;
    static final Duration SLOW_DELAY = Duration.ofMillis(700);
    /** Long enough that a task is still running at the second status poll, so 'poll 2' is always reached. */
    static final long TASK_MILLIS = 300;
    /** An engine's own pool, the component's Camel-managed pools, the connection evictor. */
    private static final Pattern ENGINE_THREAD = Pattern.compile(
            "anaplan-\\d+-worker-\\d+|Camel \\(.*\\) thread #\\d+ - anaplan-(worker|operation)|idle-connection-evictor.*");
    private static final String WS = Seed.WORKSPACE_ID;
    private static final String MODEL = Seed.MODEL_ID;
    /** The simulator's numbered list "Tickets": adding an item twice shows as two items. */
    static final String TICKETS = "101000000003";

    /** A request of a flow that a fault can hit. */
    record Step(String name, String method, String pathRegex, int occurrence, String messageRegex) {
        FaultRule rule() {
            return FaultRule.on(method, pathRegex).occurrence(occurrence);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The kinds of fault of the matrix (connection refused is run separately: it needs a closed port). */
    enum Kind {
        RESET_BEFORE("reset-before", "(?i)connection reset|failed to respond|closed"),
        RESET_AFTER("reset-after", "(?i)connection reset|failed to respond|closed"),
        HTTP_500("500", "HTTP 500"),
        HTTP_502("502", "HTTP 502"),
        HTTP_503("503", "HTTP 503"),
        HTTP_504("504", "HTTP 504"),
        HTTP_429("429", "HTTP 429"),
        HTTP_429_RETRY_AFTER("429+RA", "HTTP 429"),
        HTTP_401("401", "401"),
        SLOW("slow", "(?i)read timeout|timed out"),
        TRUNCATED_JSON("truncated", "(?i)malformed"),
        HTML_200("html-200", "(?i)malformed|non-JSON|HTML"),
        EMPTY_200("empty-200", "(?i)malformed|empty");

        final String label;
        final String causeRegex;

        Kind(String label, String causeRegex) {
            this.label = label;
            this.causeRegex = causeRegex;
        }

        FaultRule apply(FaultRule rule) {
            switch (this) {
                case RESET_BEFORE:
                    return rule.resetBeforeResponse();
                case RESET_AFTER:
                    return rule.resetAfterProcessing();
                case HTTP_500:
                    return rule.respond(500);
                case HTTP_502:
                    return rule.respond(502);
                case HTTP_503:
                    return rule.respond(503);
                case HTTP_504:
                    return rule.respond(504);
                case HTTP_429:
                    return rule.respond(429);
                case HTTP_429_RETRY_AFTER:
                    return rule.respond(429).retryAfter("1");
                case HTTP_401:
                    return rule.expireToken();
                case SLOW:
                    return rule.delay(SLOW_DELAY);
                case TRUNCATED_JSON:
                    return rule.truncatedJson();
                case HTML_200:
                    return rule.htmlErrorPage();
                default:
                    return rule.emptyBody();
            }
        }
    }

    /** The flows of the matrix and the requests each makes, in order. */
    enum Flow {
        UPLOAD("upload", null),
        UPLOAD_IMPORT("upload+import", Seed.IMPORT_ID),
        EXPORT("export+download", Seed.EXPORT_ID),
        PROCESS("upload+process", Seed.PROCESS_ID),
        DUMP("dump", null),
        ALM_SYNC("alm/sync", null),
        TRANSACTIONAL("tr/addListItems", null);

        final String label;
        final String taskActionId;

        Flow(String label, String taskActionId) {
            this.label = label;
            this.taskActionId = taskActionId;
        }

        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step("auth", "POST", "/token/authenticate", 1, "(?i)authenticat|login"));
            switch (this) {
                case UPLOAD:
                    uploadSteps(steps, 3);
                    steps.add(new Step("/complete", "POST", ".*/files/" + Seed.FILE_ID + "/complete", 1, "complete the upload"));
                    break;
                case UPLOAD_IMPORT:
                    uploadSteps(steps, 3);
                    taskSteps(steps, "imports", Seed.IMPORT_ID, "import");
                    break;
                case PROCESS:
                    uploadSteps(steps, 2);
                    taskSteps(steps, "processes", Seed.PROCESS_ID, "process");
                    break;
                case EXPORT:
                    taskSteps(steps, "exports", Seed.EXPORT_ID, "export");
                    downloadSteps(steps, ".*/files/" + Seed.EXPORT_ID, 3, "chunk list");
                    break;
                case ALM_SYNC:
                    String alm = ".*/models/" + Seed.MODEL2_ID + "/alm";
                    steps.add(new Step("latest revision", "GET", alm + "/latestRevision", 1, "latest revision"));
                    steps.add(new Step("syncable revisions", "GET", alm + "/syncableRevisions", 1, "syncable revisions"));
                    steps.add(new Step("task list", "GET", alm + "/syncTasks", 1, "list syncTasks"));
                    steps.add(new Step("task start", "POST", alm + "/syncTasks", 1, "start ALM sync"));
                    steps.add(new Step("poll 1", "GET", alm + "/syncTasks/[^/]+", 1, "ALM sync task status"));
                    break;
                case TRANSACTIONAL:
                    steps.add(new Step("add items", "POST", ".*/lists/" + TICKETS + "/items", 1, "add list items"));
                    break;
                default:
                    downloadSteps(steps, ".*/imports/" + Seed.IMPORT_ID + "/tasks/[^/]+/dump", 2, "dump chunk list");
                    break;
            }
            return steps;
        }

        private static void uploadSteps(List<Step> steps, int chunks) {
            steps.add(new Step("file list", "GET", ".*/models/" + MODEL + "/files", 1, "list files"));
            steps.add(new Step("chunk count", "POST", ".*/files/" + Seed.FILE_ID, 1, "chunk count"));
            for (int i = 0; i < chunks; i++) {
                steps.add(new Step("PUT chunk " + i, "PUT", ".*/files/" + Seed.FILE_ID + "/chunks/" + i, 1, "chunk " + i + "\\b"));
            }
        }

        private static void taskSteps(List<Step> steps, String collection, String actionId, String label) {
            String tasks = ".*/" + collection + "/" + actionId + "/tasks";
            steps.add(new Step("task list", "GET", tasks, 1, "list tasks"));
            steps.add(new Step("task start", "POST", tasks, 1, "start " + label));
            steps.add(new Step("poll 1", "GET", tasks + "/[^/]+", 1, "task status"));
            steps.add(new Step("poll 2", "GET", tasks + "/[^/]+", 2, "task status"));
        }

        private static void downloadSteps(List<Step> steps, String base, int chunks, String listName) {
            steps.add(new Step(listName, "GET", base + "/chunks", 1, "list the chunks"));
            for (int i = 0; i < chunks; i++) {
                steps.add(new Step((listName.startsWith("dump") ? "dump " : "") + "GET chunk " + i, "GET",
                        base + "/chunks/" + i, 1, "chunk " + i + "\\b"));
            }
        }
    }

    /** What one run did and which invariants it broke (none: it passed). */
    record Outcome(String description, boolean success, Throwable failure, long elapsedMillis, long boundMillis,
                   int tasksStarted, int faultsFired, List<String> violations) {
        boolean passed() {
            return violations.isEmpty();
        }

        @Override
        public String toString() {
            return description + ": " + (success ? "success" : "failed with " + failure) + " in " + elapsedMillis
                   + " ms (bound " + boundMillis + "), tasks " + tasksStarted + ", faults fired " + faultsFired
                   + (violations.isEmpty() ? "" : ", VIOLATIONS " + violations);
        }
    }

    /** How a run is set up: the faults, and the knobs they need. */
    static final class Run {
        final String description;
        final Flow flow;
        final List<FaultRule> rules = new ArrayList<>();
        long timeout = NORMAL_TIMEOUT;
        String authUrl;
        String apiUrl;
        /** Null: success or a typed failure are both fine; otherwise the outcome that must happen. */
        Boolean expectSuccess;
        /** Extra time the faults may legitimately cost (Retry-After). */
        long extraMillis;
        /** Requests that may be attempted in vain before the exchange ends. */
        int wastedAttempts = 2;
        /** Task starts whose unknown outcome may be settled by reading the task list for up to twice the timeout. */
        int settledStarts;
        /** A step whose name and the cause must be in a failure's message. */
        Step step;
        Kind kind;

        Run(String description, Flow flow) {
            this.description = description;
            this.flow = flow;
        }
    }

    private final AnaplanSimulator sim;
    private final Map<Flow, Long> baselineMillis = new ConcurrentHashMap<>();
    private final String exportRowsHeader = "Name,Code,Department,Email";
    private List<List<String>> exportRows;
    private String dumpTaskId;
    private byte[] dumpContent;
    private int runs;

    FaultHarness() {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults()
                .taskDuration(Duration.ofMillis(TASK_MILLIS))
                .fileChunkSize(1_000_000)
                .dumpChunkSize(40_000));
    }

    AnaplanSimulator sim() {
        return sim;
    }

    SimModel model() {
        return sim.tenant().model(MODEL);
    }

    /** Prepares the export rows and the dump the flows read, and measures each flow once without faults. */
    FaultHarness prepare() {
        exportRows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            exportRows.add(List.of("Exported " + i, "X" + i, "Dept " + (i % 7), "x" + i + "@example.com"));
        }
        // an import with rejected rows leaves a failure dump of a few chunks for the dump flow
        model().rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("reject"));
        StringBuilder csv = new StringBuilder(exportRowsHeader).append('\n');
        for (int i = 0; i < 2_000; i++) {
            csv.append("Rejected ").append(i).append(",R").append(i).append(",reject me,r").append(i).append("@example.com\n");
        }
        Exchange imported = send(new Run("setup", Flow.UPLOAD_IMPORT), "anaplan:import?actionId=" + Seed.IMPORT_ID
                                                                       + "&fileId=" + Seed.FILE_ID, csv.toString());
        if (imported.getException() != null) {
            throw new IllegalStateException("setup import failed", imported.getException());
        }
        model().rejectRowsMatching(Seed.IMPORT_ID, null);
        dumpTaskId = imported.getMessage().getHeader(AnaplanConstants.TASK_ID, String.class);
        Exchange dump = send(new Run("setup", Flow.DUMP), dumpUri(), null);
        if (dump.getException() != null) {
            throw new IllegalStateException("setup dump failed", dump.getException());
        }
        dumpContent = dump.getMessage().getBody(byte[].class);
        if (dumpContent == null || dumpContent.length < 80_001) {
            throw new IllegalStateException("the dump should span several chunks, has " + (dumpContent == null ? 0 : dumpContent.length));
        }
        for (Flow flow : Flow.values()) {
            Outcome clean = run(new Run("baseline " + flow.label, flow));
            if (!clean.passed() || !clean.success()) {
                throw new IllegalStateException("a clean run must pass: " + clean, clean.failure());
            }
            // second run: warm
            clean = run(new Run("baseline " + flow.label, flow));
            baselineMillis.put(flow, clean.elapsedMillis());
        }
        return this;
    }

    private String dumpUri() {
        return "anaplan:dump?actionId=" + Seed.IMPORT_ID + "&taskId=" + dumpTaskId + "&streaming=false";
    }

    long baseline(Flow flow) {
        return baselineMillis.getOrDefault(flow, 1000L);
    }

    /** A run with one fault of {@code kind} on {@code step}, once ({@code persistent=false}) or every time. */
    Run cell(Flow flow, Step step, Kind kind, boolean persistent) {
        Run run = new Run(flow.label + " / " + step.name() + " / " + kind.label + (persistent ? " (always)" : ""), flow);
        FaultRule rule = kind.apply(step.rule());
        run.rules.add(persistent ? rule.always() : rule.times(1));
        run.step = step;
        run.kind = kind;
        if (kind == Kind.SLOW) {
            run.timeout = SHORT_TIMEOUT;
        }
        boolean taskStart = step.name().equals("task start");
        int attempts = persistent ? (RETRY_COUNT + 2) * (taskStart ? 4 : 1) : 2;
        run.settledStarts = taskStart ? (persistent ? 4 : 1) : 0;
        run.wastedAttempts = attempts;
        if (kind == Kind.HTTP_429_RETRY_AFTER) {
            run.extraMillis = 1_000L * attempts;
        }
        if (!persistent) {
            run.expectSuccess = expectation(flow, step, kind);
        }
        return run;
    }

    /**
     * What a single fault of {@code kind} on {@code step} must end in: success (retries, token renewal and the task-list
     * check absorb it), a failure, or either (null).
     */
    static Boolean expectation(Flow flow, Step step, Kind kind) {
        if (kind == Kind.HTTP_401 && step.name().equals("auth")) {
            return false; // a rejected login is final
        }
        boolean unknownOutcome = kind == Kind.RESET_BEFORE || kind == Kind.RESET_AFTER || kind == Kind.SLOW
                                 || kind == Kind.TRUNCATED_JSON || kind == Kind.HTML_200 || kind == Kind.EMPTY_200;
        boolean gatewayError = kind == Kind.HTTP_500 || kind == Kind.HTTP_502 || kind == Kind.HTTP_504;
        if (flow == Flow.TRANSACTIONAL && step.name().equals("add items") && (unknownOutcome || gatewayError)) {
            // adding list items is not idempotent: after an unknown outcome or a gateway error (the server may have
            // acted) it is never sent again
            return false;
        }
        if (step.name().equals("chunk count") && kind == Kind.SLOW) {
            // a chunk-count POST that may still land after the chunks is never re-sent: the upload fails whole
            return false;
        }
        if (flow == Flow.ALM_SYNC && step.name().equals("task start")
            && (unknownOutcome || gatewayError)) {
            return null; // settled by one look at the task list, never sent again: succeeds only if the server acted
        }
        return true;
    }

    /** A run that cannot connect: to the auth service ({@code auth=true}) or to the API. */
    Run refused(Flow flow, boolean auth) {
        Run run = new Run(flow.label + " / " + (auth ? "auth" : "first API call") + " / refused", flow);
        int closedPort = closedPort();
        if (auth) {
            run.authUrl = "http://127.0.0.1:" + closedPort;
        } else {
            run.apiUrl = "http://127.0.0.1:" + closedPort + "/2/0";
        }
        run.expectSuccess = false;
        run.wastedAttempts = RETRY_COUNT + 1;
        run.step = auth ? flow.steps().get(0)
                : new Step("first API call", "*", ".*", 1, "(?i)list|start|set the chunk count|revision");
        return run;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Upper bound of a run's duration: the clean flow, the attempts its faults may waste, backoffs, Retry-After, task time. */
    long bound(Run run) {
        long backoffs = 0;
        for (int i = 0; i < RETRY_COUNT; i++) {
            backoffs += RETRY_BACKOFF << i;
        }
        long perAttempt = run.timeout == SHORT_TIMEOUT ? run.timeout + 50 : 250;
        // a task start whose outcome is unknown is looked for in the task list for up to twice the timeout
        long settle = run.settledStarts * (2 * run.timeout + 500);
        return 3 * baseline(run.flow) + 5_000 + (long) run.wastedAttempts * (perAttempt + backoffs) + run.extraMillis
               + settle + 4 * TASK_MILLIS;
    }

    /** Runs one exchange with the run's faults and checks every invariant. */
    Outcome run(Run run) {
        runs++;
        Flow flow = run.flow;
        String marker = "r" + runs;
        byte[] body = null;
        String uri;
        int rows = 0;
        switch (flow) {
            case UPLOAD:
                rows = 50_000;
                body = csv(rows, marker);
                uri = "anaplan:upload?fileId=" + Seed.FILE_ID + "&uploadParallelism=2";
                break;
            case UPLOAD_IMPORT:
                rows = 50_000;
                body = csv(rows, marker);
                model().setRows(Seed.EMPLOYEES, List.of(exportRowsHeader.split(",")), List.of());
                uri = "anaplan:import?actionId=" + Seed.IMPORT_ID + "&fileId=" + Seed.FILE_ID + "&uploadParallelism=2";
                break;
            case PROCESS:
                rows = 30_000;
                body = csv(rows, marker);
                model().setRows(Seed.EMPLOYEES, List.of(exportRowsHeader.split(",")), List.of());
                uri = "anaplan:process?actionId=" + Seed.PROCESS_ID + "&fileId=" + Seed.FILE_ID + "&uploadParallelism=2";
                break;
            case EXPORT:
                model().setRows(Seed.EMPLOYEES, List.of(exportRowsHeader.split(",")), exportRows);
                uri = "anaplan:export?actionId=" + Seed.EXPORT_ID + "&streaming=false";
                break;
            case ALM_SYNC:
                model().addRevision("Release " + marker, "fault matrix run " + marker);
                uri = "anaplan:alm/sync?modelId=" + Seed.MODEL2_ID + "&sourceModelId=" + MODEL;
                break;
            case TRANSACTIONAL:
                uri = "anaplan:transactional/addListItems?listId=" + TICKETS;
                break;
            default:
                uri = dumpUri();
                break;
        }
        int revisionsBefore = sim.tenant().model(Seed.MODEL2_ID).revisionNames().size();
        String action = flow.taskActionId;
        int tasksBefore = action == null ? 0 : model().tasks(action).size();
        int importTasksBefore = model().tasks(Seed.IMPORT_ID).size();
        sim.faults().clear();
        sim.journal().clear();
        run.rules.forEach(sim.faults()::add);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

        long bound = bound(run);
        List<String> violations = new ArrayList<>();
        CamelContext context = context(run);
        List<AnaplanClient> clients = new ArrayList<>();
        Exchange exchange = null;
        long elapsed;
        long start = System.nanoTime();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            Object payload = flow == Flow.UPLOAD ? new ByteArrayInputStream(body)
                    : flow == Flow.TRANSACTIONAL ? tickets(marker) : body == null ? null : new String(body, StandardCharsets.UTF_8);
            Future<Exchange> pending = template.asyncSend(uri, e -> e.getMessage().setBody(payload));
            try {
                exchange = pending.get(bound + 15_000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException hang) {
                violations.add("(4) HANG: no answer within " + (bound + 15_000) + " ms");
            } catch (Exception e) {
                violations.add("exchange could not be run: " + e);
            }
            elapsed = (System.nanoTime() - start) / 1_000_000;
            clients.addAll(EngineProbe.clients(context));
            for (AnaplanClient client : clients) {
                if (!awaitNoLease(client, 1_000)) {
                    violations.add("(5) a pooled connection is still leased after the exchange ended: "
                                   + client.transport().poolStats());
                }
            }
        } finally {
            context.stop();
        }
        if (run.rules.stream().anyMatch(r -> r.action() == FaultRule.Action.DELAY)) {
            // a delayed request the client gave up on still lands on the server later: let it, then look
            sleep(SLOW_DELAY.toMillis() + 300);
        }
        if (flow == Flow.ALM_SYNC && (exchange == null || exchange.getException() != null)) {
            // an ALM task cannot be cancelled: one this exchange started goes on and applies its revision later;
            // let it finish so it is counted here, not in the next run
            sleep(2 * TASK_MILLIS + 300);
        }
        int fired = sim.faults().firedCount();
        sim.faults().clear();
        boolean success = exchange != null && exchange.getException() == null;
        Throwable failure = exchange == null ? null : exchange.getException();

        // (1) outcome
        if (exchange != null) {
            if (success) {
                checkContent(flow, exchange, body, rows, marker, violations);
            } else if (!(failure instanceof AnaplanException)) {
                violations.add("(1) failure is not a typed AnaplanException: " + failure);
            } else if (run.step != null) {
                String message = String.valueOf(failure.getMessage());
                String stepRegex = run.step.messageRegex();
                if (run.kind == Kind.HTTP_401 && run.step.name().contains("GET chunk")) {
                    // a revoked token fails every chunk in flight: the stream reports the first in reading order
                    stepRegex = "chunk \\d+\\b";
                }
                if (!Pattern.compile(stepRegex).matcher(message).find()) {
                    violations.add("(1) failure message does not name the step '" + run.step.name() + "': " + message);
                }
                String cause = run.kind != null ? run.kind.causeRegex : "could not connect";
                if (!Pattern.compile(cause).matcher(message).find()) {
                    violations.add("(1) failure message does not name the cause /" + cause + "/: " + message);
                }
            }
            if (run.expectSuccess != null && run.expectSuccess != success) {
                violations.add("expected " + (run.expectSuccess ? "success" : "a failure") + " but got "
                               + (success ? "success" : failure));
            }
            if (Boolean.FALSE.equals(run.expectSuccess) && run.step != null && run.step.name().equals("auth")
                && run.kind == Kind.HTTP_401 && !(failure instanceof AnaplanAuthenticationException)) {
                violations.add("(1) a rejected login must raise AnaplanAuthenticationException: " + failure);
            }
        }
        // (2) and (3): tasks of this run
        int started = 0;
        if (action != null) {
            List<SimTask> tasks = model().tasks(action);
            List<SimTask> mine = tasks.subList(Math.min(tasksBefore, tasks.size()), tasks.size());
            started = mine.size();
            for (SimTask task : mine) {
                if (!task.dataSourceCompleteAtStart()) {
                    violations.add("(2) task " + task.taskId() + " started on a partially uploaded file");
                }
            }
            if (started > 1) {
                violations.add("(3) " + started + " tasks started by one exchange");
            }
            if (success && started != 1) {
                violations.add("(3) a successful exchange started " + started + " tasks");
            }
        } else if (flow == Flow.ALM_SYNC) {
            started = sim.tenant().model(Seed.MODEL2_ID).revisionNames().size() - revisionsBefore;
            if (started > 1) {
                violations.add("(3) " + started + " syncs applied by one exchange");
            }
            if (success && started != 1) {
                violations.add("(3) a successful sync applied " + started + " revisions");
            }
        } else if (flow == Flow.TRANSACTIONAL) {
            long added = ticketsNamed(marker);
            if (added > 3) {
                violations.add("(3) " + added + " list items arrived for 3 sent: an add was sent twice");
            }
            if (success && added != 3) {
                violations.add("(1) " + added + " list items arrived, 3 sent");
            }
        } else if (model().tasks(Seed.IMPORT_ID).size() != importTasksBefore) {
            violations.add("(3) a task was started by a flow that runs none");
        }
        // (4) bound
        if (elapsed > bound) {
            violations.add("(4) took " + elapsed + " ms, over the bound of " + bound + " ms");
        }
        // (5) threads and pool after the context stopped
        for (AnaplanClient client : clients) {
            if (!client.isClosed()) {
                violations.add("(5) the client is still open after the context stopped");
            }
        }
        List<String> leftThreads = awaitEngineThreadsGone(threadsBefore, 3_000);
        if (!leftThreads.isEmpty()) {
            violations.add("(5) engine threads alive after the context stopped: " + leftThreads);
        }
        if (!run.rules.isEmpty() && fired == 0) {
            violations.add("the fault never fired: the step was not reached");
        }
        return new Outcome(run.description, success, failure, elapsed, bound, started, fired, violations);
    }

    private void checkContent(Flow flow, Exchange exchange, byte[] body, int rows, String marker, List<String> violations) {
        switch (flow) {
            case UPLOAD:
            case UPLOAD_IMPORT:
            case PROCESS:
                byte[] stored = model().fileContent(Seed.FILE_ID);
                if (!Arrays.equals(stored, body)) {
                    violations.add("(1) the server's file differs from what was sent (" + (stored == null ? 0 : stored.length)
                                   + " bytes stored, " + body.length + " sent)");
                }
                if (flow != Flow.UPLOAD) {
                    List<List<String>> imported = model().rows(Seed.EMPLOYEES);
                    if (imported.size() != rows || !imported.get(0).get(0).endsWith(" " + marker)) {
                        violations.add("(1) " + imported.size() + " rows arrived, expected " + rows + " of this run");
                    }
                    TaskResult result = exchange.getMessage().getBody(TaskResult.class);
                    if (result == null || !result.isSuccessful()) {
                        violations.add("(1) the task result is not successful: " + result);
                    }
                }
                break;
            case EXPORT:
                byte[] exported = model().fileContent(Seed.EXPORT_ID);
                byte[] received = exchange.getMessage().getBody(byte[].class);
                if (!Arrays.equals(exported, received)) {
                    violations.add("(1) the downloaded export differs from the server's file ("
                                   + (received == null ? 0 : received.length) + " bytes vs " + exported.length + ")");
                }
                break;
            case ALM_SYNC:
            case TRANSACTIONAL:
                break; // checked with the tasks: what arrived, and only once
            default:
                byte[] dump = exchange.getMessage().getBody(byte[].class);
                if (!Arrays.equals(dumpContent, dump)) {
                    violations.add("(1) the downloaded dump differs from the server's (" + (dump == null ? 0 : dump.length)
                                   + " bytes vs " + dumpContent.length + ")");
                }
                break;
        }
    }

    private static List<Map<String, String>> tickets(String marker) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // a numbered list names its items #n: the code carries the run's marker
            items.add(Map.of("name", "Ticket " + marker + " " + i, "code", "T-" + marker + "-" + i));
        }
        return items;
    }

    /** Items of the Tickets list added by the run with this marker, read back without faults. */
    private long ticketsNamed(String marker) {
        Exchange read = send(new Run("read tickets", Flow.TRANSACTIONAL),
                "anaplan:transactional/listItems?format=json&listId=" + TICKETS, null);
        if (read.getException() != null) {
            throw new IllegalStateException("reading the list items back failed", read.getException());
        }
        List<?> items = read.getMessage().getBody(List.class);
        return items.stream().map(i -> ((io.github.camelanaplan.client.transactional.ListItem) i).code())
                .filter(code -> code != null && code.startsWith("T-" + marker + "-")).count();
    }

    /** Sends one body to a URI in a context of its own, without checks (setup). */
    private Exchange send(Run run, String uri, Object body) {
        CamelContext context = context(run);
        try {
            return context.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body));
        } finally {
            context.stop();
        }
    }

    CamelContext context(Run run) {
        return context(run, c -> {
        });
    }

    CamelContext context(Run run, Consumer<AnaplanConfiguration> customizer) {
        CamelContext context = new DefaultCamelContext();
        AnaplanComponent component = new AnaplanComponent();
        AnaplanConfiguration c = component.getConfiguration();
        c.setAuthUrl(run.authUrl != null ? run.authUrl : sim.authUrl());
        c.setApiUrl(run.apiUrl != null ? run.apiUrl : sim.apiUrl());
        c.setOauthUrl(sim.oauthUrl());
        c.setUsername(Seed.USERNAME);
        c.setPassword(Seed.PASSWORD);
        c.setWorkspaceId(WS);
        c.setModelId(MODEL);
        c.setTimeout(run.timeout);
        c.setRetryCount(RETRY_COUNT);
        c.setRetryBackoff(RETRY_BACKOFF);
        c.setStatusPollDelay(50);
        c.setMaxStatusPollDelay(200);
        c.setTaskTimeout(20_000);
        c.setUploadChunkSize(1_000_000);
        customizer.accept(c);
        context.addComponent("anaplan", component);
        context.start();
        return context;
    }

    /** A CSV of {@code rows} employees whose names end with the run's marker. */
    static byte[] csv(int rows, String marker) {
        StringBuilder csv = new StringBuilder(rows * 48).append("Name,Code,Department,Email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Employee ").append(i).append(' ').append(marker).append(",E").append(i).append(",Dept ")
                    .append(i % 7).append(",e").append(i).append("@example.com\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static boolean awaitNoLease(AnaplanClient client, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            try {
                if (client.transport().poolStats().getLeased() == 0) {
                    return true;
                }
            } catch (RuntimeException closed) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(10);
        }
    }

    /** Names of engine threads started since {@code before} that are still alive after waiting up to {@code millis}. */
    static List<String> awaitEngineThreadsGone(Set<Thread> before, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            List<String> alive = new ArrayList<>();
            Set<Thread> known = new HashSet<>(before);
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (!known.contains(thread) && thread.isAlive() && ENGINE_THREAD.matcher(thread.getName()).matches()) {
                    alive.add(thread.getName());
                }
            }
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }

    /** Cells and passes per row and column label, printed as a table. */
    static final class Summary {
        private final String title;
        private final Map<String, Map<String, int[]>> cells = new LinkedHashMap<>();
        private final List<String> columns = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private long totalMillis;

        Summary(String title) {
            this.title = title;
        }

        synchronized void add(String row, String column, Outcome outcome) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
            int[] counts = cells.computeIfAbsent(row, k -> new LinkedHashMap<>()).computeIfAbsent(column, k -> new int[3]);
            counts[0]++;
            if (outcome.passed()) {
                counts[1]++;
            } else {
                failures.add("FAILED " + outcome);
            }
            if (outcome.success()) {
                counts[2]++;
            }
            totalMillis += outcome.elapsedMillis();
        }

        synchronized String render() {
            StringBuilder out = new StringBuilder();
            int total = 0;
            int passed = 0;
            int succeeded = 0;
            for (Map<String, int[]> row : cells.values()) {
                for (int[] c : row.values()) {
                    total += c[0];
                    passed += c[1];
                    succeeded += c[2];
                }
            }
            out.append("\n=== ").append(title).append(": ").append(passed).append(" of ").append(total)
                    .append(" cells pass")
                    .append(" (").append(succeeded).append(" exchanges succeeded, the rest failed typed); ")
                    .append(totalMillis).append(" ms of exchanges ===\n");
            out.append("cell = passes/cells\n");
            out.append(String.format("%-18s", "flow \\ fault"));
            for (String column : columns) {
                out.append(String.format("%13s", column));
            }
            out.append('\n');
            for (Map.Entry<String, Map<String, int[]>> row : cells.entrySet()) {
                out.append(String.format("%-18s", row.getKey()));
                for (String column : columns) {
                    int[] c = row.getValue().get(column);
                    out.append(String.format("%13s", c == null ? "-" : c[1] + "/" + c[0]));
                }
                out.append('\n');
            }
            failures.forEach(f -> out.append(f).append('\n'));
            return out.toString();
        }
    }
}
