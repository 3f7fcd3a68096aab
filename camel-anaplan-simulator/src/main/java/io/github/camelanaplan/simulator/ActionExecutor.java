package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The semantics of imports, exports, processes and other actions, run when a task completes. */
final class ActionExecutor {

    /** Result of running one action. */
    static final class Outcome {
        final ObjectNode result;
        final boolean successful;
        final boolean dumpAvailable;

        Outcome(ObjectNode result, boolean successful, boolean dumpAvailable) {
            this.result = result;
            this.successful = successful;
            this.dumpAvailable = dumpAvailable;
        }
    }

    private final boolean omitEmpty;

    ActionExecutor(boolean omitEmpty) {
        this.omitEmpty = omitEmpty;
    }

    Outcome execute(SimModel model, SimTask task) {
        ActionDef def = model.action(task.actionId());
        boolean forceFail = model.consumeFailNext(task.actionId());
        if (def == null) {
            return failure(task.actionId(), "", "The action no longer exists", false, task);
        }
        if (def.kind == ActionKind.PROCESS) {
            return process(model, task, def, forceFail);
        }
        return single(model, task, def, forceFail);
    }

    private Outcome single(SimModel model, SimTask task, ActionDef def, boolean forceFail) {
        forceFail |= model.consumeFailNext(def.id);
        switch (def.kind) {
            case IMPORT:
                return importAction(model, task, def, forceFail);
            case EXPORT:
                return forceFail ? failure(def.id, def.name, "Simulated export failure", true, task) : export(model, def);
            default:
                return forceFail ? failure(def.id, def.name, "Simulated action failure", true, task) : other(model, def);
        }
    }

    private Outcome process(SimModel model, SimTask task, ActionDef def, boolean forceFail) {
        List<ObjectNode> nested = new ArrayList<>();
        boolean ok = true;
        boolean dump = false;
        boolean first = true;
        for (String actionId : def.actionIds) {
            ActionDef sub = model.action(actionId);
            Outcome o;
            if (sub == null || sub.kind == ActionKind.PROCESS) {
                o = failure(actionId, "", "Unknown action in process", false, task);
            } else {
                o = single(model, task, sub, forceFail && first);
            }
            first = false;
            nested.add(o.result);
            ok &= o.successful;
            dump |= o.dumpAvailable;
        }
        if (def.actionIds.isEmpty() && forceFail) {
            return failure(def.id, def.name, "Simulated process failure", true, task);
        }
        ObjectNode r = base(def.id, def.name, ok, dump);
        Json.putList(r, "nestedResults", nested, omitEmpty);
        return new Outcome(r, ok, dump);
    }

    private Outcome importAction(SimModel model, SimTask task, ActionDef def, boolean forceFail) {
        SimFile file = def.dataSourceFileId == null ? null : model.file(def.dataSourceFileId);
        byte[] content = file == null ? null : file.content();
        if (content == null || content.length == 0) {
            return failure(def.id, def.name, "The import data source file is empty or missing", false, task);
        }
        char sep = file.separator.isEmpty() ? ',' : file.separator.charAt(0);
        char quote = file.delimiter.isEmpty() ? '"' : file.delimiter.charAt(0);
        List<Csv.Record> records = Csv.parse(new String(content, StandardCharsets.UTF_8), sep, quote);
        int headerIdx = Math.max(0, file.headerRow - 1);
        int firstData = Math.max(headerIdx + 1, file.firstDataRow - 1);
        List<String> fileHeaders = records.size() > headerIdx && file.headerRow > 0 ? records.get(headerIdx).fields : List.of();
        if (forceFail) {
            StringBuilder d = new StringBuilder(dumpHeader(fileHeaders));
            for (int i = firstData; i < records.size(); i++) {
                d.append(dumpLine(records.get(i), "Simulated import failure"));
            }
            task.dumps.put(def.id, d.toString().getBytes(StandardCharsets.UTF_8));
            ObjectNode r = base(def.id, def.name, false, true);
            detail(r, def.targetName, 0, 0, records.size() - firstData, records.size() - firstData, def.type);
            return new Outcome(r, false, true);
        }
        Target target = model.target(def.targetName);
        target.adoptHeadersIfNoRows(fileHeaders);
        List<String> targetHeaders = target.headers();
        int[] mapping = mapping(targetHeaders, fileHeaders);
        Pattern reject = model.rejectPattern(def.id);
        int ok = 0;
        int ignored = 0;
        int failed = 0;
        StringBuilder dump = new StringBuilder(dumpHeader(fileHeaders));
        for (int i = firstData; i < records.size(); i++) {
            Csv.Record rec = records.get(i);
            if (rec.fields.stream().allMatch(String::isBlank)) {
                ignored++;
                continue;
            }
            if (reject != null && reject.matcher(rec.raw).find()) {
                failed++;
                dump.append(dumpLine(rec, "Row rejected by the simulator"));
                continue;
            }
            List<String> row = new ArrayList<>();
            for (int m : mapping) {
                row.add(m >= 0 && m < rec.fields.size() ? rec.fields.get(m) : "");
            }
            if (row.isEmpty() || row.get(0).isBlank()) {
                // no key (item name / first column): Anaplan ignores such rows
                ignored++;
                continue;
            }
            target.upsert(row);
            ok++;
        }
        boolean hasDump = failed > 0;
        if (hasDump) {
            task.dumps.put(def.id, dump.toString().getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode r = base(def.id, def.name, true, hasDump);
        detail(r, def.targetName, ok, ignored, failed, ok + ignored + failed, def.type);
        return new Outcome(r, true, hasDump);
    }

    private static int[] mapping(List<String> targetHeaders, List<String> fileHeaders) {
        int[] map = new int[targetHeaders.size()];
        boolean any = false;
        for (int i = 0; i < map.length; i++) {
            map[i] = fileHeaders.indexOf(targetHeaders.get(i));
            any |= map[i] >= 0;
        }
        if (!any) {
            for (int i = 0; i < map.length; i++) {
                map[i] = i;
            }
        }
        return map;
    }

    private static String dumpHeader(List<String> fileHeaders) {
        List<String> h = new ArrayList<>();
        h.add("_Status_");
        h.addAll(fileHeaders);
        h.add("_Line_");
        h.add("_Error_1_");
        return Csv.line(h);
    }

    private static String dumpLine(Csv.Record rec, String error) {
        List<String> l = new ArrayList<>();
        l.add("E");
        l.addAll(rec.fields);
        l.add(String.valueOf(rec.line));
        l.add(error);
        return Csv.line(l);
    }

    private void detail(ObjectNode r, String targetName, int ok, int ignored, int failed, int total, String importType) {
        boolean module = "MODULE_DATA".equals(importType);
        ObjectNode d = Json.object();
        d.put("localMessageText", targetName + ": " + ok + " (" + failed + "/" + total + ") rows successful, " + ignored + " ignored ");
        d.put("occurrences", 0);
        d.put("type", module ? "moduleRowsProcessed" : "hierarchyRowsProcessed");
        ArrayNode v = d.putArray("values");
        v.add(module ? "moduleName" : "hierarchyName").add(targetName);
        v.add("successRowCount").add(String.valueOf(ok));
        v.add("ignoredCount").add(String.valueOf(ignored));
        v.add("totalRowCount").add(String.valueOf(total));
        v.add("failedCount").add(String.valueOf(failed));
        r.putArray("details").add(d);
    }

    private Outcome export(SimModel model, ActionDef def) {
        Target t = model.target(def.targetName);
        List<List<String>> rows = t.rows();
        byte[] csv = Csv.write(t.headers(), rows).getBytes(StandardCharsets.UTF_8);
        SimFile out = model.createFile(def.id, def.name);
        out.putContent(csv, model.options().fileChunkSize(), model.store());
        ObjectNode r = base(def.id, def.name, true, false);
        ObjectNode d = Json.object();
        d.put("localMessageText", def.name + ": " + rows.size() + " rows exported");
        d.put("occurrences", 0);
        d.put("type", "exportSucceeded");
        d.putArray("values").add("rowCount").add(String.valueOf(rows.size()));
        r.putArray("details").add(d);
        return new Outcome(r, true, false);
    }

    private Outcome other(SimModel model, ActionDef def) {
        ObjectNode r = base(def.id, def.name, true, false);
        if ("DELETE_BY_SELECTION".equals(def.type) && def.targetName != null) {
            Target t = model.target(def.targetName);
            int n = t.size();
            t.clear();
            ObjectNode d = Json.object();
            d.put("localMessageText", def.targetName + ": " + n + " items deleted");
            d.put("occurrences", 0);
            d.put("type", "deleteSucceeded");
            d.putArray("values").add("deletedCount").add(String.valueOf(n));
            r.putArray("details").add(d);
        }
        return new Outcome(r, true, false);
    }

    private Outcome failure(String objectId, String name, String message, boolean withDump, SimTask task) {
        if (withDump) {
            task.dumps.put(objectId, ("_Status_,_Line_,_Error_1_\nE,0," + Csv.escape(message, ',') + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode r = base(objectId, name, false, withDump);
        ObjectNode d = Json.object();
        d.put("localMessageText", message);
        d.put("occurrences", 0);
        d.put("type", "failure");
        r.putArray("details").add(d);
        return new Outcome(r, false, withDump);
    }

    private static ObjectNode base(String objectId, String name, boolean ok, boolean dump) {
        ObjectNode r = Json.object();
        r.put("successful", ok);
        r.put("failureDumpAvailable", dump);
        r.put("objectId", objectId);
        r.put("objectName", name);
        return r;
    }
}
