package io.github.camelanaplan.simulator;

import static io.github.camelanaplan.simulator.SimClient.json;
import static io.github.camelanaplan.simulator.SimClient.ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TasksTest {

    AnaplanSimulator sim;
    SimClient c;
    SimModel model;

    @BeforeEach
    void start() throws Exception {
        sim = AnaplanSimulator.start(SimulatorOptions.defaults().taskDuration(Duration.ofMillis(120)));
        c = new SimClient(sim).login();
        model = sim.tenant().model(Seed.MODEL_ID);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> startTask(String kind, String id) throws Exception {
        return c.postJson(ws() + "/" + kind + "/" + id + "/tasks", "{\"localeName\":\"en_US\"}");
    }

    @Test
    void metadataEndpoints() throws Exception {
        JsonNode imports = json(c.get(ws() + "/imports"));
        assertThat(imports.at("/imports/0/id").asText()).isEqualTo(Seed.IMPORT_ID);
        assertThat(imports.at("/imports/0/importDataSourceId").asText()).isEqualTo(Seed.FILE_ID);
        assertThat(imports.at("/imports/0/importType").asText()).isEqualTo("HIERARCHY_DATA");
        assertThat(imports.at("/imports/1/importType").asText()).isEqualTo("MODULE_DATA");
        JsonNode im = json(c.get("/models/" + Seed.MODEL_ID + "/imports/" + Seed.IMPORT_ID));
        assertThat(im.at("/importMetadata/source/headerNames").toString()).isEqualTo("[\"Name\",\"Code\",\"Department\",\"Email\"]");
        assertThat(im.at("/importMetadata/type").asText()).isEqualTo("FILE");
        JsonNode ex = json(c.get(ws() + "/exports/" + Seed.EXPORT_ID));
        assertThat(ex.at("/exportMetadata/exportFormat").asText()).isEqualTo("text/csv");
        assertThat(ex.at("/exportMetadata/headerNames/0").asText()).isEqualTo("Name");
        JsonNode pm = json(c.get(ws() + "/processes/" + Seed.PROCESS_ID + "?showImportDataSource=true"));
        assertThat(pm.at("/processMetadata/actions/0/id").asText()).isEqualTo(Seed.IMPORT_ID);
        assertThat(pm.at("/processMetadata/actions/0/actionType").asText()).isEqualTo("IMPORT");
        assertThat(pm.at("/processMetadata/actions/1/actionType").asText()).isEqualTo("EXPORT");
        JsonNode actions = json(c.get(ws() + "/actions"));
        assertThat(actions.at("/actions/0/actionType").asText()).isEqualTo("DELETE_BY_SELECTION");
        assertThat(json(c.get(ws() + "/processes")).at("/processes/0/name").asText()).isEqualTo(Seed.PROCESS_NAME);
        assertThat(json(c.get(ws() + "/exports")).at("/exports/0/id").asText()).isEqualTo(Seed.EXPORT_ID);
        assertThat(c.get(ws() + "/imports/112999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void lifecycleAndResultShape() throws Exception {
        HttpResponse<String> r = startTask("imports", Seed.IMPORT_ID);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode start = json(r);
        assertThat(start.at("/status/code").asInt()).isEqualTo(200);
        assertThat(start.at("/task/taskState").asText()).isEqualTo("NOT_STARTED");
        String taskId = start.at("/task/taskId").asText();
        assertThat(taskId).matches("[0-9A-F]{32}");
        assertThat(start.at("/task/creationTime").asLong()).isPositive();
        JsonNode running = json(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + taskId)).get("task");
        assertThat(running.has("result")).isFalse();
        JsonNode done = c.waitTask("imports", Seed.IMPORT_ID, taskId);
        assertThat(done.at("/currentStep").asText()).isEqualTo("Complete.");
        assertThat(done.at("/progress").asDouble()).isEqualTo(1.0);
        assertThat(done.at("/result/objectId").asText()).isEqualTo(Seed.IMPORT_ID);
        assertThat(done.at("/result/objectName").asText()).isEqualTo(Seed.IMPORT_NAME);
        assertThat(done.at("/result/failureDumpAvailable").asBoolean()).isFalse();
        assertThat(done.at("/result/details/0/type").asText()).isEqualTo("hierarchyRowsProcessed");
        assertThat(done.at("/result/details/0/localMessageText").asText()).isEqualTo("Employees: 5 (0/5) rows successful, 0 ignored ");
        assertThat(model.tasks(Seed.IMPORT_ID)).hasSize(1);
        SimTask t = model.tasks(Seed.IMPORT_ID).get(0);
        assertThat(t.successful()).isTrue();
        assertThat(t.completedAtNanos()).isPositive();
        assertThat(t.dataSourceCompleteAtStart()).isTrue();
        assertThat(t.localeName()).isEqualTo("en_US");
        assertThat(model.taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        JsonNode list = json(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks"));
        assertThat(list.at("/tasks/0/taskId").asText()).isEqualTo(taskId);
        assertThat(list.at("/meta/paging/totalSize").asInt()).isEqualTo(1);
        JsonNode none = json(c.get(ws() + "/exports/" + Seed.EXPORT_ID + "/tasks"));
        assertThat(none.has("tasks")).isFalse();
        assertThat(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/00000000000000000000000000000000").statusCode()).isEqualTo(404);
        assertThat(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + taskId + "/dump").statusCode()).isEqualTo(204);
    }

    @Test
    void cancelAndQueueing() throws Exception {
        model.setTaskDuration(Seed.IMPORT_ID, Duration.ofSeconds(5));
        String first = json(startTask("imports", Seed.IMPORT_ID)).at("/task/taskId").asText();
        String second = json(startTask("exports", Seed.EXPORT_ID)).at("/task/taskId").asText();
        Thread.sleep(300);
        assertThat(json(c.get(ws() + "/exports/" + Seed.EXPORT_ID + "/tasks/" + second)).at("/task/taskState").asText()).isEqualTo("NOT_STARTED");
        JsonNode status = json(c.get("/models/" + Seed.MODEL_ID + "/status"));
        assertThat(status.has("meta")).isFalse();
        assertThat(status.at("/requestStatus/taskId").asText()).isEqualTo(first);
        HttpResponse<String> cancel = c.delete(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + first);
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(json(cancel).at("/task/taskState").asText()).isEqualTo("CANCELLING");
        JsonNode cancelled = c.waitTask("imports", Seed.IMPORT_ID, first);
        assertThat(cancelled.get("taskState").asText()).isEqualTo("CANCELLED");
        JsonNode exported = c.waitTask("exports", Seed.EXPORT_ID, second);
        assertThat(exported.get("taskState").asText()).isEqualTo("COMPLETE");
        assertThat(model.tasks(Seed.IMPORT_ID).get(0).successful()).isNull();
        assertThat(model.rows(Seed.EMPLOYEES)).isEmpty();
        JsonNode idle = json(c.postJson(ws() + "/status", ""));
        assertThat(idle.at("/status/code").asInt()).isEqualTo(200);
        assertThat(idle.at("/requestStatus/currentStep").asText()).isEqualTo("Open");
    }

    @Test
    void rejectedRowsAndImportDump() throws Exception {
        model.rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Sales"));
        JsonNode done = c.runTask("imports", Seed.IMPORT_ID);
        assertThat(done.at("/result/successful").asBoolean()).isTrue();
        assertThat(done.at("/result/failureDumpAvailable").asBoolean()).isTrue();
        assertThat(done.at("/result/details/0/values").toString()).contains("\"failedCount\",\"2\"", "\"successRowCount\",\"3\"");
        String taskId = done.get("taskId").asText();
        HttpResponse<String> dump = c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + taskId + "/dump");
        assertThat(dump.statusCode()).isEqualTo(200);
        assertThat(dump.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<String> lines = dump.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("_Status_,Name,Code,Department,Email,_Line_,_Error_1_");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("E,Bob Jones,E002,Sales").contains(",3,");
        JsonNode chunks = json(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + taskId + "/dump/chunks"));
        assertThat(chunks.at("/chunks/0/id").asText()).isEqualTo("0");
        assertThat(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + taskId + "/dump/chunks/0").body()).isEqualTo(dump.body());
        assertThat(model.rows(Seed.EMPLOYEES)).hasSize(3);
    }

    @Test
    void processRunsActionsWithNestedResultsAndDumps() throws Exception {
        model.rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Finance"));
        JsonNode done = c.runTask("processes", Seed.PROCESS_ID);
        assertThat(done.at("/result/objectId").asText()).isEqualTo(Seed.PROCESS_ID);
        assertThat(done.at("/result/failureDumpAvailable").asBoolean()).isTrue();
        assertThat(done.at("/result/nestedResults")).hasSize(2);
        assertThat(done.at("/result/nestedResults/0/objectId").asText()).isEqualTo(Seed.IMPORT_ID);
        assertThat(done.at("/result/nestedResults/0/failureDumpAvailable").asBoolean()).isTrue();
        assertThat(done.at("/result/nestedResults/1/objectId").asText()).isEqualTo(Seed.EXPORT_ID);
        String base = ws() + "/processes/" + Seed.PROCESS_ID + "/tasks/" + done.get("taskId").asText() + "/dumps/" + Seed.IMPORT_ID;
        assertThat(c.get(base).body()).contains("Carla Diaz");
        assertThat(json(c.get(base + "/chunks")).at("/chunks/0/id").asText()).isEqualTo("0");
        assertThat(c.get(base + "/chunks/0").body()).contains("_Error_1_");
        String exported = new String(model.fileContent(Seed.EXPORT_ID), StandardCharsets.UTF_8);
        assertThat(exported).startsWith("Name,Code,Department,Email\n").contains("Bob Jones").doesNotContain("Alice");
    }

    @Test
    void blankRowsAndRowsWithoutKeyAreIgnored() throws Exception {
        model.putFileContent(Seed.FILE_ID, "Name,Code,Department,Email\nA,1,X,a@x\n,,,\n,2,Y,b@x\n\"Quoted, Name\",3,Z,\"c@x\"\n".getBytes(StandardCharsets.UTF_8));
        JsonNode done = c.runTask("imports", Seed.IMPORT_ID);
        assertThat(done.at("/result/details/0/localMessageText").asText()).isEqualTo("Employees: 2 (0/4) rows successful, 2 ignored ");
        assertThat(model.rows(Seed.EMPLOYEES)).extracting(r -> r.get(0)).containsExactly("A", "Quoted, Name");
    }

    @Test
    void deleteActionAndFailNext() throws Exception {
        c.runTask("imports", Seed.IMPORT_ID);
        assertThat(model.rows(Seed.EMPLOYEES)).hasSize(5);
        JsonNode del = c.runTask("actions", Seed.ACTION_ID);
        assertThat(del.at("/result/successful").asBoolean()).isTrue();
        assertThat(del.at("/result/failureDumpAvailable").asBoolean()).isFalse();
        assertThat(model.rows(Seed.EMPLOYEES)).isEmpty();
        model.failNextTask(Seed.IMPORT_ID);
        JsonNode failed = c.runTask("imports", Seed.IMPORT_ID);
        assertThat(failed.at("/result/successful").asBoolean()).isFalse();
        assertThat(failed.at("/currentStep").asText()).isEqualTo("Failed.");
        assertThat(failed.at("/result/failureDumpAvailable").asBoolean()).isTrue();
        assertThat(c.get(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks/" + failed.get("taskId").asText() + "/dump").statusCode()).isEqualTo(200);
        assertThat(c.runTask("imports", Seed.IMPORT_ID).at("/result/successful").asBoolean()).isTrue();
    }

    @Test
    void emptyFileFailsImportAndPartialUploadIsRecorded() throws Exception {
        c.delete(ws() + "/files/" + Seed.FILE_ID);
        JsonNode r = c.runTask("imports", Seed.IMPORT_ID);
        assertThat(r.at("/result/successful").asBoolean()).isFalse();
        c.postJson(ws() + "/files/" + Seed.FILE_ID, "{\"chunkCount\":2}");
        c.put(ws() + "/files/" + Seed.FILE_ID + "/chunks/0", "application/octet-stream", "Name\nA\n".getBytes());
        c.runTask("imports", Seed.IMPORT_ID);
        List<SimTask> tasks = model.tasks(Seed.IMPORT_ID);
        assertThat(tasks.get(tasks.size() - 1).dataSourceCompleteAtStart()).isFalse();
    }

    @Test
    void busyLockedAndBadBodies() throws Exception {
        model.setModelBusy(true);
        HttpResponse<String> busy = startTask("imports", Seed.IMPORT_ID);
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(json(busy).at("/status/message").asText()).isEqualTo("model or object busy");
        model.setModelBusy(false);
        model.setModelLocked(true);
        assertThat(startTask("imports", Seed.IMPORT_ID).statusCode()).isEqualTo(423);
        model.setModelLocked(false);
        assertThat(c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "{}").statusCode()).isEqualTo(400);
        assertThat(c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks", "nope").statusCode()).isEqualTo(400);
        assertThat(startTask("imports", "112999999999").statusCode()).isEqualTo(404);
        HttpResponse<String> mapped = c.postJson(ws() + "/imports/" + Seed.IMPORT_ID + "/tasks",
                "{\"localeName\":\"en_GB\",\"mappingParameters\":[{\"entityType\":\"Version\",\"entityName\":\"Actual\"}]}");
        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(model.tasks(Seed.IMPORT_ID).get(0).mappingParameters().get(0)).containsEntry("entityName", "Actual");
    }

    @Test
    void startShapeOptions() throws Exception {
        for (TaskStartShape shape : TaskStartShape.values()) {
            try (AnaplanSimulator s = AnaplanSimulator.start(SimulatorOptions.defaults().taskStartShape(shape).cancelStatus(204))) {
                SimClient sc = new SimClient(s).login();
                JsonNode j = json(sc.postJson(ws() + "/exports/" + Seed.EXPORT_ID + "/tasks", "{\"localeName\":\"en_US\"}"));
                String id = shape == TaskStartShape.BARE ? j.get("taskId").asText() : j.at("/task/taskId").asText();
                assertThat(id).hasSize(32);
                assertThat(j.at("/task/taskState").isMissingNode()).isEqualTo(shape != TaskStartShape.FULL);
                assertThat(sc.delete(ws() + "/exports/" + Seed.EXPORT_ID + "/tasks/" + id).statusCode()).isEqualTo(204);
            }
        }
    }

    @Test
    void openCloseAndSolutionLogs() throws Exception {
        assertThat(c.postJson("/models/" + Seed.MODEL_ID + "/close", "").statusCode()).isEqualTo(204);
        assertThat(json(c.get("/models/" + Seed.MODEL_ID + "/status")).at("/requestStatus/currentStep").asText()).isEqualTo("Closed");
        assertThat(c.postJson("/models/" + Seed.MODEL_ID + "/open", "").statusCode()).isEqualTo(202);
        model.addAction("117000000009", "Optimize", "OPTIMIZER");
        model.addProcess("118000000009", "Optimize process", "117000000009");
        String taskId = c.runTask("processes", "118000000009").get("taskId").asText();
        HttpResponse<String> log = c.get(ws() + "/optimizeActions/117000000009/tasks/" + taskId + "/solutionLogs");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(c.get(ws() + "/optimizeActions/118000000009/tasks/" + taskId + "/solutionLogs").statusCode()).isEqualTo(404);
    }
}
