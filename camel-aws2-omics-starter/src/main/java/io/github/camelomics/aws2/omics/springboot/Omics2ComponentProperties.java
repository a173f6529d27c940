package io.github.camelomics.aws2.omics.springboot;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.WatermarkStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Every option of the aws2-omics component as a Spring property under {@code camel.component.aws2-omics}. The
 * descriptions and defaults are those of the component's generated metadata (aws2-omics.json), so that
 * spring-boot-configuration-processor writes IDE metadata for each; {@code ConfigurationMetadataTest} fails when
 * the two disagree. Durations take Spring's forms: {@code 30s}, {@code 500ms}, {@code PT1M}, or plain milliseconds.
 */
@ConfigurationProperties(prefix = Omics2ComponentProperties.PREFIX)
public class Omics2ComponentProperties extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.aws2-omics";

    /**
     * The component configuration: the defaults of every endpoint. The value is a bean reference, #bean:name (or
     * #name); the other options are applied on top of it.
     */
    private Omics2Configuration configuration;

    /**
     * Send requests to uriEndpointOverride instead of the HealthOmics endpoint of the region
     */
    private Boolean overrideEndpoint = false;

    /**
     * The AWS region, one of those the AWS SDK lists for HealthOmics (any region id when the endpoint is overridden)
     */
    private String region;

    /**
     * The endpoint to use when overrideEndpoint is true, for example http://127.0.0.1:4566 for the local emulator
     */
    private String uriEndpointOverride;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * How many polls in a row must fail before the consumer's health check (consumer:routeId, for readiness and
     * liveness) is DOWN, naming the AWS error code of the last; a good poll makes it UP again. 1, as in Camel: the
     * first failed poll. Fewer failures show in the check's details while it stays UP
     */
    private Integer healthCheckErrorThreshold = 1;

    /**
     * Where the consumer remembers the status changes it has emitted, as keys jobId:status, so each is emitted once.
     * Default: an unbounded in-memory repository, forgotten on restart; give a persistent one (for example a
     * FileIdempotentRepository) to survive restarts. The value is a bean reference, #bean:name (or #name).
     */
    private IdempotentRepository idempotentRepository;

    /**
     * The page size of the ListReadSetImportJobs calls of one poll (1 to 100; unset: the service's default). Every
     * page from the watermark on is read on each poll either way
     */
    private Integer maxResults;

    /**
     * Where the consumer's first poll starts when no watermark is kept yet: a duration back from now (P1D, 24h) or an
     * instant (2025-06-01T00:00:00Z). Later polls list from the watermark (the creation time of the oldest job not
     * seen to end). Unset: the store's whole history, once, each ended job fetched for its results; set it for a store
     * with a long history
     */
    private String since;

    /**
     * Where the consumer keeps its watermark, the creation time each poll lists from, so that a restart or a replica
     * does not list the store's history again. Default: the database of dataSource with sharedWatermark=true, else the
     * idempotentRepository when it is also a WatermarkStore, else in memory (forgotten on restart). A
     * FileWatermarkStore keeps it in a file. The value is a bean reference, #bean:name (or #name).
     */
    private WatermarkStore watermarkStore;

    /**
     * Keep the consumer's watermark in the PostgreSQL database of dataSource (table omics_consumer_watermark, created
     * on first use), so that it survives restarts and the replicas polling a store share it. A watermarkStore given
     * wins over it.
     */
    private Boolean sharedWatermark = false;

    /**
     * If true, the consumer emits a job only when it has ended: COMPLETED, COMPLETED_WITH_FAILURES, FAILED or
     * CANCELLED
     */
    private Boolean terminalStatusesOnly = false;

    /**
     * Where the client token comes from when none is given: content (a hash of the request, stable across processes
     * and broker redeliveries), exchange (the exchange id, stable across Camel redeliveries) or none
     */
    private ClientTokenStrategy clientTokenStrategy = ClientTokenStrategy.content;

    /**
     * When a waited-for job ends FAILED, CANCELLED or COMPLETED_WITH_FAILURES, fail the exchange with an
     * ImportJobFailedException naming the failed sources
     */
    private Boolean failOnImportFailure = true;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The most sources one import job gets (1 to 100, the service's fixed quota); more sources are started as
     * consecutive jobs, in input order
     */
    private Integer maxSourcesPerJob = 100;

    /**
     * If true, the message body must be the operation's SDK request object, used as it is apart from headers
     */
    private Boolean pojoRequest = false;

    /**
     * The reference ARN of every BAM and CRAM source that names none, whatever the body (a file list never names one),
     * and of the header source; header CamelAwsOmicsReferenceArn wins
     */
    private String referenceArn;

    /**
     * What the .bam files of a file-list body are: BAM (aligned) or UBAM (unaligned BAM); header
     * CamelAwsOmicsBamFileType wins
     */
    private String bamFileType = "BAM";

    /**
     * After waiting, start the sources that ended FAILED again, as a new job with a client token derived from the jobs
     * they failed in (a redelivery re-uses it), up to this many times; the results are merged in source order. 0: no
     * retry. Needs waitForCompletion
     */
    private Integer retryFailedSources = 0;

    /**
     * How often the jobs waited for are polled (30s, as the SDK waiter). All waits of one client, store and interval
     * share one listing per interval (100 jobs a call) and fetch each job once, when it ends; a waiting exchange holds
     * no thread
     */
    private Duration pollInterval = Duration.ofSeconds(30);

    /**
     * The default IAM role ARN that HealthOmics assumes to read the sources of an import
     */
    private String roleArn;

    /**
     * The default sequence store id, used when neither header nor body gives one
     */
    private String sequenceStoreId;

    /**
     * Check requests against the HealthOmics model (lengths, patterns, enums, required members, at most 100 sources)
     * and the user guide's rules before sending; every violation is reported at once
     */
    private Boolean validate = true;

    /**
     * After starting a job (or, on getReadSetImportJob, for the given job), poll until it ends and put its final
     * status and per-source results on the exchange
     */
    private Boolean waitForCompletion = false;

    /**
     * How long to wait for a job at most (24h); there is no 10-minute cap as with the SDK waiter
     */
    private Duration waitTimeout = Duration.ofHours(24);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * How long one HTTP attempt of a call may take before the SDK abandons it and, if attempts remain, retries (SDK
     * apiCallAttemptTimeout). Unset or 0: no limit beyond the HTTP client's socket timeouts. A retried start is safe: it
     * carries the same client token
     */
    private Duration apiCallAttemptTimeout;

    /**
     * How long one call may take in all, retries and their back-off included (SDK apiCallTimeout). Unset or 0: no limit
     */
    private Duration apiCallTimeout;

    /**
     * The largest startReadSetImportJob body read as JSON or a sample sheet, in bytes (10 MB; a manifest of 100 sources is
     * a few tens of KB). A larger body is refused with an InvalidRequestException naming the limit, having read at most
     * this many bytes plus one from a stream or file, so memory stays bounded whatever arrives. 0 turns the limit off
     */
    private Long maxBodySize = 10485760L;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The maximum number of attempts of one request, first attempt included (unset: the retry mode's default)
     */
    private Integer maxAttempts;

    /**
     * A ready OmicsClient to use instead of creating one; never closed by Camel. Autowired: the single OmicsClient
     * bean of the application is used when there is one; otherwise a bean reference, #bean:name (or #name).
     */
    private OmicsClient omicsClient;

    /**
     * The most requests per second this client sends for each operation (the HealthOmics quota is 5 unless raised);
     * bursts wait on the client instead of being throttled. 0 turns the limit off
     */
    private Double requestsPerSecond = 5.0d;

    /**
     * The PostgreSQL database of the shared request budget (sharedBudget), the start ledger (startLedger) and the
     * consumer's watermark (sharedWatermark), as a javax.sql.DataSource; their tables are created on first use when
     * missing. Autowired: the single DataSource in the registry. Unused unless one of those is on. Otherwise a bean reference, #bean:name (or #name). (Spring's
     * metadata processor leaves DataSource properties out: this one is in additional-spring-configuration-metadata.json.)
     */
    private DataSource dataSource;

    /**
     * Draw every request, retries included, from a token bucket per quota line (budgetKey, region and operation) kept
     * in the PostgreSQL database of dataSource, at requestsPerSecond, instead of pacing each client in its JVM:
     * replicas that share the database share the HealthOmics quota. An exhausted budget makes calls wait (within
     * apiCallAttemptTimeout and apiCallTimeout), never fail. Needs com.bucket4j:bucket4j_jdk17-postgresql on the class
     * path
     */
    private Boolean sharedBudget = false;

    /**
     * A request budget of your own (for example buckets in Hazelcast or Redis) that every request draws from, instead
     * of the in-JVM pace or sharedBudget. The value is a bean reference, #bean:name (or #name).
     */
    private RequestBudget requestBudget;

    /**
     * The account's name in the quota lines of the request budget. Replicas that share a budget and an AWS account
     * must use the same name; give each account its own name (its account id, say) when one database serves several
     */
    private String budgetKey = "default";

    /**
     * Record the job each client token started in the PostgreSQL database of dataSource, and look the token up before
     * every start: a redelivered message, on any replica and at any later time, gets its recorded job back without a
     * start call, even when the service no longer remembers the token
     */
    private Boolean startLedger = false;

    /**
     * A start ledger of your own to record the job of each client token in, instead of the PostgreSQL one of
     * startLedger. The value is a bean reference, #bean:name (or #name).
     */
    private StartLedger startLedgerRepository;

    /**
     * The AWS SDK retry mode; ADAPTIVE_V2 also rate-limits on the client when the service throttles. Unset: the SDK
     * default (AWS_RETRY_MODE, the profile, else LEGACY)
     */
    private RetryMode retryMode;

    /**
     * The proxy host
     */
    private String proxyHost;

    /**
     * The proxy port
     */
    private Integer proxyPort;

    /**
     * The protocol of the proxy
     */
    private Protocol proxyProtocol = Protocol.HTTPS;

    /**
     * Amazon AWS access key
     */
    private String accessKey;

    /**
     * The profile name, when useProfileCredentialsProvider is true
     */
    private String profileCredentialsName;

    /**
     * Amazon AWS secret key
     */
    private String secretKey;

    /**
     * Amazon AWS session token, used when useSessionCredentials is true
     */
    private String sessionToken;

    /**
     * Trust every TLS certificate (only for tests against a self-signed endpoint)
     */
    private Boolean trustAllCertificates = false;

    /**
     * Take credentials from the AWS SDK's default credentials provider chain (environment, system properties, profile,
     * container, instance role)
     */
    private Boolean useDefaultCredentialsProvider = false;

    /**
     * Take credentials from a profile of the AWS config and credentials files
     */
    private Boolean useProfileCredentialsProvider = false;

    /**
     * Use temporary credentials: accessKey, secretKey and sessionToken (for example from an assumed role)
     */
    private Boolean useSessionCredentials = false;

    public Omics2Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Omics2Configuration configuration) {
        this.configuration = configuration;
    }


    // ---- uploadReadSet

    /**
     * uploadReadSet: the size of each part in bytes, at most 104857600 (100 MiB, the service's limit); a file has at most 10000 parts
     */
    private Long partSize = 104857600L;

    /**
     * uploadReadSet: how many parts of one upload are sent at once; each holds one connection and a small buffer, never the part (parts are streamed from disk)
     */
    private Integer partsInFlight = 4;

    /**
     * uploadReadSet: keep the upload when it fails in a way a retry cannot mend (a refused part or Complete), for a later resume, instead of aborting it. Failures a retry can mend (a network cut, a timeout, a 5xx, throttling) always keep it
     */
    private Boolean keepUploadOnFailure = false;

    /**
     * uploadReadSet: the directory of the local upload ledger, where each upload's id and confirmed parts are kept for a resume. Default: .camel-aws2-omics/uploads in the user's home directory. Not used with uploadLedger, or with startLedger=true (then the ledger is in the dataSource)
     */
    private String uploadLedgerDirectory;

    /**
     * uploadReadSet: your own UploadLedger bean, instead of the local directory or the database. The value is a bean reference, #bean:name (or #name).
     */
    private UploadLedger uploadLedger;

    /**
     * uploadReadSet: how often an upload logs where it stands at INFO (parts, MB/s, time left)
     */
    private Duration progressInterval = Duration.ofSeconds(30);

    /**
     * uploadReadSet: an UploadProgressListener bean told where each upload stands after every part. The value is a bean reference, #bean:name (or #name).
     */
    private UploadProgressListener progressListener;

    public Boolean getOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(Boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Integer getHealthCheckErrorThreshold() {
        return healthCheckErrorThreshold;
    }

    public void setHealthCheckErrorThreshold(Integer healthCheckErrorThreshold) {
        this.healthCheckErrorThreshold = healthCheckErrorThreshold;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public Boolean getTerminalStatusesOnly() {
        return terminalStatusesOnly;
    }

    public void setTerminalStatusesOnly(Boolean terminalStatusesOnly) {
        this.terminalStatusesOnly = terminalStatusesOnly;
    }

    public ClientTokenStrategy getClientTokenStrategy() {
        return clientTokenStrategy;
    }

    public void setClientTokenStrategy(ClientTokenStrategy clientTokenStrategy) {
        this.clientTokenStrategy = clientTokenStrategy;
    }

    public Boolean getFailOnImportFailure() {
        return failOnImportFailure;
    }

    public void setFailOnImportFailure(Boolean failOnImportFailure) {
        this.failOnImportFailure = failOnImportFailure;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxSourcesPerJob() {
        return maxSourcesPerJob;
    }

    public void setMaxSourcesPerJob(Integer maxSourcesPerJob) {
        this.maxSourcesPerJob = maxSourcesPerJob;
    }

    public String getReferenceArn() {
        return referenceArn;
    }

    public void setReferenceArn(String referenceArn) {
        this.referenceArn = referenceArn;
    }

    public String getBamFileType() {
        return bamFileType;
    }

    public void setBamFileType(String bamFileType) {
        this.bamFileType = bamFileType;
    }

    public Integer getRetryFailedSources() {
        return retryFailedSources;
    }

    public void setRetryFailedSources(Integer retryFailedSources) {
        this.retryFailedSources = retryFailedSources;
    }

    public Boolean getPojoRequest() {
        return pojoRequest;
    }

    public void setPojoRequest(Boolean pojoRequest) {
        this.pojoRequest = pojoRequest;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public Boolean getSharedWatermark() {
        return sharedWatermark;
    }

    public void setSharedWatermark(Boolean sharedWatermark) {
        this.sharedWatermark = sharedWatermark;
    }

    public WatermarkStore getWatermarkStore() {
        return watermarkStore;
    }

    public void setWatermarkStore(WatermarkStore watermarkStore) {
        this.watermarkStore = watermarkStore;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getSequenceStoreId() {
        return sequenceStoreId;
    }

    public void setSequenceStoreId(String sequenceStoreId) {
        this.sequenceStoreId = sequenceStoreId;
    }

    public Boolean getValidate() {
        return validate;
    }

    public void setValidate(Boolean validate) {
        this.validate = validate;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Duration getApiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    public Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    public void setApiCallTimeout(Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public OmicsClient getOmicsClient() {
        return omicsClient;
    }

    public void setOmicsClient(OmicsClient omicsClient) {
        this.omicsClient = omicsClient;
    }

    public Double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(Double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Boolean getSharedBudget() {
        return sharedBudget;
    }

    public void setSharedBudget(Boolean sharedBudget) {
        this.sharedBudget = sharedBudget;
    }

    public RequestBudget getRequestBudget() {
        return requestBudget;
    }

    public void setRequestBudget(RequestBudget requestBudget) {
        this.requestBudget = requestBudget;
    }

    public String getBudgetKey() {
        return budgetKey;
    }

    public void setBudgetKey(String budgetKey) {
        this.budgetKey = budgetKey;
    }

    public Boolean getStartLedger() {
        return startLedger;
    }

    public void setStartLedger(Boolean startLedger) {
        this.startLedger = startLedger;
    }

    public StartLedger getStartLedgerRepository() {
        return startLedgerRepository;
    }

    public void setStartLedgerRepository(StartLedger startLedgerRepository) {
        this.startLedgerRepository = startLedgerRepository;
    }

    public RetryMode getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(RetryMode retryMode) {
        this.retryMode = retryMode;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Protocol getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(Protocol proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public Boolean getTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(Boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    public Boolean getUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    public void setUseDefaultCredentialsProvider(Boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    public Boolean getUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    public void setUseProfileCredentialsProvider(Boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    public Boolean getUseSessionCredentials() {
        return useSessionCredentials;
    }

    public void setUseSessionCredentials(Boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }

    public Long getPartSize() {
        return partSize;
    }

    public void setPartSize(Long partSize) {
        this.partSize = partSize;
    }

    public Integer getPartsInFlight() {
        return partsInFlight;
    }

    public void setPartsInFlight(Integer partsInFlight) {
        this.partsInFlight = partsInFlight;
    }

    public Boolean getKeepUploadOnFailure() {
        return keepUploadOnFailure;
    }

    public void setKeepUploadOnFailure(Boolean keepUploadOnFailure) {
        this.keepUploadOnFailure = keepUploadOnFailure;
    }

    public String getUploadLedgerDirectory() {
        return uploadLedgerDirectory;
    }

    public void setUploadLedgerDirectory(String uploadLedgerDirectory) {
        this.uploadLedgerDirectory = uploadLedgerDirectory;
    }

    public UploadLedger getUploadLedger() {
        return uploadLedger;
    }

    public void setUploadLedger(UploadLedger uploadLedger) {
        this.uploadLedger = uploadLedger;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public UploadProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(UploadProgressListener progressListener) {
        this.progressListener = progressListener;
    }
}
