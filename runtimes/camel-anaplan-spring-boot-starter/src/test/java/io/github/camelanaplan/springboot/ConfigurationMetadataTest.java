package io.github.camelanaplan.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelanaplan.springboot.metadata.ConfigurationMetadataWriter;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/**
 * The starter jar's {@code spring-configuration-metadata.json}, read with Spring Boot's own metadata reader (as IDEs
 * do), lists every component option of the Camel catalog under {@code camel.component.anaplan}, with the catalog's
 * description, a type and the catalog's default, and the allowed values of enum options.
 */
class ConfigurationMetadataTest {

    @Test
    void listsEveryComponentOptionOfTheCatalog() throws Exception {
        ConfigurationMetadataRepository repository;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConfigurationMetadataWriter.METADATA)) {
            assertThat(in).as("the build writes " + ConfigurationMetadataWriter.METADATA).isNotNull();
            repository = ConfigurationMetadataRepositoryJsonBuilder.create().withJsonResource(in).build();
        }
        Map<String, ConfigurationMetadataProperty> properties = repository.getAllProperties();
        JsonNode catalog;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConfigurationMetadataWriter.CATALOG)) {
            catalog = new ObjectMapper().readTree(in);
        }
        int options = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.path("componentProperties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode spec = option.getValue();
            String name = "camel.component.anaplan." + StringHelper.camelCaseToDash(option.getKey());
            assertThat(properties).as(name).containsKey(name);
            ConfigurationMetadataProperty property = properties.get(name);
            assertThat(property.getDescription()).as(name).startsWith(spec.path("description").asText());
            assertThat(property.getType()).as(name).isNotBlank();
            if (spec.has("defaultValue")) {
                assertThat(String.valueOf(property.getDefaultValue())).as(name).isEqualTo(spec.get("defaultValue").asText());
            }
            if (spec.has("enum")) {
                assertThat(property.getHints().getValueHints()).as(name).extracting(h -> String.valueOf(h.getValue()))
                        .containsExactlyElementsOf(() -> java.util.stream.StreamSupport.stream(spec.get("enum").spliterator(), false)
                                .map(JsonNode::asText).iterator());
            }
            options++;
        }
        assertThat(options).as("component options in the catalog").isGreaterThan(50);
        assertThat(properties).as("the options and the starter's switch, nothing else").hasSize(options + 1);
        assertThat(properties.get("camel.component.anaplan.enabled").getDefaultValue()).isEqualTo(true);
        assertThat(properties.get("camel.component.anaplan.upload-chunk-size").getType()).isEqualTo("java.lang.Long");
        assertThat(properties.get("camel.component.anaplan.task-timeout").getType()).isEqualTo("java.lang.String");
        assertThat(properties.get("camel.component.anaplan.password").getDescription()).contains("secret");
    }
}
