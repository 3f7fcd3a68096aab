package io.github.camelanaplan.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelanaplan.simulator.AnaplanSimulator;
import io.github.camelanaplan.simulator.Seed;

/**
 * Where the examples send data: a real tenant, configured by {@code ANAPLAN_*} environment variables or
 * {@code anaplan.*} properties, or else the embedded simulator with its seeded model.
 *
 * <table>
 * <caption>settings</caption>
 * <tr><th>environment variable</th><th>property</th></tr>
 * <tr><td>ANAPLAN_USERNAME / ANAPLAN_PASSWORD</td><td>anaplan.username / anaplan.password</td></tr>
 * <tr><td>ANAPLAN_WORKSPACE_ID / ANAPLAN_MODEL_ID</td><td>anaplan.workspaceId / anaplan.modelId</td></tr>
 * <tr><td>ANAPLAN_IMPORT_ID / ANAPLAN_FILE_ID</td><td>anaplan.importId / anaplan.fileId</td></tr>
 * <tr><td>ANAPLAN_EXPORT_ID (optional)</td><td>anaplan.exportId</td></tr>
 * <tr><td>ANAPLAN_AUTH_URL / ANAPLAN_API_URL (optional)</td><td>anaplan.authUrl / anaplan.apiUrl</td></tr>
 * </table>
 */
public record AnaplanTarget(boolean simulated, String authUrl, String apiUrl, String username, String password,
                            String workspaceId, String modelId, String importId, String fileId, String exportId) {

    static final String[][] SETTINGS = {
        {"ANAPLAN_USERNAME", "anaplan.username"},
        {"ANAPLAN_PASSWORD", "anaplan.password"},
        {"ANAPLAN_WORKSPACE_ID", "anaplan.workspaceId"},
        {"ANAPLAN_MODEL_ID", "anaplan.modelId"},
        {"ANAPLAN_IMPORT_ID", "anaplan.importId"},
        {"ANAPLAN_FILE_ID", "anaplan.fileId"},
        {"ANAPLAN_EXPORT_ID", "anaplan.exportId"},
        {"ANAPLAN_AUTH_URL", "anaplan.authUrl"},
        {"ANAPLAN_API_URL", "anaplan.apiUrl"},
    };

    /** The seeded model of a running simulator. */
    public static AnaplanTarget simulator(AnaplanSimulator sim) {
        return new AnaplanTarget(true, sim.authUrl(), sim.apiUrl(), Seed.USERNAME, Seed.PASSWORD, Seed.WORKSPACE_ID,
                Seed.MODEL_ID, Seed.IMPORT_ID, Seed.FILE_ID, Seed.EXPORT_ID);
    }

    /**
     * A real tenant when a user name is configured, else null. Sources, first wins: environment variables, system
     * properties ({@code -Danaplan.username=…}), {@code application.properties} in the working directory, then the
     * one on the classpath.
     */
    public static AnaplanTarget fromEnvironment(Map<String, String> env, Properties system) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Properties> files = new ArrayList<>();
        files.add(load(Path.of("application.properties")));
        files.add(loadClasspath());
        for (String[] s : SETTINGS) {
            String v = env.get(s[0]);
            if (blank(v)) {
                v = system.getProperty(s[1]);
            }
            for (int i = 0; blank(v) && i < files.size(); i++) {
                v = files.get(i).getProperty(s[1]);
            }
            if (!blank(v)) {
                values.put(s[1], v.trim());
            }
        }
        if (!values.containsKey("anaplan.username")) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String[] s : SETTINGS) {
            boolean optional = s[0].equals("ANAPLAN_EXPORT_ID") || s[0].endsWith("_URL");
            if (!optional && !values.containsKey(s[1])) {
                missing.add(s[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ANAPLAN_USERNAME is set, so the demo runs against a real tenant, but "
                                               + String.join(", ", missing) + " " + (missing.size() == 1 ? "is" : "are")
                                               + " missing (environment variables, or anaplan.* properties)");
        }
        return new AnaplanTarget(false, values.getOrDefault("anaplan.authUrl", "https://auth.anaplan.com"),
                values.getOrDefault("anaplan.apiUrl", "https://api.anaplan.com/2/0"), values.get("anaplan.username"),
                values.get("anaplan.password"), values.get("anaplan.workspaceId"), values.get("anaplan.modelId"),
                values.get("anaplan.importId"), values.get("anaplan.fileId"), values.get("anaplan.exportId"));
    }

    /** The camel-main properties that point the {@code anaplan} component and the example routes at this target. */
    public Map<String, String> camelProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.anaplan.authUrl", authUrl);
        p.put("camel.component.anaplan.apiUrl", apiUrl);
        p.put("camel.component.anaplan.username", username);
        p.put("camel.component.anaplan.password", password);
        p.put("camel.component.anaplan.workspaceId", workspaceId);
        p.put("camel.component.anaplan.modelId", modelId);
        p.put("anaplan.importId", importId);
        p.put("anaplan.fileId", fileId);
        if (exportId != null) {
            p.put("anaplan.exportId", exportId);
        }
        if (simulated) {
            // the simulator's tasks take ~300 ms: poll sooner than the 1 s default
            p.put("camel.component.anaplan.statusPollDelay", "100");
            p.put("camel.component.anaplan.maxStatusPollDelay", "1000");
        }
        return p;
    }

    /** For printing: where, and as whom (never the password). */
    public String describe() {
        return (simulated ? "the embedded Anaplan simulator at " + apiUrl : "Anaplan at " + apiUrl) + ", user " + username
               + ", workspace " + workspaceId + ", model " + modelId + ", import " + importId + " (file " + fileId + ")"
               + (exportId == null ? "" : ", export " + exportId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Properties load(Path path) {
        Properties p = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static Properties loadClasspath() {
        Properties p = new Properties();
        try (InputStream in = AnaplanTarget.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read application.properties: " + e.getMessage(), e);
        }
        return p;
    }
}
