package io.github.camelanaplan.component;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Karaf features file published with the component (classifier {@code features}, type {@code xml}): feature
 * {@code camel-anaplan} on top of camel-karaf's {@code camel-core}, with bundles of the very versions the component is
 * built and tested with.
 */
class KarafFeaturesTest {

    private static final String KARAF_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static String text;
    private static Element root;

    @BeforeAll
    static void parse() throws Exception {
        Path file = Path.of("target", "features", "features.xml");
        text = Files.readString(file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        root = doc.getDocumentElement();
    }

    @Test
    void filteredWithTheBuildsVersions() {
        assertThat(text).doesNotContain("${");
        assertThat(root.getNamespaceURI()).isEqualTo(KARAF_NS);
        assertThat(root.getLocalName()).isEqualTo("features");
        assertThat(root.getAttribute("name")).startsWith("camel-anaplan-");
        assertThat(children(root, "repository")).singleElement().extracting(Element::getTextContent)
                .isEqualTo("mvn:org.apache.camel.karaf/apache-camel/4.18.1/xml/features");
    }

    @Test
    void theCamelAnaplanFeatureDependsOnCamelCoreAndCarriesItsBundles() {
        List<Element> features = children(root, "feature");
        assertThat(features).hasSize(1);
        Element feature = features.get(0);
        assertThat(feature.getAttribute("name")).isEqualTo("camel-anaplan");
        assertThat(feature.getAttribute("version")).isNotBlank();
        assertThat(feature.getAttribute("description")).isNotBlank();

        List<Element> dependsOn = children(feature, "feature");
        assertThat(dependsOn).hasSize(2);
        assertThat(dependsOn.get(0).getTextContent()).isEqualTo("wrap");
        assertThat(dependsOn.get(0).getAttribute("prerequisite")).isEqualTo("true");
        assertThat(dependsOn.get(1).getTextContent()).isEqualTo("camel-core");
        assertThat(dependsOn.get(1).getAttribute("version")).isEqualTo("[4.18,5)");

        List<String> bundles = children(feature, "bundle").stream().map(Element::getTextContent).toList();
        assertThat(bundles).last().isEqualTo("mvn:io.github.camelanaplan/camel-anaplan-component/"
                                             + feature.getAttribute("version"));
        assertThat(bundles).anyMatch(b -> b.startsWith("mvn:com.fasterxml.jackson.core/jackson-databind/"))
                .anyMatch(b -> b.startsWith("mvn:com.fasterxml.jackson.core/jackson-core/"))
                .anyMatch(b -> b.startsWith("mvn:com.fasterxml.jackson.core/jackson-annotations/"))
                .anyMatch(b -> b.startsWith("wrap:mvn:org.apache.httpcomponents.client5/httpclient5/"))
                .anyMatch(b -> b.startsWith("wrap:mvn:org.apache.httpcomponents.core5/httpcore5/"))
                .anyMatch(b -> b.startsWith("wrap:mvn:org.apache.httpcomponents.core5/httpcore5-h2/"));
        // the third-party bundles are exactly the jars the component is built and tested against
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String bundle : bundles.subList(0, bundles.size() - 1)) {
            String[] gav = bundle.replaceFirst("^(wrap:)?mvn:", "").replaceFirst("\\$.*", "").split("/");
            String jar = gav[1] + File.separator + gav[2] + File.separator + gav[1] + "-" + gav[2] + ".jar";
            assertThat(classPath).as("%s on the test class path", jar).contains(jar);
            assertThat(children(feature, "bundle").stream().filter(b -> b.getTextContent().equals(bundle)).findFirst()
                    .orElseThrow().getAttribute("dependency")).isEqualTo("true");
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }
}
