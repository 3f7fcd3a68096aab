package io.github.camelanaplan.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.bulk.AnaplanFile;
import io.github.camelanaplan.client.bulk.Export;
import io.github.camelanaplan.client.bulk.Import;
import io.github.camelanaplan.client.tenant.Model;
import io.github.camelanaplan.client.bulk.ProcessMetadata;
import io.github.camelanaplan.client.bulk.TaskResult;
import io.github.camelanaplan.client.bulk.TaskState;
import io.github.camelanaplan.client.bulk.TaskStatus;
import io.github.camelanaplan.client.tenant.Workspace;
import io.github.camelanaplan.simulator.Seed;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkOperationsTest extends AnaplanTestSupport {

    @TempDir
    Path tmp;

    @Test
    void uploadStoresTheBytesAndReturnsTheFile() {
        String csv = employeesCsv(50);
        Exchange result = template.request("anaplan:upload?fileId=" + Seed.FILE_ID, e -> e.getMessage().setBody(csv));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(AnaplanFile.class).id()).isEqualTo(Seed.FILE_ID);
        assertThat(result.getMessage().getHeader(AnaplanConstants.CHUNK_COUNT, Integer.class)).isEqualTo(1);
        assertThat(new String(model().fileContent(Seed.FILE_ID), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void uploadOfAFileFromTheFileComponentKeepsItsBytes() throws Exception {
        Path file = tmp.resolve("employees.csv");
        Files.writeString(file, employeesCsv(40_000));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + tmp + "?noop=true&include=.*\\.csv").to("anaplan:upload?fileId=" + Seed.FILE_ID)
                        .to("mock:uploaded");
            }
        });
        getMockEndpoint("mock:uploaded").expectedMessageCount(1);
        getMockEndpoint("mock:uploaded").assertIsSatisfied();
        assertThat(model().fileContent(Seed.FILE_ID)).isEqualTo(Files.readAllBytes(file));
        // 1.5 MB at a 1 MB chunk size: two chunks, declared up front from the file's known length
        assertThat(getMockEndpoint("mock:uploaded").getExchanges().get(0).getMessage()
                .getHeader(AnaplanConstants.CHUNK_COUNT)).isEqualTo(2);
        assertThat(sim.journal().count("POST", ".*/files/" + Seed.FILE_ID + "/complete")).isZero();
    }

    @Test
    void importUploadsTheBodyToItsDataSourceThenRunsAndReportsRows() {
        String csv = employeesCsv(25);
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(csv));
        assertThat(result.getException()).isNull();
        TaskResult taskResult = result.getMessage().getBody(TaskResult.class);
        assertThat(taskResult.isSuccessful()).isTrue();
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_STATE)).isEqualTo("COMPLETE");
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_SUCCESSFUL)).isEqualTo(true);
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_PROCESSED)).isEqualTo(25L);
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_TOTAL)).isEqualTo(25L);
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_FAILED)).isEqualTo(0L);
        assertThat(model().rows(Seed.EMPLOYEES)).hasSize(25).first().isEqualTo(List.of("Employee 0", "E0", "Dept 0",
                "e0@example.com"));
        assertThat(model().taskStarts(Seed.IMPORT_ID)).isEqualTo(1);
        assertThat(model().tasks(Seed.IMPORT_ID).get(0).dataSourceCompleteAtStart()).isTrue();
        assertThat(model().tasks(Seed.IMPORT_ID).get(0).localeName()).isEqualTo("en_US");
    }

    @Test
    void importWithMappingParametersFromTheHeader() {
        template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> {
            e.getMessage().setBody(employeesCsv(3));
            e.getMessage().setHeader(AnaplanConstants.MAPPING_PARAMETERS, "Version:Actual,Region:North");
        });
        assertThat(model().tasks(Seed.IMPORT_ID).get(0).mappingParameters()).containsExactly(
                Map.of("entityType", "Version", "entityName", "Actual"), Map.of("entityType", "Region", "entityName", "North"));
    }

    @Test
    void importWithRejectedRowsFailsWithTheDumpInHand() {
        model().rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Employee 3,"));
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(10)));
        // a successful task with failed rows only fails with failOnWarnings; the counts are in the headers
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(AnaplanConstants.ROWS_FAILED)).isEqualTo(1L);

        Exchange strict = template.request("anaplan:import?failOnWarnings=true&actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(10)));
        AnaplanActionException failure = strict.getException(AnaplanActionException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("import " + Seed.IMPORT_ID).contains("rejected rows")
                .contains("first rejected row:");
        assertThat(failure.getFailureDumps()).containsOnlyKeys(Seed.IMPORT_ID);
        assertThat(failure.getFailureDump()).contains("_Status_").contains("Employee 3");
        assertThat(failure.getTaskStatus().taskState()).isEqualTo(TaskState.COMPLETE);
        assertThat(strict.getMessage().getHeader(AnaplanConstants.FAILURE_DUMP_AVAILABLE)).isEqualTo(true);
    }

    @Test
    void failedImportRaisesActionException() {
        model().failNextTask(Seed.IMPORT_ID);
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(5)));
        AnaplanActionException failure = result.getException(AnaplanActionException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("import " + Seed.IMPORT_ID).contains("failed").contains("COMPLETE");
        assertThat(failure.getTaskStatus().isSuccessful()).isFalse();
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_SUCCESSFUL)).isEqualTo(false);
    }

    @Test
    void processFailureCarriesTheNestedImportsDump() {
        model().failNextTask(Seed.IMPORT_ID);
        Exchange result = template.request("anaplan:process?actionId=" + Seed.PROCESS_ID, e -> e.getMessage().setBody(null));
        AnaplanActionException failure = result.getException(AnaplanActionException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.getFailureDumps()).containsOnlyKeys(Seed.IMPORT_ID);
        assertThat(failure.getMessage()).contains("process " + Seed.PROCESS_ID);
    }

    @Test
    void processRunsItsActionsAndReportsNestedResults() {
        TaskResult result = template.requestBody("anaplan:process?actionId=" + Seed.PROCESS_ID, null, TaskResult.class);
        assertThat(result.isSuccessful()).isTrue();
        assertThat(result.nestedResults()).extracting(TaskResult::objectId).containsExactly(Seed.IMPORT_ID, Seed.EXPORT_ID);
    }

    @Test
    void exportReturnsTheRowsAsALazyStream() throws Exception {
        template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(employeesCsv(7)));
        Exchange result = template.request("anaplan:export?actionId=" + Seed.EXPORT_ID, e -> { });
        assertThat(result.getException()).isNull();
        Object body = result.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        String content = new String(((InputStream) body).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(content).isEqualTo(new String(model().fileContent(Seed.EXPORT_ID), StandardCharsets.UTF_8));
        assertThat(content.lines()).hasSize(8).first().isEqualTo("Name,Code,Department,Email");
        assertThat(result.getMessage().getHeader(AnaplanConstants.TASK_STATE)).isEqualTo("COMPLETE");
    }

    @Test
    void downloadWithoutStreamingReturnsBytes() {
        byte[] content = employeesCsv(100).getBytes(StandardCharsets.UTF_8);
        model().putFileContent(Seed.FILE2_ID, content);
        byte[] body = template.requestBody("anaplan:download?streaming=false&fileId=" + Seed.FILE2_ID, null, byte[].class);
        assertThat(body).isEqualTo(content);
    }

    @Test
    void actionDeletesBySelection() {
        template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(employeesCsv(4)));
        TaskResult result = template.requestBody("anaplan:action?actionId=" + Seed.ACTION_ID, null, TaskResult.class);
        assertThat(result.isSuccessful()).isTrue();
        assertThat(model().rows(Seed.EMPLOYEES)).isEmpty();
    }

    @Test
    void runPicksTheTypeFromTheId() {
        TaskResult result = template.requestBody("anaplan:run?actionId=" + Seed.ACTION_ID, null, TaskResult.class);
        assertThat(result.objectId()).isEqualTo(Seed.ACTION_ID);
    }

    @Test
    void invokeStartsWithoutWaitingThenTaskStatusAndCancel() {
        model().setTaskDuration(Seed.EXPORT_ID, java.time.Duration.ofSeconds(30));
        String taskId = template.requestBody("anaplan:invoke?actionId=" + Seed.EXPORT_ID, null, String.class);
        assertThat(taskId).matches("[0-9A-F]{32}");
        TaskStatus status = template.requestBodyAndHeader("anaplan:taskStatus?actionId=" + Seed.EXPORT_ID, null,
                AnaplanConstants.TASK_ID, taskId, TaskStatus.class);
        assertThat(status.taskId()).isEqualTo(taskId);
        assertThat(status.taskState()).isIn(TaskState.NOT_STARTED, TaskState.IN_PROGRESS);
        TaskStatus cancelled = template.requestBodyAndHeader("anaplan:cancel?actionId=" + Seed.EXPORT_ID, null,
                AnaplanConstants.TASK_ID, taskId, TaskStatus.class);
        assertThat(cancelled.taskState()).isIn(TaskState.CANCELLING, TaskState.CANCELLED);
    }

    @Test
    void dumpOperationReadsTheDumpOfAFailedTask() {
        model().rejectRowsMatching(Seed.IMPORT_ID, Pattern.compile("Employee 1,"));
        Exchange run = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID,
                e -> e.getMessage().setBody(employeesCsv(3)));
        String taskId = run.getMessage().getHeader(AnaplanConstants.TASK_ID, String.class);
        String dump = template.requestBodyAndHeader("anaplan:dump?streaming=false&actionId=" + Seed.IMPORT_ID, null,
                AnaplanConstants.TASK_ID, taskId, String.class);
        assertThat(dump).contains("_Error_1_").contains("Employee 1");
    }

    @Test
    void solutionLogsOfAnOptimizerRunByAProcess() {
        model().addAction("117000000001", "Optimise staffing", "OPTIMIZER");
        model().addProcess("118000000001", "Run optimiser", "117000000001");
        Exchange run = template.request("anaplan:process?actionId=118000000001", e -> { });
        String processTask = run.getMessage().getHeader(AnaplanConstants.TASK_ID, String.class);
        String log = template.requestBodyAndHeader("anaplan:solutionLogs?actionId=117000000001", null,
                AnaplanConstants.TASK_ID, processTask, String.class);
        assertThat(log).contains("solution log for action 117000000001").contains("Task " + processTask);
        assertThat(sim.journal().matching("GET", ".*/optimizeActions/117000000001/tasks/" + processTask + "/solutionLogs"))
                .singleElement().satisfies(e -> assertThat(e.headers().get("Accept")).isEqualTo("text/plain"));
    }

    @Test
    void deleteFileEmptiesIt() {
        template.requestBody("anaplan:upload?fileId=" + Seed.FILE2_ID, "a,b\n1,2\n");
        template.requestBody("anaplan:deleteFile?fileId=" + Seed.FILE2_ID, (Object) null);
        Awaitility.await().untilAsserted(() -> assertThat(sim.journal().count("DELETE", ".*/files/" + Seed.FILE2_ID)).isEqualTo(1));
        assertThat(model().fileContent(Seed.FILE2_ID)).isNullOrEmpty();
    }

    @Test
    void listingsReturnTypedObjects() {
        List<?> workspaces = template.requestBody("anaplan:workspaces", null, List.class);
        assertThat(workspaces).hasOnlyElementsOfType(Workspace.class).extracting(w -> ((Workspace) w).id())
                .contains(Seed.WORKSPACE_ID);
        List<?> models = template.requestBody("anaplan:models", null, List.class);
        assertThat(models).extracting(m -> ((Model) m).id()).contains(Seed.MODEL_ID, Seed.FUTURE_STATE_MODEL_ID);
        // a state this version does not know stays a string instead of failing the call
        assertThat(models).extracting(m -> ((Model) m).activeState()).contains(Seed.FUTURE_STATE);
        assertThat(template.requestBody("anaplan:files", null, List.class)).extracting(f -> ((AnaplanFile) f).id())
                .contains(Seed.FILE_ID, Seed.FILE2_ID);
        assertThat(template.requestBody("anaplan:imports", null, List.class)).extracting(i -> ((Import) i).importDataSourceId())
                .contains(Seed.FILE_ID);
        assertThat(template.requestBody("anaplan:exports", null, List.class)).extracting(x -> ((Export) x).id())
                .containsExactly(Seed.EXPORT_ID);
        assertThat(template.requestBody("anaplan:processes", null, List.class)).hasSize(1);
        assertThat(template.requestBody("anaplan:actions", null, List.class)).hasSize(1);
        ProcessMetadata metadata = template.requestBody("anaplan:processMetadata?actionId=" + Seed.PROCESS_ID, null,
                ProcessMetadata.class);
        assertThat(metadata.actions()).extracting(ProcessMetadata.ProcessAction::id).containsExactly(Seed.IMPORT_ID,
                Seed.EXPORT_ID);
    }

    @Test
    void headersOverrideTheEndpointsModel() {
        template.requestBodyAndHeader("anaplan:upload?fileId=" + Seed.FILE2_ID, "x,y\n", AnaplanConstants.MODEL_ID,
                Seed.MODEL2_ID);
        assertThat(sim.tenant().model(Seed.MODEL2_ID).fileContent(Seed.FILE2_ID)).asString().isEqualTo("x,y\n");
        assertThat(new String(model().fileContent(Seed.FILE2_ID), StandardCharsets.UTF_8)).isNotEqualTo("x,y\n");
    }

    @Test
    void modelStatusOpenAndClose() {
        assertThat(template.requestBody("anaplan:modelStatus", null, io.github.camelanaplan.client.tenant.ModelStatus.class))
                .isNotNull();
        template.requestBody("anaplan:closeModel", (Object) null);
        template.requestBody("anaplan:openModel", (Object) null);
        assertThat(sim.journal().count("POST", ".*/models/" + Seed.MODEL_ID + "/close")).isEqualTo(1);
        assertThat(sim.journal().count("POST", ".*/models/" + Seed.MODEL_ID + "/open")).isEqualTo(1);
    }

    @Test
    void missingIdNamesTheOptionAndTheHeader() {
        assertThatThrownBy(() -> template.requestBody("anaplan:upload", "a"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upload needs fileId: set the fileId option or the CamelAnaplanFileId header");
    }

    @Test
    void emptyBodyIsNotImported() {
        Exchange result = template.request("anaplan:import?actionId=" + Seed.IMPORT_ID, e -> e.getMessage().setBody(""));
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty (0 bytes)");
        assertThat(sim.journal().entries()).isEmpty();
    }
}
