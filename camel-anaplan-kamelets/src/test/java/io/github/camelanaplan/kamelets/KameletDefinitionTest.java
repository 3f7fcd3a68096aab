package io.github.camelanaplan.kamelets;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelet files as YAML, without Camel: the catalog's shape, every property used by the template and every
 * placeholder declared, required ones mandatory, optional ones with a default or an optional placeholder, and each
 * {@code anaplan:} parameter a real component option, secret where the component's catalog says so.
 */
class KameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^}]+)}}");
    private static final String CATALOG = "META-INF/io/github/camelanaplan/component/anaplan.json";
    private static final String PASSWORD_DESCRIPTOR = "urn:alm:descriptor:com.tectonic.ui:password";

    @Test
    void theJarCarriesExactlyTheThreeKamelets() throws URISyntaxException {
        File dir = new File(Objects.requireNonNull(getClass().getClassLoader().getResource("kamelets")).toURI());
        assertThat(dir.list()).containsExactlyInAnyOrder("anaplan-sink.kamelet.yaml", "anaplan-source.kamelet.yaml",
                "anaplan-revisions-source.kamelet.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = { "anaplan-sink", "anaplan-source", "anaplan-revisions-source" })
    void followsTheCatalogConventions(String name) throws IOException {
        Map<String, Object> k = load(name);
        assertThat(k.get("apiVersion")).isEqualTo("camel.apache.org/v1");
        assertThat(k.get("kind")).isEqualTo("Kamelet");
        Map<String, Object> metadata = map(k.get("metadata"));
        assertThat(metadata.get("name")).isEqualTo(name);
        String type = name.endsWith("-sink") ? "sink" : "source";
        assertThat(map(metadata.get("labels"))).containsEntry("camel.apache.org/kamelet.type", type);
        assertThat(map(metadata.get("annotations"))).containsKeys("camel.apache.org/provider",
                "camel.apache.org/kamelet.support.level");

        Map<String, Object> spec = map(k.get("spec"));
        Map<String, Object> definition = map(spec.get("definition"));
        assertThat(definition.get("title")).isInstanceOf(String.class);
        assertThat((String) definition.get("description")).isNotBlank();
        assertThat(definition.get("type")).isEqualTo("object");
        map(definition.get("properties")).forEach((property, value) -> assertThat(map(value))
                .as(name + " property " + property).containsKeys("title", "description", "type"));

        Map<String, Object> from = map(map(spec.get("template")).get("from"));
        if (type.equals("sink")) {
            assertThat(from.get("uri")).isEqualTo("kamelet:source");
        } else {
            List<Object> steps = list(from.get("steps"));
            assertThat(steps.get(steps.size() - 1)).isEqualTo(Map.of("to", "kamelet:sink"));
        }

        // the component at the version this build made (the catalog JSON carries the component's version)
        String version = catalog().path("component").path("version").asText();
        assertThat(list(spec.get("dependencies"))).contains("camel:kamelet",
                "mvn:io.github.camelanaplan:camel-anaplan-component:" + version);
        assertThat(map(metadata.get("annotations"))).containsEntry("camel.apache.org/catalog.version", version);
    }

    @ParameterizedTest
    @ValueSource(strings = { "anaplan-sink", "anaplan-source", "anaplan-revisions-source" })
    void everyPropertyIsUsedAndEveryPlaceholderDeclared(String name) throws IOException {
        Map<String, Object> spec = map(load(name).get("spec"));
        Map<String, Object> definition = map(spec.get("definition"));
        Map<String, Object> properties = map(definition.get("properties"));
        List<Object> required = list(definition.get("required"));
        Map<String, Boolean> used = placeholders(spec.get("template")); // name -> optional ({{?name}})

        assertThat(new TreeSet<>(used.keySet())).as(name + ": placeholders vs properties")
                .isEqualTo(new TreeSet<>(properties.keySet()));
        assertThat(properties).as(name + ": required ones declared").containsKeys(required.toArray(String[]::new));
        properties.forEach((property, value) -> {
            boolean optionalPlaceholder = used.get(property);
            if (required.contains(property)) {
                assertThat(optionalPlaceholder).as(name + ": required " + property + " is {{" + property + "}}")
                        .isFalse();
                assertThat(map(value)).as(name + ": required " + property + " has no default").doesNotContainKey("default");
            } else if (!optionalPlaceholder) {
                assertThat(map(value)).as(name + ": {{" + property + "}} needs a default").containsKey("default");
            } else {
                assertThat(map(value)).as(name + ": {{?" + property + "}} has no default").doesNotContainKey("default");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "anaplan-sink", "anaplan-source", "anaplan-revisions-source" })
    void anaplanParametersAreComponentOptionsAndSecretsArePasswords(String name) throws IOException {
        Map<String, Object> spec = map(load(name).get("spec"));
        Map<String, Object> properties = map(map(spec.get("definition")).get("properties"));
        JsonNode options = catalog().path("properties");
        Map<String, Object> parameters = anaplanParameters(spec.get("template"));
        assertThat(parameters).as(name + " calls anaplan:").isNotEmpty();

        parameters.forEach((option, value) -> {
            assertThat(options.has(option)).as(name + ": " + option + " is an anaplan endpoint option").isTrue();
            Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
            assertThat(m.matches()).as(name + ": " + option + " is passed straight from a property").isTrue();
            Map<String, Object> property = map(properties.get(m.group(2)));
            if (options.path(option).path("secret").asBoolean()) {
                assertThat(property).as(name + ": secret " + option).containsEntry("format", "password");
                assertThat(list(property.get("x-descriptors"))).as(name + ": secret " + option)
                        .contains(PASSWORD_DESCRIPTOR);
            } else {
                assertThat(property).as(name + ": " + option + " is not secret").doesNotContainKey("format");
            }
            String type = options.path(option).path("type").asText();
            String expected = switch (type) {
                case "boolean" -> "boolean";
                case "integer", "duration" -> "integer";
                default -> "string";
            };
            assertThat(property.get("type")).as(name + ": type of " + option).isEqualTo(expected);
        });
    }

    private static Map<String, Boolean> placeholders(Object node) {
        Map<String, Boolean> found = new HashMap<>();
        walk(node, text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.merge(m.group(2), m.group(1) != null, Boolean::logicalAnd);
            }
        });
        return found;
    }

    /** The parameters of every {@code uri: anaplan:...} in the template, merged. */
    private static Map<String, Object> anaplanParameters(Object node) {
        Map<String, Object> found = new LinkedHashMap<>();
        collect(node, found);
        return found;
    }

    private static void collect(Object node, Map<String, Object> found) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("uri") instanceof String uri && uri.startsWith("anaplan:") && m.get("parameters") != null) {
                map(m.get("parameters")).forEach(found::put);
            }
            m.values().forEach(v -> collect(v, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, found));
        }
    }

    private static void walk(Object node, java.util.function.Consumer<String> visitor) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, visitor));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, visitor));
        } else if (node instanceof String s) {
            visitor.accept(s);
        }
    }

    private static Map<String, Object> load(String name) throws IOException {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader()
                .getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as(name).isNotNull();
            return map(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }
}
