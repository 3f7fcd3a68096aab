package io.github.camelanaplan.client.task;

import io.github.camelanaplan.client.Defaults;
import io.github.camelanaplan.client.bulk.MappingParameter;
import java.time.Duration;
import java.util.List;

/**
 * How to start and wait for a task.
 *
 * @param locale            {@code localeName} sent with the start
 * @param mappingParameters runtime mappings for imports and processes
 * @param pollDelay         first status poll delay
 * @param maxPollDelay      longest delay between polls on long tasks
 * @param taskTimeout       give up waiting after this long; null waits for ever
 * @param cancelOnTimeout   cancel the task when giving up
 * @param fetchFailureDump  fetch the failure dump(s) into the exception of an unsuccessful task
 * @param failOnWarnings    treat ignored or failed rows of a successful task as a failure
 */
public record TaskOptions(String locale, List<MappingParameter> mappingParameters, Duration pollDelay,
                          Duration maxPollDelay, Duration taskTimeout, boolean cancelOnTimeout, boolean fetchFailureDump,
                          boolean failOnWarnings) {

    public static TaskOptions defaults() {
        return new TaskOptions(Defaults.LOCALE, List.of(), Duration.ofMillis(Defaults.STATUS_POLL_DELAY_MILLIS),
                Duration.ofMillis(Defaults.MAX_STATUS_POLL_DELAY_MILLIS), null, Defaults.CANCEL_ON_TIMEOUT,
                Defaults.FETCH_FAILURE_DUMP, Defaults.FAIL_ON_WARNINGS);
    }

    public TaskOptions {
        mappingParameters = mappingParameters == null ? List.of() : List.copyOf(mappingParameters);
    }
}
