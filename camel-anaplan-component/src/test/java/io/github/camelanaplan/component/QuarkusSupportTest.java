package io.github.camelanaplan.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel Quarkus needs from a third-party component jar: a Jandex index (JVM mode; written by the Camel generator)
 * and, for native mode, reflection config of the classes Jackson binds (written by src/build/ReflectConfig.java).
 */
class QuarkusSupportTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theJarCarriesAJandexIndex() throws Exception {
        try (InputStream in = QuarkusSupportTest.class.getResourceAsStream("/META-INF/jandex.idx")) {
            assertThat(in).as("META-INF/jandex.idx").isNotNull();
            byte[] index = in.readAllBytes();
            // Jandex magic 0xBABE1F15
            assertThat(index).startsWith((byte) 0xBA, (byte) 0xBE, (byte) 0x1F, (byte) 0x15);
            assertThat(new String(index, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("AnaplanComponent");
        }
    }

    @Test
    void reflectionConfigListsEveryModelClassAndTheBoundRecords() throws Exception {
        JsonNode config;
        try (InputStream in = QuarkusSupportTest.class.getResourceAsStream(
                "/META-INF/native-image/io.github.camelanaplan/camel-anaplan-component/reflect-config.json")) {
            assertThat(in).as("reflect-config.json in the jar").isNotNull();
            config = new ObjectMapper().readTree(in);
        }
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : config) {
            String name = entry.get("name").asText();
            listed.add(name);
            assertThat(entry.get("allDeclaredConstructors").asBoolean()).as(name).isTrue();
            assertThat(entry.get("allDeclaredMethods").asBoolean()).as(name).isTrue();
            assertThat(entry.get("allDeclaredFields").asBoolean()).as(name).isTrue();
            Class.forName(name, false, QuarkusSupportTest.class.getClassLoader());
        }
        Set<String> modelClasses = new TreeSet<>();
        for (String pkg : new String[] { "bulk", "tenant" }) {
            try (Stream<Path> files = Files.list(CLASSES.resolve("io/github/camelanaplan/client/" + pkg))) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("ModelClient.class")
                                     && !n.equals("ActionTasks.class") && !n.equals("TaskFailure.class") && !n.equals("Csv.class"))
                        .map(n -> "io.github.camelanaplan.client." + pkg + "." + n.substring(0, n.length() - 6))
                        .forEach(modelClasses::add);
            }
        }
        assertThat(modelClasses).contains("io.github.camelanaplan.client.bulk.TaskStatus",
                "io.github.camelanaplan.client.bulk.TaskResult", "io.github.camelanaplan.client.tenant.Model");
        assertThat(listed).containsAll(modelClasses);
        assertThat(listed).contains("io.github.camelanaplan.client.transfer.UploadResult",
                "io.github.camelanaplan.client.bulk.TaskState");
        assertThat(listed).allMatch(n -> n.startsWith("io.github.camelanaplan.client."));
    }
}
