package io.github.camelanaplan.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.client.error.AnaplanNameException;
import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;
import io.github.camelanaplan.simulator.SimModel;
import io.github.camelanaplan.simulator.SimulatorOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One route definition, written with names only, run unchanged against two tenants ("Dev": the default seed; "Prod":
 * the same names under other ids, beside a decoy workspace whose model and objects also share the names). The bytes
 * must arrive, and the import must run, in the model the names mean, each time.
 */
class NamesEndToEndTest {

    /** The route file of the integration engineer: no id anywhere. */
    static final class PortableRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:load")
                    .to("anaplan:import?workspaceName=RAW(Finance Planning)&modelName=RAW(FP&A Model)"
                        + "&fileName=Employees.csv&actionName=RAW(Employees from Employees.csv)");
            from("direct:export")
                    .to("anaplan:export?workspaceName=RAW(Finance Planning)&modelName=RAW(FP&A Model)"
                        + "&actionName=RAW(Employees export)&streaming=false");
        }
    }

    static final String PROD_WS = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String PROD_MODEL = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
    static final String PROD_FILE = "113000000077";
    static final String PROD_IMPORT = "112000000077";
    static final String UAT_WS = "dddddddddddddddddddddddddddddddd";
    static final String UAT_MODEL = "EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE";
    static final String UAT_FILE = "113000000088";

    @TempDir
    Path tmp;

    private AnaplanSimulator dev;
    private AnaplanSimulator prod;
    private CamelContext devContext;
    private CamelContext prodContext;

    @BeforeEach
    void start() throws Exception {
        dev = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(java.time.Duration.ofMillis(100)));
        Path seed = tmp.resolve("prod-seed.json");
        Files.writeString(seed, "{\"includeDefaultSeed\": false,"
                                + "\"users\": [{\"username\": \"" + Seed.USERNAME + "\", \"password\": \"" + Seed.PASSWORD + "\"}],"
                                + "\"workspaces\": [" + workspace(PROD_WS, "Finance Planning", PROD_MODEL, PROD_FILE, PROD_IMPORT, "116000000077")
                                + "," + workspace(UAT_WS, "Finance Planning UAT", UAT_MODEL, UAT_FILE, "112000000088", "116000000088")
                                + "]}");
        prod = AnaplanSimulator.start(SimulatorOptions.defaults().seed(seed).taskDuration(java.time.Duration.ofMillis(100)));
        devContext = context(dev);
        prodContext = context(prod);
    }

    private static String workspace(String wsId, String wsName, String modelId, String fileId, String importId,
                                    String exportId) {
        return "{\"id\": \"" + wsId + "\", \"name\": \"" + wsName + "\", \"models\": [{\"id\": \"" + modelId
               + "\", \"name\": \"FP&A Model\", \"state\": \"UNLOCKED\","
               + "\"files\": [{\"id\": \"" + fileId + "\", \"name\": \"Employees.csv\", \"content\": \"Name,Code,Department,Email\\n\","
               + "\"headerRow\": 1, \"firstDataRow\": 2, \"separator\": \",\", \"delimiter\": \"\\\"\"}],"
               + "\"targets\": [{\"name\": \"Employees\", \"headers\": [\"Name\", \"Code\", \"Department\", \"Email\"], \"rows\": []}],"
               + "\"imports\": [{\"id\": \"" + importId + "\", \"name\": \"Employees from Employees.csv\", \"file\": \""
               + fileId + "\", \"target\": \"Employees\", \"type\": \"HIERARCHY_DATA\"}],"
               + "\"exports\": [{\"id\": \"" + exportId + "\", \"name\": \"Employees export\", \"target\": \"Employees\"}]"
               + "}]}";
    }

    /** A Camel context whose component knows only how to reach and log in to the tenant: no workspace, no model. */
    private static CamelContext context(AnaplanSimulator sim) throws Exception {
        CamelContext context = new DefaultCamelContext();
        AnaplanComponent component = SimulatedAnaplan.component(sim);
        AnaplanConfiguration c = component.getConfiguration();
        c.setWorkspaceId(null);
        c.setModelId(null);
        c.setStatusPollDelay(50);
        c.setMaxStatusPollDelay(200);
        context.addComponent("anaplan", component);
        context.addRoutes(new PortableRoute());
        context.start();
        return context;
    }

    @AfterEach
    void stop() {
        for (CamelContext c : new CamelContext[] {devContext, prodContext}) {
            if (c != null) {
                c.stop();
            }
        }
        for (AnaplanSimulator s : new AnaplanSimulator[] {dev, prod}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void theSameRouteLoadsTheModelItsNamesMeanInEachTenant() {
        String csv = "Name,Code,Department,Email\nAda Lovelace,E100,Engineering,ada@example.com\n"
                     + "Grace Hopper,E101,Engineering,grace@example.com\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        TaskResult devResult = load(devContext, bytes);
        TaskResult prodResult = load(prodContext, bytes);

        assertThat(devResult.successful()).isTrue();
        assertThat(prodResult.successful()).isTrue();
        SimModel devModel = dev.tenant().model(Seed.MODEL_ID);
        SimModel prodModel = prod.tenant().model(PROD_MODEL);
        SimModel decoy = prod.tenant().model(UAT_MODEL);
        assertThat(devModel.fileContent(Seed.FILE_ID)).isEqualTo(bytes);
        assertThat(prodModel.fileContent(PROD_FILE)).isEqualTo(bytes);
        assertThat(devModel.rows(Seed.EMPLOYEES)).hasSize(2);
        assertThat(prodModel.rows(Seed.EMPLOYEES)).hasSize(2);
        // the decoy workspace's model of the same name was neither written nor run
        assertThat(new String(decoy.fileContent(UAT_FILE), StandardCharsets.UTF_8)).isEqualTo("Name,Code,Department,Email\n");
        assertThat(decoy.rows(Seed.EMPLOYEES)).isEmpty();
        assertThat(prod.journal().count("PUT", ".*/models/" + UAT_MODEL + "/.*")).isZero();
        assertThat(prod.journal().count("POST", ".*/models/" + UAT_MODEL + "/.*")).isZero();
        // the second model of the dev workspace ("FP&A Model (copy)") was not touched either
        assertThat(dev.tenant().model(Seed.MODEL2_ID).rows(Seed.EMPLOYEES)).isEmpty();

        // and the export reads back what the import loaded, in each tenant
        String devExport = new String(devContext.createProducerTemplate().requestBody("direct:export", null, byte[].class),
                StandardCharsets.UTF_8);
        String prodExport = new String(prodContext.createProducerTemplate().requestBody("direct:export", null, byte[].class),
                StandardCharsets.UTF_8);
        assertThat(devExport).contains("Ada Lovelace").contains("Grace Hopper").isEqualTo(prodExport);
    }

    @Test
    void listingsAreReadOncePerTtlAndShared() {
        byte[] bytes = "Name,Code,Department,Email\nA,E1,X,a@example.com\n".getBytes(StandardCharsets.UTF_8);
        load(prodContext, bytes);
        // the upload's own check that the file exists also lists the files once: count what the names add after that
        int filesAfterFirst = prod.journal().count("GET", ".*/models/" + PROD_MODEL + "/files");
        load(prodContext, bytes);
        load(prodContext, bytes);
        assertThat(prod.journal().count("GET", ".*/2/0/workspaces")).isEqualTo(1);
        assertThat(prod.journal().count("GET", ".*/2/0/workspaces/" + PROD_WS + "/models")).isEqualTo(1);
        assertThat(prod.journal().count("GET", ".*/models/" + PROD_MODEL + "/files")).isEqualTo(filesAfterFirst);
        assertThat(prod.journal().count("GET", ".*/models/" + PROD_MODEL + "/imports")).isEqualTo(1);
        assertThat(prod.tenant().model(PROD_MODEL).tasks(PROD_IMPORT)).hasSize(3);
    }

    @Test
    void aModelNameSharedByTwoWorkspacesNeedsTheWorkspaceAndChangesNothing() {
        ProducerTemplate template = prodContext.createProducerTemplate();
        Exchange result = template.request("anaplan:import?modelName=RAW(FP&A Model)&fileName=Employees.csv"
                                           + "&actionName=RAW(Employees from Employees.csv)",
                e -> e.getMessage().setBody("Name,Code,Department,Email\nA,E1,X,a@example.com\n"));
        assertThat(result.getException()).isInstanceOf(AnaplanNameException.class)
                .hasMessage("The model name 'FP&A Model' matches 2 objects: model 'FP&A Model' (" + PROD_MODEL
                            + "), model 'FP&A Model' (" + UAT_MODEL + "); use the id instead");
        assertThat(((AnaplanNameException) result.getException()).getCandidates()).hasSize(2);
        assertThat(prod.journal().entries()).allMatch(e -> e.method().equals("GET") || e.path().contains("/token/"));
        assertThat(prod.tenant().model(PROD_MODEL).tasks(PROD_IMPORT)).isEmpty();
    }

    private static TaskResult load(CamelContext context, byte[] bytes) {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange result = template.request("direct:load", e -> e.getMessage().setBody(bytes));
        assertThat(result.getException()).isNull();
        return result.getMessage().getBody(TaskResult.class);
    }

}
