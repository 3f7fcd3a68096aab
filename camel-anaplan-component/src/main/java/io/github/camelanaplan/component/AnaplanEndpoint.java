package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.Limits;
import io.github.camelanaplan.client.http.CallOptions;
import io.github.camelanaplan.client.bulk.MappingParameter;
import io.github.camelanaplan.client.task.TaskOptions;
import io.github.camelanaplan.client.auth.BasicCredentials;
import io.github.camelanaplan.client.auth.CertificateCredentials;
import io.github.camelanaplan.client.auth.Credentials;
import io.github.camelanaplan.client.auth.OAuthCredentials;
import io.github.camelanaplan.client.auth.RefreshTokenStore;
import io.github.camelanaplan.client.auth.TokenCredentials;
import io.github.camelanaplan.client.transfer.UploadOptions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.spi.StateRepository;

/**
 * Anaplan: files, imports, exports, processes and actions (Integration API v2), ALM, transactional reads and writes,
 * audit events and CloudWorks integrations. Consumers poll exports, new revisions, audit events and large view or list
 * reads.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "anaplan", title = "Anaplan", syntax = "anaplan:operation",
             category = { Category.CLOUD, Category.API }, headersClass = AnaplanConstants.class)
public class AnaplanEndpoint extends ScheduledPollEndpoint {

    @UriPath(enums = "upload,download,import,export,process,action,run,invoke,taskStatus,cancel,dump,solutionLogs,deleteFile,"
                                                                + "workspaces,models,files,imports,exports,processes,actions,importMetadata,exportMetadata,"
                                                                + "processMetadata,modelStatus,openModel,closeModel,alm/revisions,alm/latestRevision,"
                                                                + "alm/createRevision,alm/syncableRevisions,alm/sync,alm/syncTasks,alm/comparisonReport,"
                                                                + "alm/summaryReport,alm/online,alm/offline,alm/appliedToModels,transactional/modules,"
                                                                + "transactional/lineItems,transactional/views,transactional/viewData,transactional/readView,"
                                                                + "transactional/readList,transactional/lists,transactional/listItems,transactional/addListItems,"
                                                                + "transactional/updateListItems,transactional/upsertListItems,transactional/deleteListItems,"
                                                                + "transactional/resetListIndex,transactional/writeCells,transactional/dimensionItems,"
                                                                + "transactional/modelCalendar,transactional/currentPeriod,transactional/setCurrentPeriod,"
                                                                + "transactional/fiscalYear,transactional/versions,audit/events,cloudworks/integrations,"
                                                                + "cloudworks/run,cloudworks/runStatus")
    @Metadata(required = true)
    private String operation;

    @UriParam
    private AnaplanConfiguration configuration;

    private AnaplanOperation resolvedOperation;
    private AnaplanClient client;
    private StateRepository<String, String> memoryState;

    public AnaplanEndpoint(String uri, AnaplanComponent component, String operation, AnaplanConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        this.resolvedOperation = AnaplanOperation.fromUri(operation);
    }

    @Override
    public AnaplanComponent getComponent() {
        return (AnaplanComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new AnaplanProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AnaplanConsumer consumer;
        switch (resolvedOperation) {
            case EXPORT:
                consumer = new ExportConsumer(this, processor);
                break;
            case ALM_REVISIONS:
                consumer = new RevisionConsumer(this, processor);
                break;
            case AUDIT_EVENTS:
                consumer = new AuditEventConsumer(this, processor);
                break;
            case TR_READ_VIEW:
            case TR_READ_LIST:
                consumer = new ReadRequestConsumer(this, processor);
                break;
            default:
                throw new IllegalArgumentException("anaplan:" + operation + " cannot be consumed from; the operations "
                                                   + "with a consumer are: " + AnaplanOperation.consumerNames());
        }
        configureConsumer(consumer);
        return consumer;
    }

    /** The configured state repository, or one in memory that lives as long as this endpoint. */
    synchronized StateRepository<String, String> stateRepository() {
        if (configuration.getStateRepository() != null) {
            return configuration.getStateRepository();
        }
        if (memoryState == null) {
            memoryState = new MemoryStateRepository();
        }
        return memoryState;
    }

    /** Checks the options at endpoint creation, naming the first wrong one; nothing has been sent yet. */
    void validate(AnaplanOperation op) {
        AnaplanConfiguration c = configuration;
        checkIds(op, c);
        OptionRules.UPLOAD_CHUNK_SIZE.check(c.getUploadChunkSize());
        OptionRules.COMPRESSION_LEVEL.check(c.getCompressionLevel());
        OptionRules.UPLOAD_PARALLELISM.check(c.getUploadParallelism());
        OptionRules.DOWNLOAD_PREFETCH.check(c.getDownloadPrefetch());
        OptionRules.positiveDuration("timeout", c.getTimeout());
        OptionRules.nonNegativeDuration("retryBackoff", c.getRetryBackoff());
        OptionRules.nonNegativeDuration("maxRetryWait", c.getMaxRetryWait());
        OptionRules.nonNegativeDuration("statusPollDelay", c.getStatusPollDelay());
        OptionRules.nonNegativeDuration("maxStatusPollDelay", c.getMaxStatusPollDelay());
        OptionRules.nonNegativeDuration("taskTimeout", c.getTaskTimeout());
        OptionRules.RETRY_COUNT.check(c.getRetryCount());
        callOptions();
        OptionRules.MAX_REQUESTS_PER_MINUTE.check(c.getMaxRequestsPerMinute());
        OptionRules.LIST_ITEM_BATCH_SIZE.check(c.getListItemBatchSize());
        OptionRules.CELL_WRITE_BATCH_SIZE.check(c.getCellWriteBatchSize());
        OptionRules.INTERVAL_IN_HOURS.check(c.getIntervalInHours());
        OptionRules.PROXY_PORT.check(c.getProxyPort());
        String auditRange = "30 days (the Audit API's range)";
        OptionRules.nonNegativeDuration("auditLookBack", c.getAuditLookBack(), Limits.MAX_AUDIT_LOOK_BACK_MILLIS, auditRange);
        if (c.getAuditLookBack() == 0) {
            throw new IllegalArgumentException("auditLookBack must be positive, was 0");
        }
        OptionRules.nonNegativeDuration("auditOverlap", c.getAuditOverlap(), Limits.MAX_AUDIT_LOOK_BACK_MILLIS, auditRange);
        if (c.getMaxRows() != null) {
            OptionRules.MAX_ROWS.check(c.getMaxRows());
        }
        checkTexts(c);
        java.nio.charset.Charset.forName(c.getCharset());
        MappingParameter.parse(c.getMappingParameters());
        credentials();
    }

    /** Every id option has its id's shape (the action and file ids also their kind). */
    private static void checkIds(AnaplanOperation op, AnaplanConfiguration c) {
        checkActionId(op, c.getActionId());
        checkPrefix("fileId", c.getFileId(), "113", "116");
        OptionRules.id("workspaceId", c.getWorkspaceId(), OptionRules.IdShape.HEX32);
        OptionRules.id("modelId", c.getModelId(), OptionRules.IdShape.HEX32);
        OptionRules.id("sourceModelId", c.getSourceModelId(), OptionRules.IdShape.HEX32);
        OptionRules.id("sourceRevisionId", c.getSourceRevisionId(), OptionRules.IdShape.HEX32);
        OptionRules.id("targetRevisionId", c.getTargetRevisionId(), OptionRules.IdShape.HEX32);
        OptionRules.id("revisionId", c.getRevisionId(), OptionRules.IdShape.HEX32);
        OptionRules.id("taskId", c.getTaskId(), OptionRules.IdShape.ALNUM32);
        OptionRules.id("integrationId", c.getIntegrationId(), OptionRules.IdShape.ALNUM32);
        OptionRules.id("runId", c.getRunId(), OptionRules.IdShape.ALNUM32);
        OptionRules.id("objectId", c.getObjectId(), OptionRules.IdShape.DIGITS);
        OptionRules.id("listId", c.getListId(), OptionRules.IdShape.DIGITS);
        OptionRules.id("moduleId", c.getModuleId(), OptionRules.IdShape.DIGITS);
        OptionRules.id("viewId", c.getViewId(), OptionRules.IdShape.DIGITS);
        OptionRules.id("dimensionId", c.getDimensionId(), OptionRules.IdShape.DIGITS);
    }

    /** Text options that end up in a request: no control characters (a CR/LF could split a header or a line). */
    private static void checkTexts(AnaplanConfiguration c) {
        OptionRules.singleLine("locale", c.getLocale());
        NameBinding.checkOptions(c);
        OptionRules.singleLine("mappingParameters", c.getMappingParameters());
        OptionRules.singleLine("pages", c.getPages());
        OptionRules.singleLine("appliedAfter", c.getAppliedAfter());
        OptionRules.singleLine("appliedBefore", c.getAppliedBefore());
        OptionRules.singleLine("dateFrom", c.getDateFrom());
        OptionRules.singleLine("dateTo", c.getDateTo());
        OptionRules.singleLine("charset", c.getCharset());
        OptionRules.singleLine("keyAlias", c.getKeyAlias());
        OptionRules.singleLine("oauthClientId", c.getOauthClientId());
        OptionRules.singleLine("proxyHost", c.getProxyHost());
        OptionRules.singleLine("authUrl", c.getAuthUrl());
        OptionRules.singleLine("apiUrl", c.getApiUrl());
        OptionRules.singleLine("oauthUrl", c.getOauthUrl());
        OptionRules.singleLine("auditUrl", c.getAuditUrl());
        OptionRules.singleLine("cloudWorksUrl", c.getCloudWorksUrl());
        OptionRules.singleLineSecret("username", c.getUsername());
        OptionRules.singleLineSecret("password", c.getPassword());
        OptionRules.singleLineSecret("proxyUsername", c.getProxyUsername());
        OptionRules.singleLineSecret("proxyPassword", c.getProxyPassword());
        OptionRules.singleLineSecret("authToken", c.getAuthToken());
        OptionRules.singleLineSecret("oauthClientSecret", c.getOauthClientSecret());
        OptionRules.singleLineSecret("oauthRefreshToken", c.getOauthRefreshToken());
    }

    private static void checkActionId(AnaplanOperation op, String actionId) {
        if (actionId == null) {
            return;
        }
        ActionType type = ActionType.ofId(actionId);
        if (type == null || actionId.length() != 12 || !actionId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("actionId " + actionId + " is not an Anaplan action id "
                                               + "(12 digits starting 112 import, 116 export, 118 process or 117 action)");
        }
        if (op.actionType() != null && op.actionType() != type) {
            throw new IllegalArgumentException("actionId " + actionId + " is " + article(type) + " id, but operation "
                                               + op.uriName() + " needs " + article(op.actionType()) + " id ("
                                               + op.actionType().idPrefix() + "...)");
        }
    }

    private static String article(ActionType type) {
        return (type == ActionType.IMPORT || type == ActionType.EXPORT || type == ActionType.ACTION ? "an " : "a ")
               + type.label();
    }

    private static void checkPrefix(String option, String id, String... prefixes) {
        if (id == null) {
            return;
        }
        for (String prefix : prefixes) {
            if (id.startsWith(prefix) && id.length() == 12 && id.chars().allMatch(Character::isDigit)) {
                return;
            }
        }
        throw new IllegalArgumentException(option + " " + id + " is not an Anaplan file id (12 digits starting "
                                           + String.join(" or ", prefixes) + ")");
    }

    /** The credentials the options describe; exactly one auth method must be configured. */
    Credentials credentials() {
        AnaplanConfiguration c = configuration;
        List<String> methods = new ArrayList<>();
        if (c.getUsername() != null || c.getPassword() != null) {
            methods.add("username/password");
        }
        if (c.getCertificate() != null || c.getPrivateKey() != null || c.getKeyStore() != null) {
            methods.add("certificate/privateKey/keyStore");
        }
        if (c.getOauthClientId() != null || c.getOauthRefreshToken() != null) {
            methods.add("oauthClientId/oauthRefreshToken");
        }
        if (c.getAuthToken() != null) {
            methods.add("authToken");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("No Anaplan credentials: set username and password, certificate and "
                                               + "privateKey (or keyStore), oauthClientId and oauthRefreshToken, or authToken");
        }
        if (methods.size() > 1) {
            throw new IllegalArgumentException("Conflicting authentication options: " + String.join(" and ", methods)
                                               + " are both set; configure exactly one way to log in");
        }
        switch (methods.get(0)) {
            case "username/password":
                if (c.getUsername() == null || c.getPassword() == null) {
                    throw new IllegalArgumentException("Basic authentication needs both username and password");
                }
                return new BasicCredentials(c.getUsername(), c.getPassword());
            case "certificate/privateKey/keyStore":
                return CertificateCredentials.fromOptions(c.getCertificate(), c.getPrivateKey(), c.getPrivateKeyPassword(),
                        c.getKeyStore(), c.getKeyStorePassword(), c.getKeyAlias(), c.getCertificateAuthFormat().toString());
            case "oauthClientId/oauthRefreshToken":
                if (c.getOauthClientId() == null || c.getOauthRefreshToken() == null && c.getTokenStore() == null) {
                    throw new IllegalArgumentException("OAuth needs both oauthClientId and oauthRefreshToken (or a "
                                                       + "tokenStore that holds the newest refresh token)");
                }
                RefreshTokenStore store = c.getTokenStore() != null ? c.getTokenStore() : getComponent().defaultTokenStore();
                return new OAuthCredentials(c.getOauthClientId(), c.getOauthClientSecret(), c.getOauthRefreshToken(), store);
            default:
                return new TokenCredentials(c.getAuthToken());
        }
    }

    ClientSettings clientSettings() throws Exception {
        AnaplanConfiguration c = configuration;
        ClientSettings settings = new ClientSettings()
                .credentials(credentials())
                .authUrl(c.getAuthUrl())
                .apiUrl(c.getApiUrl())
                .oauthUrl(c.getOauthUrl())
                .auditUrl(c.getAuditUrl())
                .cloudWorksUrl(c.getCloudWorksUrl())
                .callOptions(callOptions())
                .maxRequestsPerMinute(c.getMaxRequestsPerMinute())
                .proxy(c.getProxyHost(), c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword());
        if (c.getSslContextParameters() != null) {
            settings.sslContext(getComponent().sslContext(c.getSslContextParameters()));
        }
        return settings;
    }

    /** This endpoint's per-call tuning; checked, naming the option out of range. */
    CallOptions callOptions() {
        AnaplanConfiguration c = configuration;
        return new CallOptions(Duration.ofMillis(c.getTimeout()),
                CallOptions.parseSize(c.getMaxResponseSize(), "maxResponseSize"), c.getRetryCount(),
                Duration.ofMillis(c.getRetryBackoff()), Duration.ofMillis(c.getMaxRetryWait())).validate();
    }

    TaskOptions taskOptions(String mappingParameters) {
        return taskOptions(mappingParameters, configuration.getLocale());
    }

    /** The task options with another locale (the CamelAnaplanLocale header's). */
    TaskOptions taskOptions(String mappingParameters, String locale) {
        AnaplanConfiguration c = configuration;
        return new TaskOptions(locale, MappingParameter.parse(mappingParameters),
                Duration.ofMillis(c.getStatusPollDelay()), Duration.ofMillis(c.getMaxStatusPollDelay()),
                c.getTaskTimeout() > 0 ? Duration.ofMillis(c.getTaskTimeout()) : null, c.isCancelOnTimeout(),
                c.isFetchFailureDump(), c.isFailOnWarnings());
    }

    UploadOptions uploadOptions() {
        AnaplanConfiguration c = configuration;
        int parallelism = c.getUploadParallelism() > 0 ? c.getUploadParallelism()
                : UploadOptions.defaultParallelism();
        // the range check at creation keeps the long within int
        return new UploadOptions(Math.toIntExact(c.getUploadChunkSize()), c.getCompressionLevel(), c.isUploadParallel(),
                parallelism);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getComponent().clients().acquire(clientSettings(), getComponent().workers());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().clients().release(client);
            client = null;
        }
        super.doStop();
    }

    AnaplanClient client() {
        return client;
    }

    AnaplanOperation operation() {
        return resolvedOperation;
    }

    public String getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(String operation) {
        this.operation = operation;
        this.resolvedOperation = AnaplanOperation.fromUri(operation);
    }

    public AnaplanConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(AnaplanConfiguration configuration) {
        this.configuration = configuration;
    }

}
