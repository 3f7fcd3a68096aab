package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.camelanaplan.client.alm.Revision;
import io.github.camelanaplan.client.audit.AuditEvent;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimPeek;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumersTest extends AnaplanTestSupport {

    private static final String REVENUE = "102000000001";
    private static final String REGIONS = "101000000001";

    private final MemoryStateRepository repo = new MemoryStateRepository();

    @Override
    protected SimulatorOptions simulatorOptions() {
        return super.simulatorOptions().readRequestPageRows(50);
    }

    private void route(String id, String from, String to) throws Exception {
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(id).convertBodyTo(String.class).to(to);
            }
        });
    }

    /** Waits until the condition holds, then until n more requests matching the path were made (more polls). */
    private void awaitPolls(String method, String path, int more) {
        int now = sim.journal().count(method, path);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().count(method, path) >= now + more);
    }

    private static void awaitCount(MockEndpoint mock, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() >= n);
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }

    @Test
    void exportConsumerWithOnlyChangedEmitsOnlyNewContentAndNotAgainAfterARestart() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:export");
        route("export", "anaplan:export?actionId=" + Seed.EXPORT_ID + "&onlyChanged=true&delay=50&stateRepository=#repo",
                "mock:export");
        awaitCount(mock, 1);
        awaitPolls("POST", ".*/exports/" + Seed.EXPORT_ID + "/tasks", 3);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(AnaplanConstants.TASK_STATE)).isEqualTo("COMPLETE");

        model().setRows(Seed.EMPLOYEES, List.of("Name", "Code", "Department", "Email"),
                List.of(List.of("Zoe Quinn", "E099", "Legal", "zoe@example.com")));
        awaitCount(mock, 2);
        assertThat(mock.getExchanges().get(1).getMessage().getBody(String.class)).contains("Zoe Quinn");
        awaitPolls("POST", ".*/exports/" + Seed.EXPORT_ID + "/tasks", 2);
        assertThat(mock.getReceivedCounter()).isEqualTo(2);

        // a restart (the same route, new consumer, same state repository) does not emit the same content again
        context.getRouteController().stopRoute("export");
        context.removeRoute("export");
        route("export", "anaplan:export?actionId=" + Seed.EXPORT_ID + "&onlyChanged=true&delay=50&initialDelay=10"
                        + "&stateRepository=#repo", "mock:restarted");
        awaitPolls("POST", ".*/exports/" + Seed.EXPORT_ID + "/tasks", 3);
        assertThat(getMockEndpoint("mock:restarted").getReceivedCounter()).isZero();

        // another route reading the same export through the same repository keeps its own hash: it emits once
        MockEndpoint copy = getMockEndpoint("mock:copy");
        route("export-copy", "anaplan:export?actionId=" + Seed.EXPORT_ID + "&onlyChanged=true&delay=60&initialDelay=10"
                             + "&stateRepository=#repo", "mock:copy");
        awaitCount(copy, 1);
        awaitPolls("POST", ".*/exports/" + Seed.EXPORT_ID + "/tasks", 3);
        assertThat(copy.getReceivedCounter()).isEqualTo(1);
        assertThat(copy.getExchanges().get(0).getMessage().getBody(String.class)).contains("Zoe Quinn");
        assertThat(copy.getExchanges().get(0).getMessage().getHeader(AnaplanConstants.CHUNK_COUNT)).isEqualTo(1);
        assertThat(copy.getExchanges().get(0).getMessage().getHeader(AnaplanConstants.MODEL_ID)).isNull();
        assertThat(getMockEndpoint("mock:restarted").getReceivedCounter()).isZero();
    }

    @Test
    void exportConsumerWithoutOnlyChangedEmitsEachPoll() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:every");
        route("every", "anaplan:export?actionId=" + Seed.EXPORT_ID + "&delay=50", "mock:every");
        awaitCount(mock, 3);
        assertThat(mock.getExchanges().get(2).getMessage().getBody(String.class)).startsWith("Name,Code");
    }

    @Test
    void revisionConsumerEmitsANewRevisionOnceAndNothingAgainAfterARestart() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:rev");
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?delay=50&stateRepository=#repo").routeId("rev").to("mock:rev");
            }
        });
        awaitPolls("GET", ".*/alm/revisions", 2);
        assertThat(mock.getReceivedCounter()).as("existing revisions are not emitted").isZero();
        model().addRevision("Release 3.0", "Planning v3");
        awaitCount(mock, 1);
        assertThat(mock.getExchanges().get(0).getMessage().getBody(Revision.class).name()).isEqualTo("Release 3.0");
        awaitPolls("GET", ".*/alm/revisions", 3);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);

        // a restart of the same route (the cursor is kept per route): nothing again, and what came meanwhile once
        context.getRouteController().stopRoute("rev");
        model().addRevision("Release 3.0.1", "while stopped");
        context.getRouteController().startRoute("rev");
        awaitCount(mock, 2);
        awaitPolls("GET", ".*/alm/revisions", 3);
        assertThat(mock.getReceivedCounter()).as("nothing again after a restart").isEqualTo(2);
        assertThat(mock.getExchanges().get(1).getMessage().getBody(Revision.class).name()).isEqualTo("Release 3.0.1");
        model().addRevision("Release 3.1", "");
        awaitCount(mock, 3);
        assertThat(mock.getExchanges().get(2).getMessage().getBody(Revision.class).name()).isEqualTo("Release 3.1");
    }

    @Test
    void twoRevisionRoutesOnOneModelEachEmitEveryRevisionOnceAlsoAcrossARestartOfOne() throws Exception {
        context.getRegistry().bind("repo", repo);
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=50&stateRepository=#repo").routeId("rev-a")
                        .to("mock:a");
                from("anaplan:alm/revisions?emitExisting=true&delay=70&stateRepository=#repo").routeId("rev-b")
                        .to("mock:b");
            }
        };
        context.addRoutes(routes);
        MockEndpoint a = getMockEndpoint("mock:a");
        MockEndpoint b = getMockEndpoint("mock:b");
        awaitCount(a, 2);
        awaitCount(b, 2);
        model().addRevision("Release 4.0", "");
        awaitCount(a, 3);
        awaitCount(b, 3);

        context.getRouteController().stopRoute("rev-b");
        context.removeRoute("rev-b");
        model().addRevision("Release 4.1", "while b is stopped");
        awaitCount(a, 4);
        // a new consumer of the same route (removing the route removed mock:b too: the new one counts afresh)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=70&initialDelay=5&stateRepository=#repo")
                        .routeId("rev-b").to("mock:b-restarted");
            }
        });
        MockEndpoint restarted = getMockEndpoint("mock:b-restarted");
        awaitCount(restarted, 1);
        model().addRevision("Release 4.2", "");
        awaitCount(a, 5);
        awaitCount(restarted, 2);
        awaitPolls("GET", ".*/alm/revisions", 4);
        assertThat(a.getExchanges()).extracting(e -> e.getMessage().getBody(Revision.class).name())
                .containsExactly("Release 1.0", "Release 1.1", "Release 4.0", "Release 4.1", "Release 4.2");
        assertThat(b.getExchanges()).extracting(e -> e.getMessage().getBody(Revision.class).name())
                .containsExactly("Release 1.0", "Release 1.1", "Release 4.0");
        assertThat(restarted.getExchanges()).extracting(e -> e.getMessage().getBody(Revision.class).name())
                .containsExactly("Release 4.1", "Release 4.2");
        assertThat(repo.getState("anaplan:alm/revisions|route:rev-a|modelId:" + Seed.MODEL_ID)).startsWith("{\"v\":1,");
        assertThat(repo.getState("anaplan:alm/revisions|route:rev-b|modelId:" + Seed.MODEL_ID)).startsWith("{\"v\":1,");
    }

    @Test
    void aRevisionCursorStoredByAnOlderVersionIsTakenOverOnceSoNothingIsEmittedAgain() throws Exception {
        List<Revision> existing = template.requestBody("anaplan:alm/revisions", null, List.class);
        Revision newest = existing.stream().max(java.util.Comparator.comparingLong(RevisionConsumer::appliedMillis))
                .orElseThrow();
        String legacyKey = "anaplan:alm/revisions:" + Seed.MODEL_ID;
        repo.setState(legacyKey, RevisionConsumer.appliedMillis(newest) + "|" + newest.id());
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=50&stateRepository=#repo").routeId("upgraded")
                        .to("mock:upgraded");
            }
        });
        MockEndpoint upgraded = getMockEndpoint("mock:upgraded");
        awaitPolls("GET", ".*/alm/revisions", 3);
        assertThat(upgraded.getReceivedCounter()).as("the old cursor was already past every revision").isZero();
        assertThat(repo.getState(legacyKey)).contains("movedTo");
        model().addRevision("Release 5.0", "");
        awaitCount(upgraded, 1);
        assertThat(upgraded.getExchanges().get(0).getMessage().getBody(Revision.class).name()).isEqualTo("Release 5.0");

        // a second route of the same model finds the old key taken: it starts as a new consumer (here: everything)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=60&stateRepository=#repo").routeId("added")
                        .to("mock:added");
            }
        });
        awaitCount(getMockEndpoint("mock:added"), existing.size() + 1);
    }

    @Test
    void anUnreadableCursorFailsThePollNamingItsKeyAndEmitsNothing() throws Exception {
        repo.setState("anaplan:alm/revisions|route:broken|modelId:" + Seed.MODEL_ID, "garbage");
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=50&stateRepository=#repo").routeId("broken")
                        .to("mock:broken");
            }
        });
        Thread.sleep(300);
        assertThat(getMockEndpoint("mock:broken").getReceivedCounter()).isZero();
        assertThat(sim.journal().count("GET", ".*/alm/revisions")).isZero();
    }

    @Test
    void revisionConsumerWithEmitExistingStartsFromTheFirstRevision() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:all");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:alm/revisions?emitExisting=true&delay=50").to("mock:all");
            }
        });
        awaitCount(mock, 2);
        awaitPolls("GET", ".*/alm/revisions", 2);
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(Revision.class).id())
                .containsExactly(Seed.REVISION_ID, Seed.REVISION2_ID);
    }

    @Test
    void auditConsumerEmitsEachEventOnceIncludingLateOnes() throws Exception {
        sim.audit().clear();
        long now = System.currentTimeMillis();
        sim.audit().addEvent("ACC-2", "access_control", Seed.USERNAME, "first", now - 5 * 60_000);
        sim.audit().addEvent("ACC-2", "access_control", Seed.USERNAME, "too old for the look-back", now - 2 * 3_600_000);
        MockEndpoint mock = getMockEndpoint("mock:audit");
        context.getRegistry().bind("repo", repo);
        String uri = "anaplan:audit/events?auditType=access_control&auditLookBack=1h&auditOverlap=10m&delay=50"
                     + "&stateRepository=#repo";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("audit").to("mock:audit");
            }
        });
        awaitCount(mock, 1);
        awaitPolls("GET", ".*/events", 2);
        // recorded now, but dated before the last poll: inside the overlap window, so still seen
        sim.audit().addEvent("ACC-2", "access_control", Seed.USERNAME, "late", System.currentTimeMillis() - 4 * 60_000);
        awaitCount(mock, 2);
        awaitPolls("GET", ".*/events", 3);
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(AuditEvent.class).message())
                .containsExactly("first", "late");

        // a restart of the same route (the cursor is kept per route)
        context.getRouteController().stopRoute("audit");
        sim.audit().addEvent("ACC-2", "access_control", Seed.USERNAME, "while stopped", System.currentTimeMillis());
        context.getRouteController().startRoute("audit");
        awaitCount(mock, 3);
        awaitPolls("GET", ".*/events", 3);
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(AuditEvent.class).message())
                .containsExactly("first", "late", "while stopped");
    }

    @Test
    void readViewConsumerEmitsOnePagePerExchangeWhileTheRequestRunsAndDeletesIt() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:pages");
        route("pages", "anaplan:transactional/readView?viewId=" + REVENUE + "&delay=60000&initialDelay=0", "mock:pages");
        await(() -> sim.journal().count("DELETE", ".*/readRequests/.*") == 1);
        int pages = sim.journal().count("GET", ".*/readRequests/[^/]+/pages/\\d+");
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(mock.getReceivedCounter()).isEqualTo(pages);
        List<Exchange> exchanges = mock.getExchanges();
        for (int i = 0; i < pages; i++) {
            Exchange e = exchanges.get(i);
            assertThat(e.getProperty(Exchange.BATCH_INDEX)).isEqualTo(i);
            assertThat(e.getProperty(Exchange.BATCH_COMPLETE)).isEqualTo(i == pages - 1);
            assertThat(e.getMessage().getBody(String.class).lines().findFirst().orElseThrow()).isEqualTo(
                    exchanges.get(0).getMessage().getBody(String.class).lines().findFirst().orElseThrow());
        }
        assertThat(exchanges.get(pages - 1).getProperty(Exchange.BATCH_SIZE)).isEqualTo(pages);
        assertThat(SimPeek.openReadRequests(model())).isZero();
    }

    @Test
    void aFailingPageExchangeStopsThePollAndStillDeletesTheRequest() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:transactional/readView?viewId=" + REVENUE + "&delay=60000&initialDelay=0")
                        .process(e -> {
                            if (e.getProperty(Exchange.BATCH_INDEX, Integer.class) == 1) {
                                throw new IllegalStateException("downstream failure");
                            }
                        }).to("mock:partial");
            }
        });
        await(() -> sim.journal().count("DELETE", ".*/readRequests/.*") == 1);
        assertThat(getMockEndpoint("mock:partial").getReceivedCounter()).isEqualTo(1);
        assertThat(SimPeek.openReadRequests(model())).isZero();
    }

    @Test
    void readListConsumerInStreamModeEmitsOneBody() throws Exception {
        SimPeek.addListItems(model(), REGIONS, "Region ", 120);
        MockEndpoint mock = getMockEndpoint("mock:list");
        route("list", "anaplan:transactional/readList?listId=" + REGIONS + "&pageMode=stream&delay=60000&initialDelay=0",
                "mock:list");
        awaitCount(mock, 1);
        String csv = mock.getExchanges().get(0).getMessage().getBody(String.class);
        assertThat(csv.lines().count()).isEqualTo(125);
        await(() -> SimPeek.openReadRequests(model()) == 0);
    }

    @Test
    void anOperationWithoutAConsumerFailsNamingThoseThatHaveOne() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("anaplan:transactional/modules").to("mock:never");
            }
        })).isInstanceOf(FailedToStartRouteException.class).rootCause()
                .hasMessageContaining("anaplan:transactional/modules cannot be consumed from")
                .hasMessageContaining("export, alm/revisions, transactional/readView, transactional/readList, audit/events");
    }
}
