package io.github.camelanaplan.component;

import io.github.camelanaplan.client.ClientSettings;
import io.github.camelanaplan.client.Defaults;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an {@code anaplan:} endpoint. Set once on the component ({@code camel.component.anaplan.*}) and
 * override per endpoint. Secrets are marked secret: Camel masks them in logs and printed URIs.
 */
@UriParams
public class AnaplanConfiguration implements Cloneable {

    @UriParam(label = "common")
    private String workspaceId;
    @UriParam(label = "common")
    private String modelId;
    @UriParam(label = "common")
    private String fileId;
    @UriParam(label = "common")
    private String actionId;
    @UriParam(label = "producer")
    private String taskId;
    @UriParam(label = "producer")
    private String objectId;
    @UriParam(label = "common")
    private String listId;
    @UriParam(label = "common")
    private String moduleId;
    @UriParam(label = "common")
    private String viewId;
    @UriParam(label = "producer")
    private String dimensionId;
    @UriParam(label = "common", defaultValue = ResultFormat.DEFAULT_VALUE)
    private ResultFormat format = ResultFormat.DEFAULT;
    @UriParam(label = "producer")
    private boolean includeAll;
    @UriParam(label = "common")
    private String pages;
    @UriParam(label = "common")
    private ExportType exportType;
    @UriParam(label = "producer")
    private Integer maxRows;
    @UriParam(label = "producer", defaultValue = "" + Defaults.LIST_ITEM_BATCH_SIZE)
    private int listItemBatchSize = Defaults.LIST_ITEM_BATCH_SIZE;
    @UriParam(label = "producer", defaultValue = "" + Defaults.CELL_WRITE_BATCH_SIZE)
    private int cellWriteBatchSize = Defaults.CELL_WRITE_BATCH_SIZE;
    @UriParam(label = "common")
    private String sourceModelId;
    @UriParam(label = "producer")
    private String sourceRevisionId;
    @UriParam(label = "producer")
    private String targetRevisionId;
    @UriParam(label = "producer")
    private String revisionId;
    @UriParam(label = "producer")
    private String appliedAfter;
    @UriParam(label = "producer")
    private String appliedBefore;
    @UriParam(label = "common", defaultValue = AuditType.DEFAULT_VALUE)
    private AuditType auditType = AuditType.DEFAULT;
    @UriParam(label = "producer")
    private String dateFrom;
    @UriParam(label = "producer")
    private String dateTo;
    @UriParam(label = "producer")
    private int intervalInHours;
    @UriParam(label = "common")
    private String integrationId;
    @UriParam(label = "producer")
    private String runId;
    @UriParam(label = "consumer")
    private boolean onlyChanged;
    @UriParam(label = "consumer")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private boolean emitExisting;
    @UriParam(label = "consumer", defaultValue = "" + Defaults.AUDIT_LOOK_BACK_MILLIS, javaType = "java.time.Duration")
    private long auditLookBack = Defaults.AUDIT_LOOK_BACK_MILLIS;
    @UriParam(label = "consumer", defaultValue = "" + Defaults.AUDIT_OVERLAP_MILLIS, javaType = "java.time.Duration")
    private long auditOverlap = Defaults.AUDIT_OVERLAP_MILLIS;
    @UriParam(label = "consumer", defaultValue = PageMode.DEFAULT_VALUE)
    private PageMode pageMode = PageMode.DEFAULT;
    // names instead of ids (product spec section 3): each resolves through the API's listings; an id option wins
    @UriParam(label = "common")
    private String workspaceName;
    @UriParam(label = "common")
    private String modelName;
    @UriParam(label = "common")
    private String fileName;
    @UriParam(label = "common")
    private String actionName;
    @UriParam(label = "common")
    private String listName;
    @UriParam(label = "common")
    private String moduleName;
    @UriParam(label = "common")
    private String viewName;
    @UriParam(label = "producer")
    private String sourceModelName;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.NAME_CACHE_TTL_MILLIS, javaType = "java.time.Duration")
    private long nameCacheTtl = Defaults.NAME_CACHE_TTL_MILLIS;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security")
    private String certificate;
    @UriParam(label = "security", secret = true)
    private String privateKey;
    @UriParam(label = "security", secret = true)
    private String privateKeyPassword;
    @UriParam(label = "security")
    private String keyStore;
    @UriParam(label = "security", secret = true)
    private String keyStorePassword;
    @UriParam(label = "security")
    private String keyAlias;
    @UriParam(label = "security", defaultValue = CertificateAuthFormat.DEFAULT_VALUE)
    private CertificateAuthFormat certificateAuthFormat = CertificateAuthFormat.DEFAULT;
    @UriParam(label = "security")
    private String oauthClientId;
    @UriParam(label = "security", secret = true)
    private String oauthClientSecret;
    @UriParam(label = "security", secret = true)
    private String oauthRefreshToken;
    @UriParam(label = "security")
    private io.github.camelanaplan.client.auth.RefreshTokenStore tokenStore;
    @UriParam(label = "security", secret = true)
    private String authToken;
    @UriParam(label = "common", defaultValue = ClientSettings.DEFAULT_AUTH_URL)
    private String authUrl = ClientSettings.DEFAULT_AUTH_URL;
    @UriParam(label = "common", defaultValue = ClientSettings.DEFAULT_API_URL)
    private String apiUrl = ClientSettings.DEFAULT_API_URL;
    @UriParam(label = "common", defaultValue = ClientSettings.DEFAULT_OAUTH_URL)
    private String oauthUrl = ClientSettings.DEFAULT_OAUTH_URL;
    @UriParam(label = "common", defaultValue = ClientSettings.DEFAULT_AUDIT_URL)
    private String auditUrl = ClientSettings.DEFAULT_AUDIT_URL;
    @UriParam(label = "common", defaultValue = ClientSettings.DEFAULT_CLOUDWORKS_URL)
    private String cloudWorksUrl = ClientSettings.DEFAULT_CLOUDWORKS_URL;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.TIMEOUT_MILLIS, javaType = "java.time.Duration")
    private long timeout = Defaults.TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.RETRY_COUNT)
    private int retryCount = Defaults.RETRY_COUNT;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.RETRY_BACKOFF_MILLIS, javaType = "java.time.Duration")
    private long retryBackoff = Defaults.RETRY_BACKOFF_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.MAX_RETRY_WAIT_MILLIS, javaType = "java.time.Duration")
    private long maxRetryWait = Defaults.MAX_RETRY_WAIT_MILLIS;
    @UriParam(label = "advanced", defaultValue = Defaults.MAX_RESPONSE_SIZE)
    private String maxResponseSize = Defaults.MAX_RESPONSE_SIZE;
    @UriParam(label = "advanced", defaultValue = "" + Defaults.MAX_REQUESTS_PER_MINUTE)
    private int maxRequestsPerMinute = Defaults.MAX_REQUESTS_PER_MINUTE;
    @UriParam(label = "producer", defaultValue = "" + Defaults.STATUS_POLL_DELAY_MILLIS, javaType = "java.time.Duration")
    private long statusPollDelay = Defaults.STATUS_POLL_DELAY_MILLIS;
    @UriParam(label = "producer", defaultValue = "" + Defaults.MAX_STATUS_POLL_DELAY_MILLIS, javaType = "java.time.Duration")
    private long maxStatusPollDelay = Defaults.MAX_STATUS_POLL_DELAY_MILLIS;
    @UriParam(label = "producer", javaType = "java.time.Duration")
    private long taskTimeout;
    @UriParam(label = "producer", defaultValue = "" + Defaults.CANCEL_ON_TIMEOUT)
    private boolean cancelOnTimeout = Defaults.CANCEL_ON_TIMEOUT;
    @UriParam(label = "producer", defaultValue = "" + Defaults.UPLOAD_CHUNK_SIZE)
    private long uploadChunkSize = Defaults.UPLOAD_CHUNK_SIZE;
    @UriParam(label = "producer", defaultValue = "" + Defaults.UPLOAD_PARALLEL)
    private boolean uploadParallel = Defaults.UPLOAD_PARALLEL;
    @UriParam(label = "producer")
    private int uploadParallelism;
    @UriParam(label = "producer", defaultValue = "" + Defaults.COMPRESSION_LEVEL)
    private int compressionLevel = Defaults.COMPRESSION_LEVEL;
    @UriParam(label = "producer", defaultValue = Defaults.CHARSET)
    private String charset = Defaults.CHARSET;
    @UriParam(label = "producer", defaultValue = "" + Defaults.ALLOW_FILE_CREATION)
    private boolean allowFileCreation = Defaults.ALLOW_FILE_CREATION;
    @UriParam(label = "producer", defaultValue = Defaults.LOCALE)
    private String locale = Defaults.LOCALE;
    @UriParam(label = "producer")
    private String mappingParameters;
    @UriParam(label = "producer", defaultValue = "" + Defaults.FAIL_ON_WARNINGS)
    private boolean failOnWarnings = Defaults.FAIL_ON_WARNINGS;
    @UriParam(label = "producer", defaultValue = "" + Defaults.FETCH_FAILURE_DUMP)
    private boolean fetchFailureDump = Defaults.FETCH_FAILURE_DUMP;
    @UriParam(label = "producer", defaultValue = "" + Defaults.STREAMING)
    private boolean streaming = Defaults.STREAMING;
    @UriParam(label = "producer", defaultValue = "" + Defaults.DOWNLOAD_PREFETCH)
    private int downloadPrefetch = Defaults.DOWNLOAD_PREFETCH;
    @UriParam(label = "security")
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private int proxyPort;
    @UriParam(label = "proxy")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true)
    private String proxyPassword;

    public String getWorkspaceId() {
        return workspaceId;
    }

    /** Workspace id (32 hex characters). The CamelAnaplanWorkspaceId header overrides it. */
    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getModelId() {
        return modelId;
    }

    /** Model id (32 hex characters). The CamelAnaplanModelId header overrides it. */
    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getFileId() {
        return fileId;
    }

    /** Server file id (113...) to upload to, download, or upload before an import or process. The CamelAnaplanFileId header overrides it. */
    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public String getActionId() {
        return actionId;
    }

    /** Import (112...), export (116...), process (118...) or other action (117...) id. The CamelAnaplanActionId header overrides it. */
    public void setActionId(String actionId) {
        this.actionId = actionId;
    }

    public String getTaskId() {
        return taskId;
    }

    /** Task id for taskStatus, cancel and dump. The CamelAnaplanTaskId header overrides it. */
    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getObjectId() {
        return objectId;
    }

    /** Nested action id of a process whose failure dump to read. The CamelAnaplanObjectId header overrides it. */
    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public String getUsername() {
        return username;
    }

    /** Anaplan user name for basic authentication. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** Password for basic authentication. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getCertificate() {
        return certificate;
    }

    /** CA certificate for certificate authentication: PEM text, or a file: or classpath: resource. */
    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    /** Private key of the certificate: PEM text (PKCS#8, PKCS#1 or encrypted PKCS#8), or a file: or classpath: resource. */
    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    /** Password of an encrypted private key. */
    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    public String getKeyStore() {
        return keyStore;
    }

    /** Key store (PKCS12 or JKS, file: or classpath: resource) holding the certificate and its private key, instead of certificate and privateKey. */
    public void setKeyStore(String keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    /** Password of the key store. */
    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    /** Alias of the key entry in the key store; the first key entry when not set. */
    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
    }

    public CertificateAuthFormat getCertificateAuthFormat() {
        return certificateAuthFormat;
    }

    /** Signed payload format of certificate authentication: v1, or v2 (timestamped). */
    public void setCertificateAuthFormat(CertificateAuthFormat certificateAuthFormat) {
        this.certificateAuthFormat = certificateAuthFormat;
    }

    public String getOauthClientId() {
        return oauthClientId;
    }

    /** OAuth 2.0 client id, for the refresh-token grant. */
    public void setOauthClientId(String oauthClientId) {
        this.oauthClientId = oauthClientId;
    }

    public String getOauthClientSecret() {
        return oauthClientSecret;
    }

    /** OAuth 2.0 client secret (not needed for device-grant clients). */
    public void setOauthClientSecret(String oauthClientSecret) {
        this.oauthClientSecret = oauthClientSecret;
    }

    public String getOauthRefreshToken() {
        return oauthRefreshToken;
    }

    /** OAuth 2.0 refresh token to start from; rotated tokens are saved to the tokenStore. */
    public void setOauthRefreshToken(String oauthRefreshToken) {
        this.oauthRefreshToken = oauthRefreshToken;
    }

    public io.github.camelanaplan.client.auth.RefreshTokenStore getTokenStore() {
        return tokenStore;
    }

    /** Where rotated OAuth refresh tokens are kept so a restart does not lose them; in memory when not set. */
    public void setTokenStore(io.github.camelanaplan.client.auth.RefreshTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getAuthToken() {
        return authToken;
    }

    /** A ready Anaplan token, used as is and never renewed. */
    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    /** Base URL of the Anaplan authentication service. */
    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    /** Base URL of the Integration API (bulk, transactional, ALM). */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getOauthUrl() {
        return oauthUrl;
    }

    /** Base URL of the Anaplan OAuth 2.0 service. */
    public void setOauthUrl(String oauthUrl) {
        this.oauthUrl = oauthUrl;
    }

    public String getAuditUrl() {
        return auditUrl;
    }

    /** Base URL of the Audit API. */
    public void setAuditUrl(String auditUrl) {
        this.auditUrl = auditUrl;
    }

    public String getCloudWorksUrl() {
        return cloudWorksUrl;
    }

    /** Base URL of the CloudWorks API. */
    public void setCloudWorksUrl(String cloudWorksUrl) {
        this.cloudWorksUrl = cloudWorksUrl;
    }

    public long getTimeout() {
        return timeout;
    }

    /**
     * Bounds every HTTP request (more than 0, at most 7 days): connect, and no answer byte for this long; a JSON
     * answer (not a chunk) must also end within it, however slowly it trickles.
     */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getRetryCount() {
        return retryCount;
    }

    /** Retries after the first attempt (0 to 100), for what is safe to retry (connection failures, 429, 5xx, and resets of idempotent requests). */
    public void setRetryCount(int retryCount) {
        this.retryCount = retryCount;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    /** First wait before a retry; grows exponentially with jitter. A Retry-After header wins. */
    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    /**
     * The most one call waits in total across its retries, Retry-After included; a server asking for longer fails the
     * call at once, naming the wait it asked for.
     */
    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public String getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Largest JSON answer read into memory (64MB, 512KB, 1GB or plain bytes; 1KB = 1024 bytes; 1KB to 2GB); a larger
     * one fails the call. Chunks and dumps are streams and not limited by it.
     */
    public void setMaxResponseSize(String maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    /** Requests per minute the shared connection sends at most (all endpoints with the same credentials together); 0 for no limit. */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public long getStatusPollDelay() {
        return statusPollDelay;
    }

    /** Delay before the first task status poll. */
    public void setStatusPollDelay(long statusPollDelay) {
        this.statusPollDelay = statusPollDelay;
    }

    public long getMaxStatusPollDelay() {
        return maxStatusPollDelay;
    }

    /** Longest delay between task status polls on long tasks. */
    public void setMaxStatusPollDelay(long maxStatusPollDelay) {
        this.maxStatusPollDelay = maxStatusPollDelay;
    }

    public long getTaskTimeout() {
        return taskTimeout;
    }

    /** Give up waiting for a task after this long (0 waits for ever); the task is cancelled when cancelOnTimeout is set. */
    public void setTaskTimeout(long taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    public boolean isCancelOnTimeout() {
        return cancelOnTimeout;
    }

    /** Cancel a task the producer gave up waiting for (taskTimeout). */
    public void setCancelOnTimeout(boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    public long getUploadChunkSize() {
        return uploadChunkSize;
    }

    /** Bytes per chunk before compression, 1000000 to 50000000; at most 1000 chunks per file. */
    public void setUploadChunkSize(long uploadChunkSize) {
        this.uploadChunkSize = uploadChunkSize;
    }

    public boolean isUploadParallel() {
        return uploadParallel;
    }

    /** Upload chunks in parallel. */
    public void setUploadParallel(boolean uploadParallel) {
        this.uploadParallel = uploadParallel;
    }

    public int getUploadParallelism() {
        return uploadParallelism;
    }

    /** Chunks in flight at once when uploadParallel (0: the number of cores, at least 2; at most 64). Memory in flight is about uploadChunkSize x 2 for the raw chunks plus the gzipped form of each chunk in flight. */
    public void setUploadParallelism(int uploadParallelism) {
        this.uploadParallelism = uploadParallelism;
    }

    public int getCompressionLevel() {
        return compressionLevel;
    }

    /** Gzip level of uploaded chunks, 1 (fast) to 9 (small). */
    public void setCompressionLevel(int compressionLevel) {
        this.compressionLevel = compressionLevel;
    }

    public String getCharset() {
        return charset;
    }

    /** Charset that String and Reader bodies are encoded with for upload. */
    public void setCharset(String charset) {
        this.charset = charset;
    }

    public boolean isAllowFileCreation() {
        return allowFileCreation;
    }

    /** Allow uploading to an id that is not an existing file of the model (Anaplan then creates a new file). */
    public void setAllowFileCreation(boolean allowFileCreation) {
        this.allowFileCreation = allowFileCreation;
    }

    public String getLocale() {
        return locale;
    }

    /** localeName sent when starting tasks; no control characters. */
    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getMappingParameters() {
        return mappingParameters;
    }

    /** Runtime mappings for import and process runs: entityType:entityName pairs separated by commas (e.g. Version:Actual). The CamelAnaplanMappingParameters header overrides it. */
    public void setMappingParameters(String mappingParameters) {
        this.mappingParameters = mappingParameters;
    }

    public boolean isFailOnWarnings() {
        return failOnWarnings;
    }

    /** Treat rows a successful task reports as ignored or failed as a failure. */
    public void setFailOnWarnings(boolean failOnWarnings) {
        this.failOnWarnings = failOnWarnings;
    }

    public boolean isFetchFailureDump() {
        return fetchFailureDump;
    }

    /** On a failed task, fetch the failure dump(s) into the AnaplanActionException. */
    public void setFetchFailureDump(boolean fetchFailureDump) {
        this.fetchFailureDump = fetchFailureDump;
    }

    public boolean isStreaming() {
        return streaming;
    }

    /** Downloads (download, export, dump) return a lazy InputStream; false returns byte[]. */
    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public int getDownloadPrefetch() {
        return downloadPrefetch;
    }

    /** Chunks a download fetches ahead in parallel (1 to 64). */
    public void setDownloadPrefetch(int downloadPrefetch) {
        this.downloadPrefetch = downloadPrefetch;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store, key managers) for the connections to Anaplan. */
    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** HTTP proxy host. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /** HTTP proxy port. */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** HTTP proxy user name. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** HTTP proxy password. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getListId() {
        return listId;
    }

    /** List id (101...) for transactional list operations and readList. The CamelAnaplanListId header overrides it. */
    public void setListId(String listId) {
        this.listId = listId;
    }

    public String getModuleId() {
        return moduleId;
    }

    /** Module id (102...) for transactional/writeCells and lineItems/views of one module; tabular view reads use it too. The CamelAnaplanModuleId header overrides it. */
    public void setModuleId(String moduleId) {
        this.moduleId = moduleId;
    }

    public String getViewId() {
        return viewId;
    }

    /** View id for transactional/viewData and readView (a module id is its default view). The CamelAnaplanViewId header overrides it. */
    public void setViewId(String viewId) {
        this.viewId = viewId;
    }

    public String getDimensionId() {
        return dimensionId;
    }

    /** Dimension id for transactional/dimensionItems (a list, subset, 20000000003 time, 20000000020 versions, 101999999999 users). */
    public void setDimensionId(String dimensionId) {
        this.dimensionId = dimensionId;
    }

    public ResultFormat getFormat() {
        return format;
    }

    /** Result of transactional/viewData and transactional/listItems: csv (an InputStream of CSV) or json (typed rows / items). */
    public void setFormat(ResultFormat format) {
        this.format = format;
    }

    public boolean isIncludeAll() {
        return includeAll;
    }

    /** transactional/lineItems and listItems (json): return every field (formulas, formats, properties, subsets...). */
    public void setIncludeAll(boolean includeAll) {
        this.includeAll = includeAll;
    }

    public String getPages() {
        return pages;
    }

    /** Page selection of transactional/viewData: dimensionId:itemId pairs separated by commas. */
    public void setPages(String pages) {
        this.pages = pages;
    }

    public ExportType getExportType() {
        return exportType;
    }

    /** Layout of transactional/viewData and readView: GRID_CURRENT_PAGE, GRID_ALL_PAGES, TABULAR_SINGLE_COLUMN, TABULAR_MULTI_COLUMN (readView defaults to TABULAR_MULTI_COLUMN). */
    public void setExportType(ExportType exportType) {
        this.exportType = exportType;
    }

    public Integer getMaxRows() {
        return maxRows;
    }

    /** transactional/viewData: at most this many rows (1 to 1000000, Anaplan's limit). */
    public void setMaxRows(Integer maxRows) {
        this.maxRows = maxRows;
    }

    public int getListItemBatchSize() {
        return listItemBatchSize;
    }

    /** List items per transactional write call, 1 to 100000 (Anaplan's limit); larger bodies are split into several calls whose results are summed. */
    public void setListItemBatchSize(int listItemBatchSize) {
        this.listItemBatchSize = listItemBatchSize;
    }

    public int getCellWriteBatchSize() {
        return cellWriteBatchSize;
    }

    /** Cells per transactional/writeCells call, 1 to 100000 (sources disagree on Anaplan's limit: 1,000 vs 100,000); larger bodies are split. */
    public void setCellWriteBatchSize(int cellWriteBatchSize) {
        this.cellWriteBatchSize = cellWriteBatchSize;
    }

    public String getSourceModelId() {
        return sourceModelId;
    }

    /** ALM: the model revisions come from, for alm/syncableRevisions, alm/sync and the reports. */
    public void setSourceModelId(String sourceModelId) {
        this.sourceModelId = sourceModelId;
    }

    public String getSourceRevisionId() {
        return sourceRevisionId;
    }

    /** ALM: the revision to synchronise or compare; defaults to the newest syncable revision of sourceModelId. */
    public void setSourceRevisionId(String sourceRevisionId) {
        this.sourceRevisionId = sourceRevisionId;
    }

    public String getTargetRevisionId() {
        return targetRevisionId;
    }

    /** ALM: the target model's revision to start from; defaults to its latest revision. */
    public void setTargetRevisionId(String targetRevisionId) {
        this.targetRevisionId = targetRevisionId;
    }

    public String getRevisionId() {
        return revisionId;
    }

    /** ALM: the revision of alm/appliedToModels (a Revision body is used when not set). */
    public void setRevisionId(String revisionId) {
        this.revisionId = revisionId;
    }

    public String getAppliedAfter() {
        return appliedAfter;
    }

    /** alm/revisions: only revisions applied after this date (YYYY-MM-DD). */
    public void setAppliedAfter(String appliedAfter) {
        this.appliedAfter = appliedAfter;
    }

    public String getAppliedBefore() {
        return appliedBefore;
    }

    /** alm/revisions: only revisions applied before this date (YYYY-MM-DD). */
    public void setAppliedBefore(String appliedBefore) {
        this.appliedBefore = appliedBefore;
    }

    public AuditType getAuditType() {
        return auditType;
    }

    /** audit/events: the event category (all, user_activity, access_control, int, conn_mgmt, comment, byok, plan_iq, forecaster). */
    public void setAuditType(AuditType auditType) {
        this.auditType = auditType;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    /** audit/events: start of the range, epoch milliseconds or an ISO date/time (2026-05-01, 2026-05-01T08:00:00Z); at most 30 days before dateTo. */
    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }

    /** audit/events: end of the range (default now), epoch milliseconds or an ISO date/time. */
    public void setDateTo(String dateTo) {
        this.dateTo = dateTo;
    }

    public int getIntervalInHours() {
        return intervalInHours;
    }

    /** audit/events: the last so many hours (1 to 720) instead of dateFrom/dateTo. */
    public void setIntervalInHours(int intervalInHours) {
        this.intervalInHours = intervalInHours;
    }

    public String getIntegrationId() {
        return integrationId;
    }

    /** CloudWorks: the integration to run. */
    public void setIntegrationId(String integrationId) {
        this.integrationId = integrationId;
    }

    public String getRunId() {
        return runId;
    }

    /** cloudworks/runStatus: the run to read. The CamelAnaplanTaskId header overrides it (cloudworks/run sets it). */
    public void setRunId(String runId) {
        this.runId = runId;
    }

    public boolean isOnlyChanged() {
        return onlyChanged;
    }

    /** Export consumer: emit the content only when it differs (SHA-256) from the last one emitted; the hash is kept in the stateRepository. */
    public void setOnlyChanged(boolean onlyChanged) {
        this.onlyChanged = onlyChanged;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /** Where consumers keep their cursor (last export hash, last revision, audit position) so a restart neither repeats nor misses anything; in memory when not set (use a FileStateRepository or a shared one in production). */
    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public boolean isEmitExisting() {
        return emitExisting;
    }

    /** alm/revisions consumer: whether the first poll emits the revisions that already exist. */
    public void setEmitExisting(boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public long getAuditLookBack() {
        return auditLookBack;
    }

    /** audit/events consumer: how far back the very first poll reads. */
    public void setAuditLookBack(long auditLookBack) {
        this.auditLookBack = auditLookBack;
    }

    public long getAuditOverlap() {
        return auditOverlap;
    }

    /** audit/events consumer: each poll reads again this far before the last event seen, so late-arriving events are not missed (duplicates are dropped by event id). */
    public void setAuditOverlap(long auditOverlap) {
        this.auditOverlap = auditOverlap;
    }

    public PageMode getPageMode() {
        return pageMode;
    }

    /** transactional/readView and readList consumers: page emits one exchange per page (byte[] CSV), stream one exchange with all pages as one InputStream. */
    public void setPageMode(PageMode pageMode) {
        this.pageMode = pageMode;
    }

    // ------------------------------------------------------------------ names instead of ids

    public String getWorkspaceName() {
        return workspaceName;
    }

    /** Workspace name, resolved to its id through the workspace listing; workspaceId wins when both are set. The CamelAnaplanWorkspaceName header overrides it. */
    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    public String getModelName() {
        return modelName;
    }

    /** Model name, resolved among the models of the workspace (or of the tenant when no workspace is given; then the model's workspace is used); modelId wins when both are set. The CamelAnaplanModelName header overrides it. */
    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public String getFileName() {
        return fileName;
    }

    /** Server file name (for example Employees.csv), resolved among the model's files; fileId wins when both are set. The CamelAnaplanFileName header overrides it. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getActionName() {
        return actionName;
    }

    /** Name of the import, export, process or other action, resolved among the model's actions of the kind the operation runs (any kind for run, invoke, taskStatus, cancel and dump: the kind follows from what the name resolves to); actionId wins when both are set. The CamelAnaplanActionName header overrides it. */
    public void setActionName(String actionName) {
        this.actionName = actionName;
    }

    public String getListName() {
        return listName;
    }

    /** List name for transactional list operations, resolved among the model's lists; listId wins when both are set. The CamelAnaplanListName header overrides it. */
    public void setListName(String listName) {
        this.listName = listName;
    }

    public String getModuleName() {
        return moduleName;
    }

    /** Module name for transactional module operations, resolved among the model's modules; moduleId wins when both are set. The CamelAnaplanModuleName header overrides it. */
    public void setModuleName(String moduleName) {
        this.moduleName = moduleName;
    }

    public String getViewName() {
        return viewName;
    }

    /** View name for transactional view reads, resolved among the model's views; viewId wins when both are set. The CamelAnaplanViewName header overrides it. */
    public void setViewName(String viewName) {
        this.viewName = viewName;
    }

    public String getSourceModelName() {
        return sourceModelName;
    }

    /** ALM: name of the source model, resolved among the tenant's models; sourceModelId wins when both are set. The CamelAnaplanSourceModelName header overrides it. */
    public void setSourceModelName(String sourceModelName) {
        this.sourceModelName = sourceModelName;
    }

    public long getNameCacheTtl() {
        return nameCacheTtl;
    }

    /** How long a listing read to resolve a name is kept by the connection engine and reused (0: list every time). A name missing from a kept listing is looked up once more in a fresh one. */
    public void setNameCacheTtl(long nameCacheTtl) {
        this.nameCacheTtl = nameCacheTtl;
    }

    public AnaplanConfiguration copy() {
        try {
            return (AnaplanConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
