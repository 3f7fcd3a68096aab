package io.github.camelanaplan.component;

import java.util.Map;

import io.github.camelanaplan.client.error.AnaplanActionException;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.alm.AlmClient;
import io.github.camelanaplan.client.alm.AlmTask;
import io.github.camelanaplan.client.alm.Revision;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The ALM operations ({@code alm/…}): revisions, online status, sync and comparison / summary reports. */
final class AlmOperations extends OperationSupport {

    AlmOperations(AnaplanEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Runnable prepare(Exchange exchange, AnaplanOperation operation) {
        Message in = exchange.getMessage();
        AnaplanConfiguration c = config();
        AlmClient alm = new AlmClient(client(), modelId(in, operation));
        switch (operation) {
            case ALM_REVISIONS:
                return () -> in.setBody(alm.revisions(c.getAppliedAfter(), c.getAppliedBefore()));
            case ALM_LATEST_REVISION:
                return () -> in.setBody(alm.latestRevision());
            case ALM_CREATE_REVISION: {
                Object body = in.getBody();
                Map<?, ?> map = body instanceof Map ? (Map<?, ?>) body : Map.of();
                String name = optional(in, AnaplanConstants.REVISION_NAME, text(map.get("name")));
                String description = optional(in, AnaplanConstants.REVISION_DESCRIPTION, text(map.get("description")));
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("alm/createRevision needs a name: a Map body with name (and "
                                                       + "description), or the " + AnaplanConstants.REVISION_NAME
                                                       + " header");
                }
                OptionRules.singleLine("revision name", name);
                OptionRules.multiLine("revision description", description);
                AlmClient.checkRevision(name, description);
                return () -> in.setBody(alm.createRevision(name, description));
            }
            case ALM_SYNCABLE_REVISIONS: {
                String source = require(in, AnaplanConstants.SOURCE_MODEL_ID, c.getSourceModelId(), "sourceModelId",
                        operation);
                return () -> in.setBody(alm.syncableRevisions(source));
            }
            case ALM_SYNC_TASKS:
                return () -> in.setBody(alm.syncTasks());
            case ALM_SYNC:
            case ALM_COMPARISON_REPORT:
            case ALM_SUMMARY_REPORT: {
                String source = require(in, AnaplanConstants.SOURCE_MODEL_ID, c.getSourceModelId(), "sourceModelId",
                        operation);
                String sourceRevision = optional(in, AnaplanConstants.SOURCE_REVISION_ID, c.getSourceRevisionId());
                String targetRevision = optional(in, AnaplanConstants.TARGET_REVISION_ID, c.getTargetRevisionId());
                TaskOptions options = taskOptions(in, null);
                return () -> {
                    AlmClient.Revisions revisions = alm.resolve(source, sourceRevision, targetRevision);
                    try {
                        if (operation == AnaplanOperation.ALM_SYNC) {
                            AlmTask task = alm.sync(revisions, options);
                            setAlmHeaders(in, task);
                            in.setBody(task);
                        } else if (operation == AnaplanOperation.ALM_SUMMARY_REPORT) {
                            in.setBody(alm.summaryReport(revisions, options));
                        } else {
                            setContent(in, alm.comparisonReport(revisions, options));
                        }
                    } catch (AnaplanActionException e) {
                        if (e.getTaskStatus() != null) {
                            setTaskHeaders(in, e.getTaskStatus());
                        }
                        throw e;
                    }
                };
            }
            case ALM_ONLINE:
            case ALM_OFFLINE:
                return () -> {
                    alm.setOnline(operation == AnaplanOperation.ALM_ONLINE);
                    in.setBody(null);
                };
            case ALM_APPLIED_TO_MODELS: {
                String revisionId = optional(in, AnaplanConstants.REVISION_ID, c.getRevisionId());
                if (revisionId == null && in.getBody() instanceof Revision) {
                    revisionId = ((Revision) in.getBody()).id();
                }
                String id = require(in, AnaplanConstants.REVISION_ID, revisionId, "revisionId", operation);
                return () -> in.setBody(alm.appliedToModels(id));
            }
            default:
                throw new IllegalStateException("Operation " + operation.uriName() + " is not handled");
        }
    }

    private static void setAlmHeaders(Message in, AlmTask task) {
        in.setHeader(AnaplanConstants.TASK_ID, task.taskId());
        in.setHeader(AnaplanConstants.TASK_STATE, task.taskState().name());
        in.setHeader(AnaplanConstants.TASK_SUCCESSFUL, task.isSuccessful());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
