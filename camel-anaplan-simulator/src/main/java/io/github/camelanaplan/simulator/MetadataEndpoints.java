package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** §5.3: lists and metadata of imports, exports, processes and other actions; §5.4 the file list. */
final class MetadataEndpoints {

    private final ApiSupport api;

    MetadataEndpoints(ApiSupport api) {
        this.api = api;
    }

    void register(Router r) {
        r.model("GET", "/imports", req -> list(req, ActionKind.IMPORT, "imports", "import"));
        r.model("GET", "/exports", req -> list(req, ActionKind.EXPORT, "exports", "export"));
        r.model("GET", "/processes", req -> list(req, ActionKind.PROCESS, "processes", "process"));
        r.model("GET", "/actions", req -> list(req, ActionKind.ACTION, "actions", "action"));
        r.model("GET", "/imports/{id}", this::importMetadata);
        r.model("GET", "/exports/{id}", this::exportMetadata);
        r.model("GET", "/processes/{id}", this::processMetadata);
        r.model("GET", "/actions/{id}", this::actionMetadata);
        r.model("GET", "/files", this::files);
    }

    private ObjectNode itemJson(SimModel m, ActionDef d) {
        ObjectNode n = Json.object();
        n.put("id", d.id);
        n.put("name", d.name);
        switch (d.kind) {
            case IMPORT:
                n.put("importDataSourceId", d.dataSourceFileId == null ? "" : d.dataSourceFileId);
                n.put("importType", d.type);
                n.put("code", "");
                break;
            case EXPORT:
                n.put("exportType", d.type);
                n.put("exportFormat", "text/csv");
                n.put("encoding", "UTF-8");
                n.put("layout", d.type);
                break;
            case ACTION:
                n.put("actionType", d.type);
                break;
            default:
                break;
        }
        return n;
    }

    private SimResponse list(SimRequest req, ActionKind kind, String key, String schemaName) {
        SimModel m = api.model(req);
        List<ObjectNode> items = new ArrayList<>();
        m.actions(kind).forEach(d -> items.add(itemJson(m, d)));
        return api.page(req, ApiSupport.schema(req, m.id(), schemaName), key, items);
    }

    private ActionDef def(SimModel m, SimRequest req, ActionKind kind) {
        ActionDef d = m.action(req.param("id"));
        if (d == null || d.kind != kind) {
            throw ApiException.notFound();
        }
        return d;
    }

    private List<String> sourceHeaders(SimModel m, ActionDef d) {
        SimFile f = d.dataSourceFileId == null ? null : m.file(d.dataSourceFileId);
        if (f != null && f.synthetic() == null) {
            byte[] c = f.content();
            if (c != null && f.headerRow > 0) {
                String text = new String(c, 0, Math.min(c.length, 1 << 20), StandardCharsets.UTF_8);
                char sep = f.separator.isEmpty() ? ',' : f.separator.charAt(0);
                char quote = f.delimiter.isEmpty() ? '"' : f.delimiter.charAt(0);
                List<Csv.Record> recs = Csv.parse(text, sep, quote);
                if (recs.size() >= f.headerRow) {
                    return recs.get(f.headerRow - 1).fields;
                }
            }
        }
        return d.targetName == null ? List.of() : m.headers(d.targetName);
    }

    private SimResponse importMetadata(SimRequest req) {
        SimModel m = api.model(req);
        ActionDef d = def(m, req, ActionKind.IMPORT);
        SimFile f = d.dataSourceFileId == null ? null : m.file(d.dataSourceFileId);
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "importMetadata"));
        ObjectNode md = root.putObject("importMetadata");
        md.put("name", d.name);
        md.put("type", "FILE");
        ObjectNode src = md.putObject("source");
        src.put("textEncoding", f == null ? "UTF-8" : f.encoding);
        src.put("columnSeparator", f == null ? "," : f.separator);
        src.put("textDelimiter", f == null ? "\"" : f.delimiter);
        src.put("headerRow", f == null ? 1 : f.headerRow);
        src.put("firstDataRow", f == null ? 2 : f.firstDataRow);
        src.put("decimalSeparator", ".");
        List<String> headers = sourceHeaders(m, d);
        ArrayNode h = src.putArray("headerNames");
        headers.forEach(h::add);
        src.put("columnCount", headers.size());
        return SimResponse.json(200, root);
    }

    private SimResponse exportMetadata(SimRequest req) {
        SimModel m = api.model(req);
        ActionDef d = def(m, req, ActionKind.EXPORT);
        List<String> headers = m.headers(d.targetName);
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "exportMetadata"));
        ObjectNode md = root.putObject("exportMetadata");
        md.put("columnCount", headers.size());
        ArrayNode types = md.putArray("dataTypes");
        ArrayNode names = md.putArray("headerNames");
        ArrayNode lists = md.putArray("listNames");
        for (int i = 0; i < headers.size(); i++) {
            types.add(i == 0 ? "ENTITY" : "TEXT");
            names.add(headers.get(i));
            lists.add(i == 0 ? d.targetName : "");
        }
        md.put("delimiter", "\"");
        md.put("encoding", "UTF-8");
        md.put("exportFormat", "text/csv");
        md.put("rowCount", m.rows(d.targetName).size());
        md.put("separator", ",");
        md.put("layout", d.type);
        return SimResponse.json(200, root);
    }

    private SimResponse processMetadata(SimRequest req) {
        SimModel m = api.model(req);
        ActionDef d = def(m, req, ActionKind.PROCESS);
        boolean showSource = "true".equalsIgnoreCase(req.query("showImportDataSource"));
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "processMetadata"));
        ObjectNode md = root.putObject("processMetadata");
        md.put("name", d.name);
        List<ObjectNode> actions = new ArrayList<>();
        for (String id : d.actionIds) {
            ActionDef a = m.action(id);
            ObjectNode n = Json.object();
            n.put("id", id);
            n.put("name", a == null ? "" : a.name);
            if (a != null) {
                switch (a.kind) {
                    case IMPORT:
                        n.put("actionType", "IMPORT");
                        n.put("importDataSourceId", a.dataSourceFileId == null ? "" : a.dataSourceFileId);
                        n.put("importType", a.type);
                        if (showSource && a.dataSourceFileId != null) {
                            ObjectNode s = n.putObject("importDataSource");
                            s.put("importDataSourceId", a.dataSourceFileId);
                            s.put("type", "FILE");
                        }
                        break;
                    case EXPORT:
                        n.put("actionType", "EXPORT");
                        n.put("exportType", a.type);
                        n.put("exportFormat", "text/csv");
                        n.put("layout", a.type);
                        break;
                    default:
                        n.put("actionType", a.type);
                }
            }
            actions.add(n);
        }
        Json.putList(md, "actions", actions, api.omitEmpty());
        return SimResponse.json(200, root);
    }

    private SimResponse actionMetadata(SimRequest req) {
        SimModel m = api.model(req);
        ActionDef d = def(m, req, ActionKind.ACTION);
        ObjectNode root = Json.success(ApiSupport.schema(req, m.id(), "actionMetadata"));
        ObjectNode md = root.putObject("actionMetadata");
        md.put("id", d.id);
        md.put("name", d.name);
        md.put("actionType", d.type);
        return SimResponse.json(200, root);
    }

    private SimResponse files(SimRequest req) {
        SimModel m = api.model(req);
        List<ObjectNode> items = new ArrayList<>();
        m.files().forEach(f -> items.add(f.toJson()));
        return api.page(req, ApiSupport.schema(req, m.id(), "file"), "files", items);
    }
}
