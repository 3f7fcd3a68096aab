import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin with the JDK's source launcher in process-classes, not shipped): writes the
 * GraalVM / Quarkus native reflection config for the classes Jackson binds by reflection: every record and enum
 * under {@code io.github.camelanaplan.client} (the answer types of every API family are records).
 * <p>
 * Arguments: the classes directory, the output file, the runtime class path.
 */
public class ReflectConfig {

    private static final String ROOT = "io/github/camelanaplan/client";

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        if (args.length > 2) {
            for (String entry : args[2].split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
        }
        TreeSet<String> selected = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
             Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnonymousClass() || type.isSynthetic()) {
                    continue;
                }
                if (type.isRecord() || type.isEnum()) {
                    selected.add(type.getName());
                }
            }
        }
        StringBuilder json = new StringBuilder("[\n");
        String separator = "";
        for (String name : selected) {
            json.append(separator).append("  {\n    \"name\": \"").append(name).append("\",\n")
                    .append("    \"allDeclaredConstructors\": true,\n    \"allPublicConstructors\": true,\n")
                    .append("    \"allDeclaredMethods\": true,\n    \"allPublicMethods\": true,\n")
                    .append("    \"allDeclaredFields\": true,\n    \"allPublicFields\": true\n  }");
            separator = ",\n";
        }
        json.append("\n]\n");
        Files.createDirectories(out.getParent());
        String text = json.toString();
        if (!Files.exists(out) || !Files.readString(out).equals(text)) {
            Files.writeString(out, text);
        }
        System.out.println("[reflect-config] " + selected.size() + " classes -> " + out);
    }

    private ReflectConfig() {
    }
}
