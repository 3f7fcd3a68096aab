package io.github.camelanaplan.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelanaplan.client.ClientListener.TaskOutcome;
import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.error.AnaplanActionException.Reason;
import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.AnaplanProtocolException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskOutcomeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"FAILED, FAILED", "REJECTED_ROWS, FAILED", "CANCELLED, CANCELLED", "SHUTDOWN, CANCELLED",
                "TIMED_OUT, TIMED_OUT"})
    void theReasonDecidesNotTheWording(Reason reason, TaskOutcome expected) {
        // the wording says nothing of the reason: only the enum may decide
        assertThat(ModelClient.outcome(new AnaplanActionException("shutting down timed out", null, null, reason)))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void anythingElseSawNoEndState() {
        assertThat(ModelClient.outcome(new AnaplanException("the client is shutting down"))).isEqualTo(TaskOutcome.ERROR);
        assertThat(ModelClient.outcome(new AnaplanProtocolException("s", "GET", "/p", 200, "task.taskId", "is missing")))
                .isEqualTo(TaskOutcome.ERROR);
    }
}
