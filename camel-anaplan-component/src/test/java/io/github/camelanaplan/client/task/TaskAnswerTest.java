package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelanaplan.client.error.AnaplanProtocolException;
import io.github.camelanaplan.client.http.ApiPath;
import io.github.camelanaplan.client.http.ApiRequest;
import io.github.camelanaplan.client.http.Json;
import io.github.camelanaplan.client.http.JsonAnswer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskAnswerTest {

    private static JsonAnswer answer(String json) throws Exception {
        ApiRequest request = ApiRequest.get(ApiPath.root("http://anaplan.test/2/0").then("workspaces", "w", "models", "m",
                "exports", "1", "tasks", "T1")).step("task status of export 116000000001").build();
        return new JsonAnswer(request, 200, Json.MAPPER.readTree(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "other task          | {\"task\":{\"taskId\":\"T2\",\"taskState\":\"IN_PROGRESS\"}} | task.taskId    | not the task asked for",
            "no task id          | {\"task\":{\"taskState\":\"IN_PROGRESS\"}}                   | task.taskId    | is missing",
            "no task             | {\"status\":{}}                                               | task           | is missing",
            "no state            | {\"task\":{\"taskId\":\"T1\"}}                               | task.taskState | is missing",
            "unknown state       | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"PAUSED\"}}      | task.taskState | 'PAUSED'",
            "COMPLETE, no result | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"COMPLETE\"}}    | task.result    | missing from a COMPLETE task"})
    void brokenStatusAnswers(String name, String json, String field, String problem) throws Exception {
        JsonAnswer answer = answer(json);
        assertThatThrownBy(() -> TaskAnswer.checkedTask(answer, "T1")).isInstanceOf(AnaplanProtocolException.class)
                .hasMessageContaining("task status of export 116000000001")
                .hasMessageContaining("GET /2/0/workspaces/w/models/m/exports/1/tasks/T1")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((AnaplanProtocolException) e).getField()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "in progress | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"IN_PROGRESS\",\"progress\":0.5}}",
            "not started | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"NOT_STARTED\"}}",
            "complete    | {\"task\":{\"taskId\":\"T1\",\"taskState\":\"COMPLETE\",\"result\":{\"successful\":true}}}"})
    void soundStatusAnswers(String name, String json) throws Exception {
        assertThat(TaskAnswer.checkedTask(answer(json), "T1").path("taskId").asText()).isEqualTo("T1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "task envelope | {\"task\":{\"taskId\":\"T9\"}}  | T9",
            "bare          | {\"taskId\":\"T8\"}             | T8"})
    void startAnswersNameTheirTask(String name, String json, String id) throws Exception {
        assertThat(TaskAnswer.startedTaskId(answer(json))).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id        | {\"task\":{\"taskState\":\"NOT_STARTED\"}} | task.taskId",
            "empty id     | {\"task\":{\"taskId\":\"\"}}               | task.taskId",
            "nothing      | {\"status\":{\"code\":200}}                | taskId"})
    void startAnswerWithoutTaskId(String name, String json, String field) throws Exception {
        JsonAnswer answer = answer(json);
        assertThatThrownBy(() -> TaskAnswer.startedTaskId(answer)).isInstanceOf(AnaplanProtocolException.class)
                .satisfies(e -> assertThat(((AnaplanProtocolException) e).getField()).isEqualTo(field));
    }
}
