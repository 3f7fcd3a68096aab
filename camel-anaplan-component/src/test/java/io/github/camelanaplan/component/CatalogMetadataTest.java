package io.github.camelanaplan.component;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated catalog metadata ({@code anaplan.json}, what Camel tooling, IDEs and Kaoto show) must list what the
 * product specification promises: its operations (§2), options with their defaults and secrecy (§3) and headers (§4).
 * The lists below are transcribed from {@code shared/product-spec.md}; change them only together with the spec.
 * <p>
 * {@link #BEYOND_THE_SPEC} lists operations the issues asked for that the spec's §2 tables do not name.
 */
class CatalogMetadataTest {

    // ---- §2 operations ----------------------------------------------------------------------------------------

    private static final List<String> OPERATIONS = List.of(
            "upload", "download", "import", "export", "process", "action", "run", "invoke", "taskStatus", "cancel",
            "dump", "deleteFile", "workspaces", "models", "files", "imports", "exports", "processes", "actions",
            "importMetadata", "exportMetadata", "processMetadata", "modelStatus", "openModel", "closeModel");

    /** §2.2–2.4: ALM, transactional, audit, CloudWorks. */
    private static final List<String> API_FAMILY_OPERATIONS = List.of(
            "alm/revisions", "alm/latestRevision", "alm/createRevision", "alm/syncableRevisions", "alm/sync",
            "alm/syncTasks", "alm/comparisonReport", "alm/summaryReport", "alm/online", "alm/offline",
            "alm/appliedToModels",
            "transactional/modules", "transactional/lineItems", "transactional/views", "transactional/viewData",
            "transactional/readView", "transactional/readList", "transactional/lists", "transactional/listItems",
            "transactional/addListItems", "transactional/updateListItems", "transactional/upsertListItems",
            "transactional/deleteListItems", "transactional/resetListIndex", "transactional/writeCells",
            "transactional/dimensionItems", "transactional/modelCalendar", "transactional/currentPeriod",
            "transactional/setCurrentPeriod", "transactional/fiscalYear", "transactional/versions",
            "audit/events", "cloudworks/integrations", "cloudworks/run", "cloudworks/runStatus");

    /** solutionLogs: the optimizer's solver log (issue 6, anaplan-api §5.10). */
    private static final List<String> BEYOND_THE_SPEC = List.of("solutionLogs");

    // ---- §3 options: name -> spec default (null: none) ---------------------------------------------------------

    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();
    /** Options of the ALM, transactional, audit and CloudWorks operations and of the consumers. */
    private static final Map<String, String> API_FAMILY_OPTIONS = new LinkedHashMap<>();

    static {
        for (String id : List.of("workspaceId", "modelId", "fileId", "actionId", "taskId", "objectId")) {
            OPTIONS.put(id, null);
        }
        OPTIONS.put("username", null);
        OPTIONS.put("password", null);
        OPTIONS.put("certificate", null);
        OPTIONS.put("privateKey", null);
        OPTIONS.put("privateKeyPassword", null);
        OPTIONS.put("keyStore", null);
        OPTIONS.put("keyStorePassword", null);
        OPTIONS.put("keyAlias", null);
        OPTIONS.put("certificateAuthFormat", "v2");
        OPTIONS.put("oauthClientId", null);
        OPTIONS.put("oauthClientSecret", null);
        OPTIONS.put("oauthRefreshToken", null);
        OPTIONS.put("tokenStore", null);
        OPTIONS.put("authToken", null);
        OPTIONS.put("authUrl", "https://auth.anaplan.com");
        OPTIONS.put("apiUrl", "https://api.anaplan.com/2/0");
        OPTIONS.put("oauthUrl", "https://us1a.app.anaplan.com");
        OPTIONS.put("auditUrl", "https://audit.anaplan.com/audit/api/1");
        OPTIONS.put("cloudWorksUrl", "https://api.cloudworks.anaplan.com/2/0");
        OPTIONS.put("timeout", "30s");
        OPTIONS.put("retryCount", "3");
        OPTIONS.put("retryBackoff", "1s");
        OPTIONS.put("statusPollDelay", "1s");
        OPTIONS.put("maxStatusPollDelay", "10s");
        OPTIONS.put("taskTimeout", null);
        OPTIONS.put("cancelOnTimeout", "true");
        OPTIONS.put("uploadChunkSize", "25000000");
        OPTIONS.put("uploadParallel", "true");
        OPTIONS.put("uploadParallelism", null); // number of cores, at least 2: computed, so no static default
        OPTIONS.put("compressionLevel", "6");
        OPTIONS.put("allowFileCreation", "false");
        OPTIONS.put("locale", "en_US");
        OPTIONS.put("mappingParameters", null);
        OPTIONS.put("failOnWarnings", "false");
        OPTIONS.put("fetchFailureDump", "true");
        OPTIONS.put("streaming", "true");
        OPTIONS.put("sslContextParameters", null);
        OPTIONS.put("proxyHost", null);
        OPTIONS.put("proxyPort", null);
        OPTIONS.put("proxyUsername", null);
        OPTIONS.put("proxyPassword", null);

        API_FAMILY_OPTIONS.put("listId", null);
        API_FAMILY_OPTIONS.put("moduleId", null);
        API_FAMILY_OPTIONS.put("viewId", null);
        API_FAMILY_OPTIONS.put("sourceModelId", null);
        API_FAMILY_OPTIONS.put("format", "csv");
        API_FAMILY_OPTIONS.put("listItemBatchSize", "100000");
        API_FAMILY_OPTIONS.put("cellWriteBatchSize", "100000");
        API_FAMILY_OPTIONS.put("auditLookBack", "24h");
        API_FAMILY_OPTIONS.put("pageMode", "page");
        API_FAMILY_OPTIONS.put("emitExisting", "false");
        API_FAMILY_OPTIONS.put("onlyChanged", "false"); // §2.5, consumer of export
    }

    /** §3: "Options marked secret" — plus username, which the spec's table marks "(secret)" with password. */
    private static final Set<String> SECRETS = Set.of("password", "privateKey", "privateKeyPassword",
            "oauthClientSecret", "oauthRefreshToken", "authToken", "keyStorePassword", "proxyPassword", "username");

    // ---- §4 headers ---------------------------------------------------------------------------------------------

    private static final List<String> HEADERS = List.of(
            "CamelAnaplanWorkspaceId", "CamelAnaplanModelId", "CamelAnaplanFileId", "CamelAnaplanActionId",
            "CamelAnaplanTaskId", "CamelAnaplanObjectId", "CamelAnaplanListId", "CamelAnaplanModuleId",
            "CamelAnaplanViewId", "CamelAnaplanMappingParameters",
            "CamelAnaplanTaskState", "CamelAnaplanTaskSuccessful", "CamelAnaplanFailureDumpAvailable",
            "CamelAnaplanChunkCount", "CamelAnaplanRowsProcessed", "CamelAnaplanRowsIgnored", "CamelAnaplanRowsFailed",
            "CamelAnaplanRowsTotal", "CamelAnaplanRevisionName", "CamelAnaplanRevisionDescription",
            "CamelAnaplanSourceModelId", "CamelAnaplanRevisionId", "CamelAnaplanSourceRevisionId", "CamelAnaplanTargetRevisionId", "CamelAnaplanIntegrationId", "CamelAnaplanRunId", "CamelAnaplanDimensionId", "CamelAnaplanLocale", "CamelAnaplanWorkspaceName", "CamelAnaplanModelName", "CamelAnaplanFileName", "CamelAnaplanActionName", "CamelAnaplanListName", "CamelAnaplanModuleName", "CamelAnaplanViewName", "CamelAnaplanSourceModelName");

    private static JsonNode catalog;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CatalogMetadataTest.class
                .getResourceAsStream("/META-INF/io/github/camelanaplan/component/anaplan.json")) {
            assertThat(in).as("generated catalog JSON on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void componentDescribesItself() {
        JsonNode c = catalog.get("component");
        assertThat(c.get("scheme").asText()).isEqualTo("anaplan");
        assertThat(c.get("syntax").asText()).isEqualTo("anaplan:operation");
        assertThat(c.get("groupId").asText()).isEqualTo("io.github.camelanaplan");
        assertThat(c.get("artifactId").asText()).isEqualTo("camel-anaplan-component");
        assertThat(c.get("javaType").asText()).isEqualTo(AnaplanComponent.class.getName());
        assertThat(c.get("title").asText()).isNotBlank();
        assertThat(c.get("description").asText()).isNotBlank();
        assertThat(c.get("label").asText()).contains("cloud").contains("api");
        assertThat(c.get("remote").asBoolean()).isTrue();
    }

    @Test
    void everySpecifiedOperationIsAnEnumValueOfThePathAndViceVersa() {
        JsonNode operation = catalog.get("properties").get("operation");
        assertThat(operation.get("kind").asText()).isEqualTo("path");
        assertThat(operation.get("required").asBoolean()).isTrue();
        assertThat(operation.get("description").asText()).isNotBlank();
        Set<String> listed = new TreeSet<>();
        operation.get("enum").forEach(e -> listed.add(e.asText()));
        assertThat(listed).containsAll(OPERATIONS).containsAll(API_FAMILY_OPERATIONS).containsAll(BEYOND_THE_SPEC);
        Set<String> unknown = new TreeSet<>(listed);
        OPERATIONS.forEach(unknown::remove);
        API_FAMILY_OPERATIONS.forEach(unknown::remove);
        BEYOND_THE_SPEC.forEach(unknown::remove);
        assertThat(unknown).as("operations in the catalog that the spec does not name").isEmpty();
    }

    @Test
    void everySpecifiedOptionIsThereWithItsDefault() {
        JsonNode properties = catalog.get("properties");
        Map<String, String> expected = new LinkedHashMap<>(OPTIONS);
        expected.putAll(API_FAMILY_OPTIONS);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode option = properties.get(e.getKey());
            assertThat(option).as("endpoint option %s", e.getKey()).isNotNull();
            if (e.getValue() != null) {
                assertThat(option.has("defaultValue")).as("default of %s", e.getKey()).isTrue();
                assertSameDefault(e.getKey(), e.getValue(), option.get("defaultValue").asText());
            }
        }
    }

    @Test
    void everySpecifiedOptionCanBeSetOnTheComponentToo() {
        JsonNode componentProperties = catalog.get("componentProperties");
        for (String name : OPTIONS.keySet()) {
            assertThat(componentProperties.has(name)).as("component option %s (camel.component.anaplan.%s)", name, name)
                    .isTrue();
        }
        for (String name : API_FAMILY_OPTIONS.keySet()) {
            // onlyChanged belongs to one export consumer, not to the connection
            if (!name.equals("onlyChanged")) {
                assertThat(componentProperties.has(name)).as("component option %s", name).isTrue();
            }
        }
    }

    @Test
    void everyOptionHasADescriptionAGroupAndALabel() {
        for (String section : List.of("componentProperties", "properties")) {
            catalog.get(section).fields().forEachRemaining(e -> {
                JsonNode option = e.getValue();
                assertThat(option.path("description").asText()).as("%s %s description", section, e.getKey()).isNotBlank();
                assertThat(option.path("displayName").asText()).as("%s %s displayName", section, e.getKey()).isNotBlank();
                assertThat(option.path("group").asText()).as("%s %s group", section, e.getKey()).isNotBlank();
                // the path has no label in Camel's catalogs, nor does the component's configuration bean itself
                if (!"path".equals(option.path("kind").asText()) && !"configuration".equals(e.getKey())) {
                    assertThat(option.path("label").asText()).as("%s %s label", section, e.getKey()).isNotBlank();
                }
            });
        }
    }

    @Test
    void secretOptionsAreExactlyTheSpecifiedOnes() {
        for (String section : List.of("componentProperties", "properties")) {
            Set<String> secret = new TreeSet<>();
            catalog.get(section).fields().forEachRemaining(e -> {
                if (e.getValue().path("secret").asBoolean()) {
                    secret.add(e.getKey());
                }
            });
            assertThat(secret).as("secret %s", section).isEqualTo(new TreeSet<>(SECRETS));
        }
        // the generated URI factory masks the same ones in the URIs Camel prints
        assertThat(new AnaplanEndpointUriFactory().secretPropertyNames()).containsExactlyInAnyOrderElementsOf(SECRETS);
    }

    @Test
    void credentialsAndConnectionOptionsAreInTheirGroups() {
        JsonNode properties = catalog.get("properties");
        for (String name : List.of("username", "password", "certificate", "privateKey", "privateKeyPassword", "keyStore",
                "keyStorePassword", "keyAlias", "certificateAuthFormat", "oauthClientId", "oauthClientSecret",
                "oauthRefreshToken", "tokenStore", "authToken", "sslContextParameters")) {
            assertThat(properties.get(name).get("group").asText()).as("group of %s", name).isEqualTo("security");
        }
        for (String name : List.of("proxyHost", "proxyPort", "proxyUsername", "proxyPassword")) {
            assertThat(properties.get(name).get("group").asText()).as("group of %s", name).isEqualTo("proxy");
        }
    }

    @Test
    void everySpecifiedHeaderIsDocumentedWithItsConstant() {
        JsonNode headers = catalog.get("headers");
        Set<String> listed = new TreeSet<>();
        headers.fieldNames().forEachRemaining(listed::add);
        assertThat(listed).isEqualTo(new TreeSet<>(HEADERS));
        headers.fields().forEachRemaining(e -> {
            JsonNode header = e.getValue();
            assertThat(header.path("description").asText()).as("header %s description", e.getKey()).isNotBlank();
            assertThat(header.path("javaType").asText()).as("header %s javaType", e.getKey()).isNotBlank();
            assertThat(header.path("group").asText()).as("header %s group", e.getKey()).isNotBlank();
            assertThat(header.path("constantName").asText()).as("header %s constant", e.getKey())
                    .startsWith(AnaplanConstants.class.getName() + "#");
        });
    }

    /** Durations: the spec writes Camel forms ("30s"), the catalog may hold millis ("30000"); same value passes. */
    private static void assertSameDefault(String name, String spec, String actual) {
        if (spec.equals(actual)) {
            return;
        }
        if (spec.matches("\\d+[a-z]+")) {
            assertThat(TimeUtils.toMilliSeconds(actual)).as("default of %s", name)
                    .isEqualTo(TimeUtils.toMilliSeconds(spec));
            return;
        }
        assertThat(actual).as("default of %s", name).isEqualTo(spec);
    }
}
