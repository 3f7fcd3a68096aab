package io.github.camelanaplan.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import io.github.camelanaplan.client.bulk.ActionType;
import io.github.camelanaplan.client.AnaplanClient;
import io.github.camelanaplan.client.ClientSettings;
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

    @UriPath(description = "The operation to perform.", enums = "upload,download,import,export,process,action,run,invoke,taskStatus,cancel,dump,solutionLogs,deleteFile,"
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

    /** Checks the options at endpoint creation, naming the first wrong one. */
    void validate(AnaplanOperation op) {
        AnaplanConfiguration c = configuration;
        checkActionId(op, c.getActionId());
        checkPrefix("fileId", c.getFileId(), "113", "116");
        if (c.getUploadChunkSize() < 1_000_000 || c.getUploadChunkSize() > 50_000_000) {
            throw new IllegalArgumentException("uploadChunkSize must be between 1000000 and 50000000 bytes, was "
                                               + c.getUploadChunkSize());
        }
        if (c.getCompressionLevel() < 1 || c.getCompressionLevel() > 9) {
            throw new IllegalArgumentException("compressionLevel must be 1 to 9, was " + c.getCompressionLevel());
        }
        if (c.getUploadParallelism() < 0) {
            throw new IllegalArgumentException("uploadParallelism must be 0 (number of cores) or more, was "
                                               + c.getUploadParallelism());
        }
        if (c.getDownloadPrefetch() < 1) {
            throw new IllegalArgumentException("downloadPrefetch must be 1 or more, was " + c.getDownloadPrefetch());
        }
        requireNonNegative("timeout", c.getTimeout());
        requirePositive("timeout", c.getTimeout());
        requireNonNegative("retryBackoff", c.getRetryBackoff());
        requireNonNegative("retryDeadline", c.getRetryDeadline());
        requireNonNegative("statusPollDelay", c.getStatusPollDelay());
        requireNonNegative("maxStatusPollDelay", c.getMaxStatusPollDelay());
        requireNonNegative("taskTimeout", c.getTaskTimeout());
        if (c.getRetryCount() < 0) {
            throw new IllegalArgumentException("retryCount must be 0 or more, was " + c.getRetryCount());
        }
        if (c.getMaxRequestsPerMinute() < 0) {
            throw new IllegalArgumentException("maxRequestsPerMinute must be 0 (no limit) or more, was "
                                               + c.getMaxRequestsPerMinute());
        }
        if (!"v1".equals(c.getCertificateAuthFormat()) && !"v2".equals(c.getCertificateAuthFormat())) {
            throw new IllegalArgumentException("certificateAuthFormat must be v1 or v2, was " + c.getCertificateAuthFormat());
        }
        if (c.getListItemBatchSize() < 1 || c.getListItemBatchSize() > 100_000) {
            throw new IllegalArgumentException("listItemBatchSize must be 1 to 100000 (Anaplan's limit per call), was "
                                               + c.getListItemBatchSize());
        }
        if (c.getCellWriteBatchSize() < 1) {
            throw new IllegalArgumentException("cellWriteBatchSize must be 1 or more, was " + c.getCellWriteBatchSize());
        }
        if (!"csv".equals(c.getFormat()) && !"json".equals(c.getFormat())) {
            throw new IllegalArgumentException("format must be csv or json, was " + c.getFormat());
        }
        if (!"page".equals(c.getPageMode()) && !"stream".equals(c.getPageMode())) {
            throw new IllegalArgumentException("pageMode must be page or stream, was " + c.getPageMode());
        }
        if (c.getIntervalInHours() < 0 || c.getIntervalInHours() > 720) {
            throw new IllegalArgumentException("intervalInHours must be 1 to 720 (30 days), was " + c.getIntervalInHours());
        }
        requirePositive("auditLookBack", c.getAuditLookBack());
        requireNonNegative("auditOverlap", c.getAuditOverlap());
        if (c.getAuditLookBack() > java.time.Duration.ofDays(30).toMillis()) {
            throw new IllegalArgumentException("auditLookBack must be at most 30 days (the Audit API's range), was "
                                               + java.time.Duration.ofMillis(c.getAuditLookBack()));
        }
        if (c.getMaxRows() != null && c.getMaxRows() < 1) {
            throw new IllegalArgumentException("maxRows must be 1 or more, was " + c.getMaxRows());
        }
        java.nio.charset.Charset.forName(c.getCharset());
        MappingParameter.parse(c.getMappingParameters());
        credentials();
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

    private static void requireNonNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
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
                        c.getKeyStore(), c.getKeyStorePassword(), c.getKeyAlias(), c.getCertificateAuthFormat());
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
                .timeout(Duration.ofMillis(c.getTimeout()))
                .retryCount(c.getRetryCount())
                .retryBackoff(Duration.ofMillis(c.getRetryBackoff()))
                .retryDeadline(Duration.ofMillis(c.getRetryDeadline()))
                .maxRequestsPerMinute(c.getMaxRequestsPerMinute())
                .proxy(c.getProxyHost(), c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword());
        if (c.getSslContextParameters() != null) {
            settings.sslContext(getComponent().sslContext(c.getSslContextParameters()));
        }
        return settings;
    }

    TaskOptions taskOptions(String mappingParameters) {
        AnaplanConfiguration c = configuration;
        return new TaskOptions(c.getLocale(), MappingParameter.parse(mappingParameters),
                Duration.ofMillis(c.getStatusPollDelay()), Duration.ofMillis(c.getMaxStatusPollDelay()),
                c.getTaskTimeout() > 0 ? Duration.ofMillis(c.getTaskTimeout()) : null, c.isCancelOnTimeout(),
                c.isFetchFailureDump(), c.isFailOnWarnings());
    }

    UploadOptions uploadOptions() {
        AnaplanConfiguration c = configuration;
        int parallelism = c.getUploadParallelism() > 0 ? c.getUploadParallelism()
                : UploadOptions.defaultParallelism();
        return new UploadOptions(c.getUploadChunkSize(), c.getCompressionLevel(), c.isUploadParallel(), parallelism);
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
