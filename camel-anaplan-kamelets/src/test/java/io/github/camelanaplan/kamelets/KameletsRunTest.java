package io.github.camelanaplan.kamelets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelanaplan.component.AnaplanConstants;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimTask;
import io.github.camelanaplan.simulator.SimulatorOptions;
import io.github.camelanaplan.simulator.TaskState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three Kamelets, loaded by camel-kamelet from this module's kamelets/ folder on the classpath (YAML DSL), run in a
 * Camel context against the simulator. The {@code anaplan} component is not configured here: everything it needs
 * comes through the Kamelet's properties, as in a Pipe or a Camel JBang run.
 */
class KameletsRunTest extends CamelTestSupport {

    private AnaplanSimulator sim;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(100)));
        CamelContext context = super.createCamelContext();
        // the service URLs for every Kamelet of this test, as a user sets camel.kamelet.<name>.<property>
        Properties urls = new Properties();
        for (String kamelet : List.of("anaplan-sink", "anaplan-source", "anaplan-revisions-source")) {
            urls.setProperty("camel.kamelet." + kamelet + ".authUrl", sim.authUrl());
            urls.setProperty("camel.kamelet." + kamelet + ".apiUrl", sim.apiUrl());
        }
        context.getPropertiesComponent().setInitialProperties(urls);
        return context;
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimModel model() {
        return sim.tenant().model(Seed.MODEL_ID);
    }

    private static String model(String kamelet) {
        return "kamelet:" + kamelet + "?workspaceId=" + Seed.WORKSPACE_ID + "&modelId=" + Seed.MODEL_ID;
    }

    private static String login() {
        return "&username=" + Seed.USERNAME + "&password=" + Seed.PASSWORD;
    }

    private void awaitPolls(String method, String path, int more) {
        int now = sim.journal().count(method, path);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().count(method, path) >= now + more);
    }

    @Test
    void sinkUploadsTheBodyByteForByteAndRunsTheImport() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:load").to(model("anaplan-sink") + "&fileId=" + Seed.FILE_ID + "&actionId=" + Seed.IMPORT_ID
                        + login());
            }
        });
        // non-ASCII, quoted comma and CRLF: the bytes must arrive exactly as sent
        byte[] body = ("Name,Code,Department,Email\r\nZoë Ångström,E1,\"Sales, EMEA\",zoe@example.com\r\n"
                + "Jürgen,E2,R&D,j@example.com\r\n").getBytes(StandardCharsets.UTF_8);

        Exchange out = template.request("direct:load", e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isNull();
        assertThat(model().fileContent(Seed.FILE_ID)).isEqualTo(body);
        List<SimTask> tasks = model().tasks(Seed.IMPORT_ID);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).state()).isEqualTo(TaskState.COMPLETE);
        assertThat(tasks.get(0).dataSourceCompleteAtStart()).as("import started after the upload completed").isTrue();
        assertThat(out.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED, Long.class)).isEqualTo(2L);
        assertThat(model().rows(Seed.EMPLOYEES)).contains(List.of("Zoë Ångström", "E1", "Sales, EMEA", "zoe@example.com"));
    }

    @Test
    void sinkTakesAPasswordWithUriSpecialCharactersFromAProperty() throws Exception {
        String password = "p&ss+w=rd %41?#";
        sim.auth().addUser("loader@example.com", password);
        context.getPropertiesComponent().addOverrideProperty("camel.kamelet.anaplan-sink.password", password);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:load").to(model("anaplan-sink") + "&fileId=" + Seed.FILE_ID + "&actionId=" + Seed.IMPORT_ID
                        + "&username=loader@example.com");
            }
        });
        Exchange out = template.request("direct:load", e -> e.getMessage().setBody(Seed.EMPLOYEES_CSV));

        assertThat(out.getException()).isNull();
        assertThat(model().tasks(Seed.IMPORT_ID)).hasSize(1);
    }

    @Test
    void sourceEmitsTheExportContent() throws Exception {
        model().setRows(Seed.EMPLOYEES, List.of("Name", "Code", "Department", "Email"),
                List.of(List.of("Ada", "E7", "Research", "ada@example.com"), List.of("Zoë", "E8", "Sales, EMEA", "z@x")));
        MockEndpoint mock = getMockEndpoint("mock:export");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(model("anaplan-source") + "&actionId=" + Seed.EXPORT_ID + "&delay=100" + login())
                        .convertBodyTo(String.class).to("mock:export");
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() >= 1);

        assertThat(mock.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo(
                "Name,Code,Department,Email\nAda,E7,Research,ada@example.com\nZoë,E8,\"Sales, EMEA\",z@x\n");
        assertThat(model().taskStarts(Seed.EXPORT_ID)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sourceWithOnlyChangedEmitsOnceForUnchangedContent() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:export");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(model("anaplan-source") + "&actionId=" + Seed.EXPORT_ID + "&delay=50&onlyChanged=true" + login())
                        .convertBodyTo(String.class).to("mock:export");
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() >= 1);
        awaitPolls("POST", ".*/exports/" + Seed.EXPORT_ID + "/tasks", 3);

        assertThat(mock.getReceivedCounter()).as("three more runs, same content").isEqualTo(1);
    }

    @Test
    void revisionsSourceEmitsANewRevisionOnceAsJson() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:rev");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(model("anaplan-revisions-source") + "&delay=50" + login()).to("mock:rev");
            }
        });
        awaitPolls("GET", ".*/alm/revisions", 2);
        assertThat(mock.getReceivedCounter()).as("existing revisions are not emitted").isZero();

        String id = model().addRevision("Release 9", "Quarter close");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() >= 1);
        awaitPolls("GET", ".*/alm/revisions", 3);

        assertThat(mock.getReceivedCounter()).as("emitted once").isEqualTo(1);
        Exchange first = mock.getExchanges().get(0);
        assertThat(first.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(first.getMessage().getBody(String.class));
        assertThat(json.path("id").asText()).isEqualTo(id);
        assertThat(json.path("name").asText()).isEqualTo("Release 9");
        assertThat(json.path("description").asText()).isEqualTo("Quarter close");
    }
}
