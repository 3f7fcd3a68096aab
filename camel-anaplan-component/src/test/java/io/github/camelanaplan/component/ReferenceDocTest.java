package io.github.camelanaplan.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference page in src-docs/ and the generated catalog metadata must describe the same operations, options and
 * headers: a change to one without the other fails the build.
 */
class ReferenceDocTest {

    private static final Pattern FIRST_CELL = Pattern.compile("^\\| `([^`]+)`", Pattern.MULTILINE);

    private static JsonNode catalog;
    private static String doc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ReferenceDocTest.class
                .getResourceAsStream("/META-INF/io/github/camelanaplan/component/anaplan.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        doc = Files.readString(Path.of("..", "src-docs", "anaplan-component.md"));
    }

    @Test
    void everyEndpointOptionIsDocumentedAndNothingElse() {
        Set<String> documented = section("## Endpoint options", "## Component-only options");
        Set<String> options = names(catalog.get("properties"));
        assertThat(documented).isEqualTo(options);
    }

    @Test
    void everyComponentOnlyOptionIsDocumented() {
        Set<String> componentOnly = names(catalog.get("componentProperties"));
        componentOnly.removeAll(names(catalog.get("properties")));
        assertThat(section("## Component-only options", "## Message headers")).isEqualTo(componentOnly);
    }

    @Test
    void everyHeaderIsDocumented() {
        assertThat(section("## Message headers", null)).isEqualTo(names(catalog.get("headers")));
    }

    @Test
    void everyOperationIsDocumented() {
        Set<String> documented = section("## Operations", "## Endpoint options").stream()
                .flatMap(cell -> Arrays.stream(cell.split("`, `"))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> operations = new TreeSet<>();
        catalog.get("properties").get("operation").get("enum").forEach(e -> operations.add(e.asText()));
        assertThat(documented).isEqualTo(operations);
        assertThat(operations).isEqualTo(Arrays.stream(AnaplanOperation.values()).map(AnaplanOperation::uriName)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The first-column names of the tables between two headings. */
    private static Set<String> section(String from, String to) {
        int start = doc.indexOf(from);
        assertThat(start).as("heading %s in the reference", from).isNotNegative();
        int end = to == null ? doc.length() : doc.indexOf(to, start);
        Set<String> names = new TreeSet<>();
        Matcher m = FIRST_CELL.matcher(doc.substring(start, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        // table cells like "`workspaces`, `models`" list several names
        Matcher multi = Pattern.compile("^\\| (`[^|]+`) \\|", Pattern.MULTILINE).matcher(doc.substring(start, end));
        while (multi.find()) {
            for (String part : multi.group(1).split(",\\s*")) {
                names.add(part.replace("`", "").trim());
            }
        }
        names.removeIf(n -> n.contains("`"));
        return names;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
