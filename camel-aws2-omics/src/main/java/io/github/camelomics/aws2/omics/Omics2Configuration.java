package io.github.camelomics.aws2.omics;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.model.ReadSetRules;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * The options of the aws2-omics component and its endpoints. The component holds one instance; each endpoint starts
 * from a copy of it and applies its URI options on top, so an endpoint option beats a component option.
 */
@UriParams
@Configurer
public class Omics2Configuration implements Cloneable {

    /** 10 MB: far above any real manifest or sample sheet, far below what would strain a JVM. */
    public static final long DEFAULT_MAX_BODY_SIZE = 10L * 1024 * 1024;

    @UriPath(description = "The HealthOmics operation to perform")
    @Metadata(required = true)
    private Omics2Operations operation;

    @UriParam(label = "producer",
              description = "The default sequence store id, used when neither header nor body gives one")
    private String sequenceStoreId;
    @UriParam(label = "producer",
              description = "The default IAM role ARN that HealthOmics assumes to read the sources of an import")
    private String roleArn;
    @UriParam(label = "producer",
              description = "If true, the message body must be the operation's SDK request object, used as it is apart from headers")
    private boolean pojoRequest;
    @UriParam(label = "producer",
              description = "The reference ARN of every BAM and CRAM source that names none, whatever the body (a file "
                            + "list never names one), and of the header source; header CamelAwsOmicsReferenceArn wins")
    private String referenceArn;
    @UriParam(label = "producer", defaultValue = "BAM", enums = "BAM,UBAM",
              description = "What the .bam files of a file-list body are: BAM (aligned) or UBAM (unaligned BAM); header "
                            + "CamelAwsOmicsBamFileType wins")
    private String bamFileType = "BAM";

    @UriParam(label = "producer", defaultValue = "true",
              description = "Check requests against the HealthOmics model (lengths, patterns, enums, required members, "
                            + "at most 100 sources) and the user guide's rules before sending; every violation is reported at once")
    private boolean validate = true;
    @UriParam(label = "producer", defaultValue = "100",
              description = "The most sources one import job gets (1 to 100, the service's fixed quota); more sources are "
                            + "started as consecutive jobs, in input order")
    private int maxSourcesPerJob = 100;
    @UriParam(label = "producer", defaultValue = "content",
              description = "Where the client token comes from when none is given: content (a hash of the request, stable "
                            + "across processes and broker redeliveries), exchange (the exchange id, stable across Camel "
                            + "redeliveries) or none")
    private ClientTokenStrategy clientTokenStrategy = ClientTokenStrategy.content;
    @UriParam(label = "producer",
              description = "After starting a job (or, on getReadSetImportJob, for the given job), poll until it ends and "
                            + "put its final status and per-source results on the exchange")
    private boolean waitForCompletion;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How often the jobs waited for are polled (30s, as the SDK waiter). All waits of one client, "
                            + "store and interval share one listing per interval (100 jobs a call) and fetch each job "
                            + "once, when it ends; a waiting exchange holds no thread")
    private long pollInterval = 30_000;
    @UriParam(label = "producer", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long to wait for a job at most (24h); there is no 10-minute cap as with the SDK waiter")
    private long waitTimeout = 86_400_000;
    @UriParam(label = "producer", defaultValue = "true",
              description = "When a waited-for job ends FAILED, CANCELLED or COMPLETED_WITH_FAILURES, fail the exchange with "
                            + "an ImportJobFailedException naming the failed sources")
    private boolean failOnImportFailure = true;
    @UriParam(label = "producer", defaultValue = "0",
              description = "After waiting, start the sources that ended FAILED again, as a new job with a client token "
                            + "derived from the jobs they failed in (a redelivery re-uses it), up to this many times; the "
                            + "results are merged in source order. 0: no retry. Needs waitForCompletion")
    private int retryFailedSources;
    @UriParam(label = "producer", defaultValue = "10485760",
              description = "The largest startReadSetImportJob body read as JSON or a sample sheet, in bytes (10 MB; a "
                            + "manifest of 100 sources is a few tens of KB). A larger body is refused with an "
                            + "InvalidRequestException naming the limit, having read at most this many bytes plus one from "
                            + "a stream or file, so memory stays bounded whatever arrives. 0 turns the limit off")
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;

    @UriParam(description = "The AWS region, one of those the AWS SDK lists for HealthOmics (any region id when the endpoint is overridden)")
    private String region;
    @UriParam(label = "security", secret = true, description = "Amazon AWS access key")
    private String accessKey;
    @UriParam(label = "security", secret = true, description = "Amazon AWS secret key")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "Amazon AWS session token, used when useSessionCredentials is true")
    private String sessionToken;
    @UriParam(label = "security",
              description = "Take credentials from the AWS SDK's default credentials provider chain (environment, system properties, profile, container, instance role)")
    private boolean useDefaultCredentialsProvider;
    @UriParam(label = "security", description = "Take credentials from a profile of the AWS config and credentials files")
    private boolean useProfileCredentialsProvider;
    @UriParam(label = "security", description = "The profile name, when useProfileCredentialsProvider is true")
    private String profileCredentialsName;
    @UriParam(label = "security",
              description = "Use temporary credentials: accessKey, secretKey and sessionToken (for example from an assumed role)")
    private boolean useSessionCredentials;

    @UriParam(description = "Send requests to uriEndpointOverride instead of the HealthOmics endpoint of the region")
    private boolean overrideEndpoint;
    @UriParam(description = "The endpoint to use when overrideEndpoint is true, for example http://127.0.0.1:4566 for the local emulator")
    private String uriEndpointOverride;
    @UriParam(label = "proxy", enums = "HTTP,HTTPS", defaultValue = "HTTPS", description = "The protocol of the proxy")
    private Protocol proxyProtocol = Protocol.HTTPS;
    @UriParam(label = "proxy", description = "The proxy host")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The proxy port")
    private Integer proxyPort;
    @UriParam(label = "security", description = "Trust every TLS certificate (only for tests against a self-signed endpoint)")
    private boolean trustAllCertificates;

    @UriParam(label = "advanced", enums = "LEGACY,STANDARD,ADAPTIVE,ADAPTIVE_V2",
              description = "The AWS SDK retry mode; ADAPTIVE_V2 also rate-limits on the client when the service throttles. "
                            + "Unset: the SDK default (AWS_RETRY_MODE, the profile, else LEGACY)")
    private RetryMode retryMode;
    @UriParam(label = "advanced",
              description = "The maximum number of attempts of one request, first attempt included (unset: the retry mode's default)")
    private Integer maxAttempts;
    @UriParam(label = "advanced", javaType = "java.time.Duration",
              description = "How long one HTTP attempt of a call may take before the SDK abandons it and, if attempts "
                            + "remain, retries (SDK apiCallAttemptTimeout). Unset or 0: no limit beyond the HTTP client's "
                            + "socket timeouts. A retried start is safe: it carries the same client token")
    private long apiCallAttemptTimeout;
    @UriParam(label = "advanced", javaType = "java.time.Duration",
              description = "How long one call may take in all, retries and their back-off included (SDK apiCallTimeout). "
                            + "Unset or 0: no limit")
    private long apiCallTimeout;
    @UriParam(label = "advanced", defaultValue = "5",
              description = "The most requests per second this client sends for each operation (the HealthOmics quota is 5 "
                            + "unless raised); bursts wait on the client instead of being throttled. 0 turns the limit off")
    private double requestsPerSecond = 5;

    @UriParam(label = "advanced",
              description = "The PostgreSQL database of the shared request budget (sharedBudget), the start ledger "
                            + "(startLedger) and the consumer's watermark (sharedWatermark), as a javax.sql.DataSource; "
                            + "their tables are created on first use when missing. Autowired: the single DataSource in "
                            + "the registry. Unused unless one of those is on")
    @Metadata(autowired = true)
    private DataSource dataSource;
    @UriParam(label = "advanced",
              description = "Draw every request, retries included, from a token bucket per quota line (budgetKey, region "
                            + "and operation) kept in the PostgreSQL database of dataSource, at requestsPerSecond, instead "
                            + "of pacing each client in its JVM: replicas that share the database share the HealthOmics "
                            + "quota. An exhausted budget makes calls wait (within apiCallAttemptTimeout and apiCallTimeout), "
                            + "never fail. Needs com.bucket4j:bucket4j_jdk17-postgresql on the class path")
    private boolean sharedBudget;
    @UriParam(label = "advanced",
              description = "A request budget of your own (for example buckets in Hazelcast or Redis) that every request "
                            + "draws from, instead of the in-JVM pace or sharedBudget")
    private RequestBudget requestBudget;
    @UriParam(label = "advanced", defaultValue = "default",
              description = "The account's name in the quota lines of the request budget. Replicas that share a budget "
                            + "and an AWS account must use the same name; give each account its own name (its account id, "
                            + "say) when one database serves several")
    private String budgetKey = "default";
    @UriParam(label = "producer",
              description = "Record the job each client token started in the PostgreSQL database of dataSource, and look "
                            + "the token up before every start: a redelivered message, on any replica and at any later "
                            + "time, gets its recorded job back without a start call, even when the service no longer "
                            + "remembers the token")
    private boolean startLedger;
    @UriParam(label = "producer",
              description = "A start ledger of your own to record the job of each client token in, instead of the "
                            + "PostgreSQL one of startLedger")
    private StartLedger startLedgerRepository;

    @UriParam(label = "advanced", description = "A ready OmicsClient to use instead of creating one; never closed by Camel")
    @Metadata(autowired = true)
    private OmicsClient omicsClient;

    @UriParam(label = "consumer",
              description = "Where the consumer remembers the status changes it has emitted, as keys jobId:status, so each "
                            + "is emitted once. Default: an unbounded in-memory repository, forgotten on restart; give a "
                            + "persistent one (for example a FileIdempotentRepository) to survive restarts")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer",
              description = "If true, the consumer emits a job only when it has ended: COMPLETED, COMPLETED_WITH_FAILURES, "
                            + "FAILED or CANCELLED")
    private boolean terminalStatusesOnly;
    @UriParam(label = "consumer",
              description = "The page size of the ListReadSetImportJobs calls of one poll (1 to 100; unset: the service's "
                            + "default). Every page from the watermark on is read on each poll either way")
    private Integer maxResults;
    @UriParam(label = "consumer",
              description = "Where the consumer's first poll starts when no watermark is kept yet: a duration back from "
                            + "now (P1D, 24h) or an instant (2025-06-01T00:00:00Z). Later polls list from the watermark "
                            + "(the creation time of the oldest job not seen to end). Unset: the store's whole history, "
                            + "once, each ended job fetched for its results; set it for a store with a long history")
    private String since;
    @UriParam(label = "consumer",
              description = "Where the consumer keeps its watermark, the creation time each poll lists from, so that a "
                            + "restart or a replica does not list the store's history again. Default: the "
                            + "database of dataSource with sharedWatermark=true, else the idempotentRepository when it is "
                            + "also a WatermarkStore, else in memory (forgotten on restart). A FileWatermarkStore keeps it "
                            + "in a file")
    private WatermarkStore watermarkStore;
    @UriParam(label = "consumer",
              description = "Keep the consumer's watermark in the PostgreSQL database of dataSource (table "
                            + "omics_consumer_watermark, created on first use), so that it survives restarts and the "
                            + "replicas polling a store share it. A watermarkStore given wins over it")
    private boolean sharedWatermark;
    @UriParam(label = "consumer", defaultValue = "1",
              description = "How many polls in a row must fail before the consumer's health check (consumer:routeId, "
                            + "for readiness and liveness) is DOWN, naming the AWS error code of the last; a good poll "
                            + "makes it UP again. 1, as in Camel: the first failed poll. Fewer failures show in the "
                            + "check's details while it stays UP")
    private int healthCheckErrorThreshold = 1;

    // ---- uploadReadSet

    @UriParam(label = "producer", defaultValue = "104857600",
              description = "uploadReadSet: the size of each part in bytes, at most 104857600 (100 MiB, the service's "
                            + "limit); a file has at most 10000 parts")
    private long partSize = ReadSetRules.MAX_PART_SIZE;
    @UriParam(label = "producer", defaultValue = "4",
              description = "uploadReadSet: how many parts of one upload are sent at once; each holds one connection and "
                            + "a small buffer, never the part (parts are streamed from disk)")
    private int partsInFlight = 4;
    @UriParam(label = "producer",
              description = "uploadReadSet: keep the upload when it fails in a way a retry cannot mend (a refused part or "
                            + "Complete), for a later resume, instead of aborting it. Failures a retry can mend (a "
                            + "network cut, a timeout, a 5xx, throttling) always keep it")
    private boolean keepUploadOnFailure;
    @UriParam(label = "producer",
              description = "uploadReadSet: the directory of the local upload ledger, where each upload's id and "
                            + "confirmed parts are kept for a resume. Default: .camel-aws2-omics/uploads in the user's "
                            + "home directory. Not used with uploadLedger, or with startLedger=true (then the ledger is in "
                            + "the dataSource)")
    private String uploadLedgerDirectory;
    @UriParam(label = "producer",
              description = "uploadReadSet: your own UploadLedger bean, instead of the local directory or the database")
    private UploadLedger uploadLedger;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "uploadReadSet: how often an upload logs where it stands at INFO (parts, MB/s, time left)")
    private long progressInterval = 30_000;
    @UriParam(label = "producer",
              description = "uploadReadSet: an UploadProgressListener bean told where each upload stands after every part")
    private UploadProgressListener progressListener;

    public Omics2Operations getOperation() {
        return operation;
    }

    public void setOperation(Omics2Operations operation) {
        this.operation = operation;
    }

    public String getSequenceStoreId() {
        return sequenceStoreId;
    }

    public void setSequenceStoreId(String sequenceStoreId) {
        this.sequenceStoreId = sequenceStoreId;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public boolean isPojoRequest() {
        return pojoRequest;
    }

    public void setPojoRequest(boolean pojoRequest) {
        this.pojoRequest = pojoRequest;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public int getMaxSourcesPerJob() {
        return maxSourcesPerJob;
    }

    public void setMaxSourcesPerJob(int maxSourcesPerJob) {
        this.maxSourcesPerJob = maxSourcesPerJob;
    }

    public ClientTokenStrategy getClientTokenStrategy() {
        return clientTokenStrategy;
    }

    public void setClientTokenStrategy(ClientTokenStrategy clientTokenStrategy) {
        this.clientTokenStrategy = clientTokenStrategy;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public boolean isFailOnImportFailure() {
        return failOnImportFailure;
    }

    public void setFailOnImportFailure(boolean failOnImportFailure) {
        this.failOnImportFailure = failOnImportFailure;
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

    public int getRetryFailedSources() {
        return retryFailedSources;
    }

    public void setRetryFailedSources(int retryFailedSources) {
        this.retryFailedSources = retryFailedSources;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
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

    public boolean isUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    public void setUseDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    public boolean isUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    public void setUseProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    public boolean isUseSessionCredentials() {
        return useSessionCredentials;
    }

    public void setUseSessionCredentials(boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }

    public boolean isOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public Protocol getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(Protocol proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
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

    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    public RetryMode getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(RetryMode retryMode) {
        this.retryMode = retryMode;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getApiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    public void setApiCallAttemptTimeout(long apiCallAttemptTimeout) {
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    public long getApiCallTimeout() {
        return apiCallTimeout;
    }

    public void setApiCallTimeout(long apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isSharedBudget() {
        return sharedBudget;
    }

    public void setSharedBudget(boolean sharedBudget) {
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

    public boolean isStartLedger() {
        return startLedger;
    }

    public void setStartLedger(boolean startLedger) {
        this.startLedger = startLedger;
    }

    public StartLedger getStartLedgerRepository() {
        return startLedgerRepository;
    }

    public void setStartLedgerRepository(StartLedger startLedgerRepository) {
        this.startLedgerRepository = startLedgerRepository;
    }

    public OmicsClient getOmicsClient() {
        return omicsClient;
    }

    public void setOmicsClient(OmicsClient omicsClient) {
        this.omicsClient = omicsClient;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isTerminalStatusesOnly() {
        return terminalStatusesOnly;
    }

    public void setTerminalStatusesOnly(boolean terminalStatusesOnly) {
        this.terminalStatusesOnly = terminalStatusesOnly;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public boolean isSharedWatermark() {
        return sharedWatermark;
    }

    public void setSharedWatermark(boolean sharedWatermark) {
        this.sharedWatermark = sharedWatermark;
    }

    public int getHealthCheckErrorThreshold() {
        return healthCheckErrorThreshold;
    }

    public void setHealthCheckErrorThreshold(int healthCheckErrorThreshold) {
        this.healthCheckErrorThreshold = healthCheckErrorThreshold;
    }

    public WatermarkStore getWatermarkStore() {
        return watermarkStore;
    }

    public void setWatermarkStore(WatermarkStore watermarkStore) {
        this.watermarkStore = watermarkStore;
    }

    public long getPartSize() {
        return partSize;
    }

    public void setPartSize(long partSize) {
        this.partSize = partSize;
    }

    public int getPartsInFlight() {
        return partsInFlight;
    }

    public void setPartsInFlight(int partsInFlight) {
        this.partsInFlight = partsInFlight;
    }

    public boolean isKeepUploadOnFailure() {
        return keepUploadOnFailure;
    }

    public void setKeepUploadOnFailure(boolean keepUploadOnFailure) {
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

    public long getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public UploadProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(UploadProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public Omics2Configuration copy() {
        try {
            return (Omics2Configuration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
