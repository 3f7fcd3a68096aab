package io.github.camelanaplan.springboot.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.StringHelper;

/**
 * Writes {@code META-INF/spring-configuration-metadata.json} for {@code camel.component.anaplan.*} from the
 * component's Camel catalog ({@code anaplan.json}, generated from its {@code @UriParam}s), at build time: IDEs then
 * complete and document every component option, with its type, default and allowed values, from the same source as
 * the Camel tooling. The starter binds the options through the component's generated configurer, so there is no
 * {@code @ConfigurationProperties} class for Spring's annotation processor to read; this writer takes its place.
 * Run by the build ({@code exec-maven-plugin}, phase {@code process-classes}) with the output directory as argument.
 */
public final class ConfigurationMetadataWriter {

    /** The prefix of the component's properties. */
    public static final String PREFIX = "camel.component.anaplan";
    /** Where the component jar carries its catalog. */
    public static final String CATALOG = "META-INF/io/github/camelanaplan/component/anaplan.json";
    /** Where Spring Boot looks for the metadata. */
    public static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final Map<String, String> BOXED = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "boolean", "java.lang.Boolean", "double", "java.lang.Double", "float", "java.lang.Float",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "char", "java.lang.Character");

    private ConfigurationMetadataWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConfigurationMetadataWriter <classes directory>");
        }
        Path out = Path.of(args[0]).resolve(METADATA);
        Files.createDirectories(out.getParent());
        JsonNode metadata = metadata(readCatalog());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), metadata);
    }

    static JsonNode readCatalog() {
        try (InputStream in = ConfigurationMetadataWriter.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path: the component jar is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata for every component property of {@code catalog}, plus the starter's own switch. */
    public static JsonNode metadata(JsonNode catalog) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        String componentClass = catalog.path("component").path("javaType").asText();
        ObjectNode group = root.putArray("groups").addObject();
        group.put("name", PREFIX).put("type", componentClass).put("sourceType", componentClass)
                .put("description", catalog.path("component").path("description").asText());
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = root.putArray("hints");
        properties.addObject().put("name", PREFIX + ".enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the anaplan component. This is enabled by default.")
                .put("defaultValue", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.path("componentProperties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode spec = option.getValue();
            String name = PREFIX + "." + StringHelper.camelCaseToDash(option.getKey());
            ObjectNode property = properties.addObject();
            property.put("name", name).put("type", springType(spec)).put("description", description(spec))
                    .put("sourceType", componentClass);
            if (spec.has("defaultValue")) {
                property.set("defaultValue", spec.get("defaultValue"));
            }
            if (spec.path("deprecated").asBoolean()) {
                property.putObject("deprecation");
            }
            if (spec.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                spec.get("enum").forEach(value -> values.addObject().set("value", value));
            }
        }
        return root;
    }

    /**
     * Spring's type names: boxed primitives; bean and generic types as the catalog names them. Durations are Strings:
     * Camel reads {@code 30s}, {@code 1m30s} or milliseconds, which Spring's own Duration type would partly flag.
     */
    static String springType(JsonNode spec) {
        if ("duration".equals(spec.path("type").asText())) {
            return "java.lang.String";
        }
        String javaType = spec.path("javaType").asText();
        return BOXED.getOrDefault(javaType, javaType);
    }

    private static String description(JsonNode spec) {
        String text = spec.path("description").asText();
        if (spec.path("secret").asBoolean()) {
            text += " A secret: prefer a vault or environment placeholder to a literal.";
        }
        if ("object".equals(spec.path("type").asText()) && !text.contains(" type.")) {
            text += " The option is a " + spec.path("javaType").asText() + " type (a bean reference such as #bean:name).";
        }
        return text;
    }
}
