package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelanaplan.client.error.AnaplanProtocolException;
import io.github.camelanaplan.client.http.Json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskAnswerTest {

    private static TaskAnswer answer(String json) throws Exception {
        return new TaskAnswer("task status of export 116000000001", "GET", "/2/0/workspaces/w/models/m/exports/1/tasks/T1",
                200, Json.MAPPER.readTree(json));
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
        TaskAnswer answer = answer(json);
        assertThatThrownBy(() -> answer.checkedTask("T1")).isInstanceOf(AnaplanProtocolException.class)
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
        assertThat(answer(json).checkedTask("T1").path("taskId").asText()).isEqualTo("T1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "task envelope | {\"task\":{\"taskId\":\"T9\"}}  | T9",
            "bare          | {\"taskId\":\"T8\"}             | T8"})
    void startAnswersNameTheirTask(String name, String json, String id) throws Exception {
        assertThat(answer(json).startedTaskId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id        | {\"task\":{\"taskState\":\"NOT_STARTED\"}} | taskId",
            "empty id     | {\"task\":{\"taskId\":\"\"}}               | task.taskId",
            "nothing      | {\"status\":{\"code\":200}}                | taskId"})
    void startAnswerWithoutTaskId(String name, String json, String field) throws Exception {
        TaskAnswer answer = answer(json);
        assertThatThrownBy(answer::startedTaskId).isInstanceOf(AnaplanProtocolException.class)
                .satisfies(e -> assertThat(((AnaplanProtocolException) e).getField()).isEqualTo(field));
    }
}
