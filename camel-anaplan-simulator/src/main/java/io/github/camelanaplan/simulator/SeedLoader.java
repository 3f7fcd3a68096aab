package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Loads a seed JSON file (format in src-docs/simulator.md). */
final class SeedLoader {

    private SeedLoader() {
    }

    static void load(Path path, SimTenant tenant, SimAuth auth) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + path, e);
        }
        apply(root, tenant, auth);
    }

    static void apply(JsonNode root, SimTenant tenant, SimAuth auth) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the seed must be a JSON object");
        }
        if (root.path("includeDefaultSeed").asBoolean(false)) {
            Seed.installDefault(tenant, auth);
        }
        for (JsonNode u : root.path("users")) {
            auth.addUser(req(u, "username"), req(u, "password"));
        }
        for (JsonNode pem : root.path("certificates")) {
            auth.registerCertificate(certificate(pem.asText()));
        }
        for (JsonNode c : root.path("oauthClients")) {
            String id = req(c, "clientId");
            auth.addOAuthClient(id, c.hasNonNull("clientSecret") ? c.get("clientSecret").asText() : null, c.path("rotating").asBoolean(true));
            for (JsonNode rt : c.path("refreshTokens")) {
                auth.addRefreshToken(id, rt.asText());
            }
        }
        for (JsonNode w : root.path("workspaces")) {
            String wsId = req(w, "id");
            if (tenant.workspace(wsId) == null) {
                tenant.addWorkspace(wsId, w.path("name").asText(wsId));
            }
            for (JsonNode m : w.path("models")) {
                model(tenant.addModel(wsId, req(m, "id"), m.path("name").asText(m.get("id").asText()),
                        m.path("state").asText("UNLOCKED")), m);
            }
        }
    }

    private static void model(SimModel model, JsonNode m) {
        if (m.path("defaultObjects").asBoolean(false)) {
            Seed.populate(model);
        }
        for (JsonNode f : m.path("files")) {
            String id = req(f, "id");
            model.addFile(id, f.path("name").asText(id));
            SimFile file = model.file(id);
            file.applyMetadata(f);
            if (f.hasNonNull("content")) {
                model.putFileContent(id, f.get("content").asText().getBytes(StandardCharsets.UTF_8));
            } else if (f.hasNonNull("contentBase64")) {
                model.putFileContent(id, Base64.getDecoder().decode(f.get("contentBase64").asText()));
            } else if (f.hasNonNull("syntheticSize")) {
                model.addSyntheticFile(id, file.name, f.get("syntheticSize").asLong(), f.path("chunkSize").asInt(10 * 1024 * 1024));
            }
        }
        for (JsonNode t : m.path("targets")) {
            List<String> headers = strings(t.path("headers"));
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                rows.add(strings(r));
            }
            model.setRows(req(t, "name"), headers, rows);
        }
        for (JsonNode i : m.path("imports")) {
            model.addImport(req(i, "id"), i.path("name").asText(i.get("id").asText()), i.path("file").asText(null),
                    req(i, "target"), i.path("type").asText("HIERARCHY_DATA"));
        }
        for (JsonNode e : m.path("exports")) {
            model.addExport(req(e, "id"), e.path("name").asText(e.get("id").asText()), req(e, "target"));
        }
        for (JsonNode a : m.path("actions")) {
            model.addAction(req(a, "id"), a.path("name").asText(a.get("id").asText()), a.path("type").asText("DELETE_BY_SELECTION"),
                    a.path("target").asText(null));
        }
        for (JsonNode p : m.path("processes")) {
            model.addProcess(req(p, "id"), p.path("name").asText(p.get("id").asText()), strings(p.path("actions")).toArray(new String[0]));
        }
        if (m.has("transactional")) {
            model.transactional.load(m.get("transactional"));
        }
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : arr) {
            out.add(n.asText());
        }
        return out;
    }

    private static String req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("seed: missing '" + field + "' in " + n);
        }
        return v.asText();
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("seed: invalid certificate PEM", e);
        }
    }
}
