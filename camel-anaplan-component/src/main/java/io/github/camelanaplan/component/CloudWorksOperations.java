package io.github.camelanaplan.component;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.cloudworks.CloudWorksClient;
import io.github.camelanaplan.client.cloudworks.IntegrationRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The CloudWorks operations ({@code cloudworks/…}): integrations, run and wait, run status. */
final class CloudWorksOperations extends OperationSupport {

    CloudWorksOperations(AnaplanEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Runnable prepare(Exchange exchange, AnaplanOperation operation) {
        Message in = exchange.getMessage();
        CloudWorksClient cloudWorks = new CloudWorksClient(client());
        switch (operation) {
            case CW_INTEGRATIONS:
                return () -> in.setBody(cloudWorks.integrations());
            case CW_RUN: {
                String integrationId = require(in, AnaplanConstants.INTEGRATION_ID, config().getIntegrationId(), "integrationId",
                        operation);
                TaskOptions options = taskOptions(in, null);
                return () -> {
                    IntegrationRun run;
                    try {
                        run = cloudWorks.run(integrationId, options);
                    } catch (AnaplanActionException e) {
                        if (e.getTaskStatus() != null) {
                            in.setHeader(AnaplanConstants.TASK_ID, e.getTaskStatus().taskId());
                            in.setHeader(AnaplanConstants.TASK_SUCCESSFUL, false);
                        }
                        throw e;
                    }
                    in.setHeader(AnaplanConstants.TASK_ID, run.id());
                    in.setHeader(AnaplanConstants.TASK_SUCCESSFUL, true);
                    in.setBody(run);
                };
            }
            case CW_RUN_STATUS: {
                // the run id header, else the task id header a cloudworks/run without waiting set, else the option
                String runId = require(in, AnaplanConstants.RUN_ID,
                        optional(in, AnaplanConstants.TASK_ID, config().getRunId()), "runId", operation);
                return () -> in.setBody(cloudWorks.runStatus(runId));
            }
            default:
                throw new IllegalStateException("Operation " + operation.uriName() + " is not handled");
        }
    }
}
