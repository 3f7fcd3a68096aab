package io.github.camelanaplan.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component jar is an OSGi bundle: its manifest (written by maven-bundle-plugin into target/classes, packed by the
 * jar plugin) exports the engine and the component, and imports Camel, Jackson, HttpComponents and SLF4J with version
 * ranges, Micrometer optionally, and no java.* package.
 */
class OsgiBundleManifestTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static Attributes main;
    private static Map<String, Map<String, String>> exports;
    private static Map<String, Map<String, String>> imports;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            main = new Manifest(in).getMainAttributes();
        }
        exports = clauses(main.getValue("Export-Package"));
        imports = clauses(main.getValue("Import-Package"));
    }

    @Test
    void identifiesTheBundle() {
        assertThat(main.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("io.github.camelanaplan.camel-anaplan-component");
        assertThat(main.getValue("Bundle-Version")).matches("\\d+\\.\\d+\\.\\d+(\\.[\\w-]+)?");
        assertThat(main.getValue("Bundle-Name")).isNotBlank();
        assertThat(main.getValue("Require-Capability")).contains("osgi.ee=JavaSE").contains("version=17");
    }

    @Test
    void exportsEveryPackageOfTheEngineAndTheComponentWithTheBundleVersion() throws IOException {
        Set<String> packages = classPackages();
        assertThat(packages).contains("io.github.camelanaplan.client", "io.github.camelanaplan.client.bulk",
                "io.github.camelanaplan.client.http", "io.github.camelanaplan.client.error", "io.github.camelanaplan.client.task",
                "io.github.camelanaplan.client.tenant",
                "io.github.camelanaplan.client.auth", "io.github.camelanaplan.client.transfer",
                "io.github.camelanaplan.component");
        assertThat(exports.keySet()).isEqualTo(packages);
        String version = main.getValue("Bundle-Version");
        exports.forEach((pkg, attrs) -> assertThat(attrs.get("version")).as("version of export %s", pkg)
                .isEqualTo(version));
    }

    @Test
    void importsWithVersionRanges() {
        assertThat(imports).containsKeys("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                "org.apache.camel.health", "org.apache.camel.support.console", "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.annotation", "org.apache.hc.client5.http", "org.apache.hc.core5.http",
                "org.slf4j", "io.micrometer.core.instrument");
        imports.forEach((pkg, attrs) -> {
            String range = attrs.get("version");
            if (pkg.startsWith("org.apache.camel")) {
                assertThat(range).as(pkg).isEqualTo("[4.18,5)");
            } else if (pkg.startsWith("com.fasterxml.jackson")) {
                assertThat(range).as(pkg).isEqualTo("[2.15,3)");
            } else if (pkg.startsWith("org.apache.hc.")) {
                assertThat(range).as(pkg).isEqualTo("[5.2,6)");
            } else if (pkg.startsWith("org.slf4j")) {
                assertThat(range).as(pkg).isEqualTo("[1.7,3)");
            } else if (pkg.startsWith("io.micrometer")) {
                assertThat(range).as(pkg).isEqualTo("[1.10,2)");
                assertThat(attrs.get("resolution:")).as("%s is optional", pkg).isEqualTo("optional");
            } else if (pkg.startsWith("io.github.camelanaplan")) {
                assertThat(exports).as("own package %s imported only because it is exported", pkg).containsKey(pkg);
            } else {
                // JDK packages outside java.* (javax.net.ssl, javax.crypto...) come from the system bundle
                assertThat(pkg).as("unexpected import").startsWith("javax.");
            }
        });
        assertThat(imports.keySet()).noneMatch(pkg -> pkg.startsWith("java."));
        assertThat(imports.get("org.apache.camel").get("resolution:")).isNull();
    }

    private static Set<String> classPackages() throws IOException {
        Path root = CLASSES.resolve("io/github/camelanaplan");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** An OSGi header: comma-separated clauses (commas inside quotes do not split), each "name;attr=value;dir:=value". */
    static Map<String, Map<String, String>> clauses(String header) {
        assertThat(header).isNotNull();
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int eq = part.indexOf('=');
                attrs.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim().replace("\"", ""));
            }
            result.put(parts.get(0).trim(), attrs);
        }
        return result;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
