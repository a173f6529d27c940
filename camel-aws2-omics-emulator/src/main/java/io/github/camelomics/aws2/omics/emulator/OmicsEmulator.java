package io.github.camelomics.aws2.omics.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.camelomics.aws2.omics.emulator.faults.Faults;
import io.github.camelomics.aws2.omics.emulator.http.AdminHandler;
import io.github.camelomics.aws2.omics.emulator.http.ApiHandler;
import io.github.camelomics.aws2.omics.emulator.http.Credentials;
import io.github.camelomics.aws2.omics.emulator.http.RequestCounts;
import io.github.camelomics.aws2.omics.emulator.http.RequestLog;
import io.github.camelomics.aws2.omics.emulator.http.SigV4Verifier;
import io.github.camelomics.aws2.omics.emulator.model.Json;
import io.github.camelomics.aws2.omics.emulator.model.ServiceModel;
import io.github.camelomics.aws2.omics.emulator.operations.ServiceApi;
import io.github.camelomics.aws2.omics.emulator.quota.RateLimiter;
import io.github.camelomics.aws2.omics.emulator.s3.ETagAlgorithmFamily;
import io.github.camelomics.aws2.omics.emulator.s3.LocalS3;
import io.github.camelomics.aws2.omics.emulator.s3.SourceInspector;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;
import io.github.camelomics.aws2.omics.emulator.state.JobSettings;
import io.github.camelomics.aws2.omics.emulator.state.JobTimeline;
import io.github.camelomics.aws2.omics.emulator.state.PartFiles;
import io.github.camelomics.aws2.omics.emulator.state.ServiceSettings;
import io.github.camelomics.aws2.omics.emulator.state.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local, stateful HealthOmics sequence store service (read set imports, uploads, activations and exports) on
 * {@code http://127.0.0.1:PORT}.
 *
 * <pre>{@code
 * try (OmicsEmulator emulator = OmicsEmulator.builder().dataDir(dir).sequenceStoreIds("1234567890").build().start()) {
 *     OmicsClient client = OmicsClient.builder().endpointOverride(emulator.endpoint())
 *             .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
 *             ...
 * }
 * }</pre>
 */
public final class OmicsEmulator implements AutoCloseable {

    /** Per-operation request rate of the real service (adjustable there, too). */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 5;
    public static final Duration DEFAULT_SUBMITTED_DURATION = Duration.ofSeconds(1);
    public static final Duration DEFAULT_IMPORT_DURATION = Duration.ofSeconds(5);
    /** How long an activation job stays IN_PROGRESS (the read sets ACTIVATING); the service's is not documented. */
    public static final Duration DEFAULT_ACTIVATION_DURATION = Duration.ofSeconds(5);
    /** How long an export job stays IN_PROGRESS before its files are written. */
    public static final Duration DEFAULT_EXPORT_DURATION = Duration.ofSeconds(5);
    /** An emulator default, not an AWS figure: enough for realistic tests, small enough to reach in one. */
    public static final int DEFAULT_MAX_ACTIVE_JOBS = 10;
    /**
     * Unfinished activation jobs, and export jobs, allowed at once: adjustable quotas of the service whose defaults are
     * not published; an emulator default like {@link #DEFAULT_MAX_ACTIVE_JOBS}.
     */
    public static final int DEFAULT_MAX_CONCURRENT_JOBS = 10;
    public static final String DEFAULT_SEQUENCE_STORE_ID = "1234567890";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** Only this machine can reach the emulator unless another address is chosen. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** A sequence store's ETag algorithm family unless another is chosen when it is created. */
    public static final String DEFAULT_ETAG_ALGORITHM_FAMILY = "MD5up";

    private static final Pattern SEQUENCE_STORE_ID = Pattern.compile("[0-9]{10,36}");
    private static final int WORKER_THREADS = 8;

    private final Settings settings;
    private final Path dataDir;
    /** A data dir the emulator made itself is deleted on close; one it was given is left alone. */
    private final boolean ownsDataDir;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();
    private final Faults faults = new Faults();
    private final RequestCounts requestCounts = new RequestCounts();
    private final RateLimiter rateLimiter;
    private final LocalS3 s3;
    private final EmulatorState state;
    private final PartFiles partFiles;
    private HttpServer server;
    private ExecutorService workers;

    private OmicsEmulator(Settings settings) {
        this.settings = settings;
        this.ownsDataDir = settings.dataDir() == null;
        this.dataDir = ownsDataDir ? createTempDataDir() : settings.dataDir();
        this.clock = settings.clock();
        this.rateLimiter = new RateLimiter(settings.rateLimitPerSecond(), System::nanoTime);
        this.s3 = new LocalS3(dataDir);
        this.partFiles = new PartFiles(dataDir);
        this.state = new EmulatorState(settings.service(), clock, s3, new SourceInspector(s3, settings.eTagAlgorithmFamily()),
                partFiles, settings.persistence() ? new StateFile(dataDir) : null, faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving. */
    public synchronized OmicsEmulator start() {
        if (server != null) {
            throw new IllegalStateException("the emulator is already started");
        }
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer then waits for the
        // client's delayed ACK (about 40 ms). Read once by the JDK when its first server starts, so set it before.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        SigV4Verifier verifier = settings.verifySignatures() && settings.credentials() != null
                ? new SigV4Verifier(settings.credentials(), SigV4Verifier.OMICS, onSystemClock() ? clock::instant : null)
                : null;
        ApiHandler api = new ApiHandler(ServiceModel.load(), mapper, new ServiceApi(state, mapper), faults, rateLimiter,
                verifier, requestCounts, partFiles.incomingDir());
        AdminHandler admin = new AdminHandler(mapper, state, faults, clock, this::reset, requestCounts,
                rateLimiter::throttled);
        server.createContext("/", settings.logRequests() ? new RequestLog(api, api::describe) : api);
        server.createContext(AdminHandler.ROOT, settings.logRequests()
                ? new RequestLog(admin, e -> e.getRequestMethod() + " " + e.getRequestURI().getRawPath()) : admin);
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "omics-emulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.start();
        return this;
    }

    /**
     * Whether the emulator runs on the real time (the system clock of any zone). Only then is a request's signing time
     * checked against it: clients sign with the real time, which a test clock is far from.
     */
    private boolean onSystemClock() {
        return clock.getClass() == Clock.systemUTC().getClass();
    }

    /**
     * {@code http://127.0.0.1:PORT}, the value for {@code endpointOverride} / {@code uriEndpointOverride}; with another
     * bind address, that address (a wildcard address still gives 127.0.0.1).
     */
    public URI endpoint() {
        String host = settings.bindAddress();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return URI.create("http://" + (wildcard ? "127.0.0.1" : host) + ":" + port());
    }

    /** The port actually bound (useful with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops serving. State kept in a given data dir (with persistence) stays there; a temporary data dir is deleted. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    /**
     * Forgets all jobs and read sets, disarms faults, refills the rate quota and counts requests from 0 again; the clock
     * is left alone.
     */
    public void reset() {
        state.clear();
        faults.clear();
        rateLimiter.reset();
        requestCounts.reset();
    }

    /**
     * Forgets every client token: a start with a token used before then creates a new job, as a service would that no
     * longer remembers it. Jobs and read sets stay. Also {@code POST /_emulator/client-tokens/forget}.
     *
     * @return how many tokens were forgotten
     */
    public int forgetClientTokens() {
        return state.forgetClientTokens();
    }

    /** How many requests were answered ThrottlingException by the rate quota since the start or the last reset. */
    public long throttledRequests() {
        return rateLimiter.throttled();
    }

    public Faults faults() {
        return faults;
    }

    /** How many requests of each operation reached the emulator since it started or was last reset. */
    public RequestCounts requestCounts() {
        return requestCounts;
    }

    public Clock clock() {
        return clock;
    }

    public EmulatorState state() {
        return state;
    }

    /** The local S3: where {@code s3://bucket/key} sources live, with helpers to stage sample files. */
    public LocalS3 s3() {
        return s3;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Set<String> sequenceStoreIds() {
        return state.sequenceStoreIds();
    }

    /** The first configured sequence store. */
    public String sequenceStoreId() {
        return settings.service().sequenceStoreIds().iterator().next();
    }

    /** How import jobs move on. */
    public JobTimeline timeline() {
        return settings.service().imports().timeline();
    }

    /** How activation jobs move on. */
    public JobTimeline activationTimeline() {
        return settings.service().activations().timeline();
    }

    /** How export jobs move on. */
    public JobTimeline exportTimeline() {
        return settings.service().exports().timeline();
    }

    /** How long a read set stays ACTIVE unread before it is ARCHIVED, or empty when read sets are not archived so. */
    public Optional<Duration> archiveAfter() {
        return Optional.ofNullable(settings.service().archiveAfter());
    }

    public String region() {
        return settings.service().region();
    }

    @Override
    public String toString() {
        return "OmicsEmulator[dataDir=" + dataDir + ", sequenceStoreIds=" + settings.service().sequenceStoreIds()
                + ", credentials=" + settings.credentials() + ", started=" + (server != null) + "]";
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static Path createTempDataDir() {
        try {
            return Files.createTempDirectory("omics-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir", e);
        }
    }

    /** What a builder collected; the emulator keeps this immutable copy, so builders stay reusable. */
    private record Settings(int port, String bindAddress, Path dataDir, Credentials credentials,
                            boolean verifySignatures, double rateLimitPerSecond, Clock clock, boolean persistence,
                            ETagAlgorithmFamily eTagAlgorithmFamily, boolean logRequests, ServiceSettings service) {
    }

    /** Settings of an emulator; every one has a default, see the setters. */
    public static final class Builder {
        private int port;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Path dataDir;
        private Set<String> sequenceStoreIds = Set.of(DEFAULT_SEQUENCE_STORE_ID);
        private Credentials credentials;
        private boolean verifySignatures = true;
        private double rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
        private int maxActiveJobs = DEFAULT_MAX_ACTIVE_JOBS;
        private Clock clock = Clock.systemUTC();
        private Duration submittedDuration = DEFAULT_SUBMITTED_DURATION;
        private Duration importDuration = DEFAULT_IMPORT_DURATION;
        private Duration activationDuration = DEFAULT_ACTIVATION_DURATION;
        private Duration exportDuration = DEFAULT_EXPORT_DURATION;
        private int maxConcurrentActivationJobs = DEFAULT_MAX_CONCURRENT_JOBS;
        private int maxConcurrentExportJobs = DEFAULT_MAX_CONCURRENT_JOBS;
        private Duration archiveAfter;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private boolean persistence;
        private ETagAlgorithmFamily eTagAlgorithmFamily = ETagAlgorithmFamily.parse(DEFAULT_ETAG_ALGORITHM_FAMILY);
        private boolean logRequests;

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The address to listen on. Default {@value #DEFAULT_BIND_ADDRESS}: this machine only. {@code 0.0.0.0} makes
         * the emulator reachable from other hosts (a container needs it), admin endpoint included.
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** The local S3 root and, with persistence, where state is kept. Default: a new temporary directory, deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The sequence stores that exist; others are ResourceNotFoundException. Default: {@value #DEFAULT_SEQUENCE_STORE_ID}. */
        public Builder sequenceStoreIds(String... ids) {
            return sequenceStoreIds(List.of(ids));
        }

        public Builder sequenceStoreIds(List<String> ids) {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("at least one sequence store id is needed");
            }
            ids.forEach(id -> {
                if (!SEQUENCE_STORE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("a sequence store id is 10 to 36 digits, not " + id);
                }
            });
            this.sequenceStoreIds = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
            return this;
        }

        /** The key pair requests must be signed with; without it signatures are not checked. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.credentials = new Credentials(accessKeyId, secretAccessKey);
            return this;
        }

        /** Switches signature checks off even with credentials (default on when credentials are set). */
        public Builder verifySignatures(boolean verify) {
            this.verifySignatures = verify;
            return this;
        }

        /** Requests per second per operation before ThrottlingException; 0 switches the limit off. Default 5. */
        public Builder rateLimitPerSecond(double perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /** Unfinished jobs allowed at once before ServiceQuotaExceededException. Default 10. */
        public Builder maxActiveJobs(int maxActiveJobs) {
            if (maxActiveJobs < 1) {
                throw new IllegalArgumentException("maxActiveJobs must be at least 1");
            }
            this.maxActiveJobs = maxActiveJobs;
            return this;
        }

        /** The clock jobs progress by; a {@link SettableClock} for tests. Default: the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a job (of any kind) stays SUBMITTED. Default 1 s. */
        public Builder submittedDuration(Duration duration) {
            this.submittedDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** How long an import job stays IN_PROGRESS before it finishes. Default 5 s. */
        public Builder importDuration(Duration duration) {
            this.importDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** How long an activation job stays IN_PROGRESS, its read sets ACTIVATING, before they are ACTIVE. Default 5 s. */
        public Builder activationDuration(Duration duration) {
            this.activationDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** How long an export job stays IN_PROGRESS before its files are written and it finishes. Default 5 s. */
        public Builder exportDuration(Duration duration) {
            this.exportDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Unfinished activation jobs allowed at once before ServiceQuotaExceededException. Default 10. */
        public Builder maxConcurrentActivationJobs(int maxJobs) {
            this.maxConcurrentActivationJobs = maxJobs;
            return this;
        }

        /** Unfinished export jobs allowed at once before ServiceQuotaExceededException. Default 10. */
        public Builder maxConcurrentExportJobs(int maxJobs) {
            this.maxConcurrentExportJobs = maxJobs;
            return this;
        }

        /**
         * Archives a read set once its files were not read (made, activated or exported) for this long, on the
         * emulator's clock, as the service archives read sets not accessed for 30 days. Default {@code null}: read sets
         * stay ACTIVE unless archived by {@link EmulatorState#archiveReadSets}.
         */
        public Builder archiveAfter(Duration unread) {
            this.archiveAfter = unread;
            return this;
        }

        /** {@link #archiveAfter(Duration)} in days: 30 is the service's. */
        public Builder archiveAfterDays(int days) {
            return archiveAfter(Duration.ofDays(days));
        }

        /** The region in read set ARNs. Default us-east-1 (any region's signature is accepted). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account in read set ARNs. Default 123456789012. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** Keeps jobs and read sets in {@code <dataDir>/.omics-emulator/state.json} across restarts. Default off. */
        public Builder persistence(boolean persistence) {
            this.persistence = persistence;
            return this;
        }

        /**
         * The sequence stores' ETag algorithm family: {@code MD5up} (the default), {@code SHA256up} or
         * {@code SHA512up}. Read sets' ETags are computed with it, e.g. {@code FASTQ_SHA256up}.
         */
        public Builder eTagAlgorithmFamily(String family) {
            this.eTagAlgorithmFamily = ETagAlgorithmFamily.parse(family);
            return this;
        }

        /**
         * Logs one INFO line per request (operation, status, error code, time) to the logger
         * {@value RequestLog#LOGGER}. Default off; the runnable jar switches it on unless {@code --quiet}.
         */
        public Builder logRequests(boolean logRequests) {
            this.logRequests = logRequests;
            return this;
        }

        public OmicsEmulator build() {
            ServiceSettings service = new ServiceSettings(sequenceStoreIds, region, accountId,
                    new JobSettings(new JobTimeline(submittedDuration, importDuration), maxActiveJobs),
                    new JobSettings(new JobTimeline(submittedDuration, activationDuration), maxConcurrentActivationJobs),
                    new JobSettings(new JobTimeline(submittedDuration, exportDuration), maxConcurrentExportJobs),
                    archiveAfter);
            return new OmicsEmulator(new Settings(port, bindAddress, dataDir, credentials, verifySignatures,
                    rateLimitPerSecond, clock, persistence, eTagAlgorithmFamily, logRequests, service));
        }
    }
}
