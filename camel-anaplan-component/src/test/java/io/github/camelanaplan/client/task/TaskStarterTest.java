package io.github.camelanaplan.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelanaplan.client.error.AnaplanException;
import io.github.camelanaplan.client.error.UnknownOutcomeException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStarterTest {

    /** A server whose first {@code lost} start answers are lost; {@code landed} of those still created a task. */
    private static final class Server {
        final Set<String> tasks = new HashSet<>();
        final AtomicInteger sends = new AtomicInteger();
        final int lost;
        final boolean landed;

        Server(int lost, boolean landed) {
            this.lost = lost;
            this.landed = landed;
        }

        Supplier<Set<String>> list() {
            return () -> new HashSet<>(tasks);
        }

        String send() {
            int n = sends.incrementAndGet();
            if (n <= lost) {
                if (landed) {
                    tasks.add("T" + n);
                }
                // a reset (not a timeout): the list is read once, no settling wait
                throw new UnknownOutcomeException("start: connection reset", new IOException("reset"));
            }
            tasks.add("T" + n);
            return "T" + n;
        }
    }

    @ParameterizedTest(name = "{0}: {1} lost answers, landed={2} -> {3} ({4} sends)")
    @CsvSource({
            // resend,          lost, landed, result,  sends
            "WHEN_NOT_LISTED,   0,    false,  T1,      1",
            "NEVER,             0,    false,  T1,      1",
            "WHEN_NOT_LISTED,   1,    true,   T1,      1", // the list shows it: never sent twice
            "NEVER,             1,    true,   T1,      1",
            "WHEN_NOT_LISTED,   1,    false,  T2,      2", // never arrived: sent again
            "WHEN_NOT_LISTED,   3,    false,  T4,      4",
            "WHEN_NOT_LISTED,   4,    false,  UNKNOWN, 4", // at most four starts
            "NEVER,             1,    false,  UNKNOWN, 1"  // ALM / CloudWorks: never re-sent
    })
    void startsOnce(TaskStarter.Resend resend, int lost, boolean landed, String result, int sends) {
        Server server = new Server(lost, landed);
        TaskStarter starter = new TaskStarter(resend, Duration.ofMillis(100));
        if (result.equals("UNKNOWN")) {
            assertThatThrownBy(() -> starter.start("start x", server.list(), server::send))
                    .isInstanceOf(UnknownOutcomeException.class);
        } else {
            assertThat(starter.start("start x", server.list(), server::send)).isEqualTo(result);
        }
        assertThat(server.sends).hasValue(sends);
    }

    @ParameterizedTest
    @CsvSource({"WHEN_NOT_LISTED", "NEVER"})
    void twoNewTasksAreNotOurs(TaskStarter.Resend resend) {
        Set<String> tasks = new HashSet<>();
        TaskStarter starter = new TaskStarter(resend, Duration.ofMillis(100));
        assertThatThrownBy(() -> starter.start("start x", () -> new HashSet<>(tasks), () -> {
            tasks.add("A");
            tasks.add("B");
            throw new UnknownOutcomeException("reset", new IOException("reset"));
        })).isInstanceOf(AnaplanException.class).hasMessageContaining("2 new tasks appeared");
    }
}
