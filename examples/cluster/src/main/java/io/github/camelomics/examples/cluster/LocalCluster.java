package io.github.camelomics.examples.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.main.Main;

import io.github.camelomics.testing.postgres.PostgresServer;

/**
 * Everything of the cluster example on one machine: a PostgreSQL started from Maven artifacts, the HealthOmics
 * emulator in its own process, and replicas, each a JVM running camel-main with the YAML routes of
 * {@code replica/routes} (the very files a Deployment runs), configured only through the environment. Every process
 * is started here and stopped by its own pid, also when something fails.
 */
public final class LocalCluster implements AutoCloseable {

    /** camel-main logs this once the routes run. */
    private static final Pattern STARTED = Pattern.compile("Apache Camel \\S+ \\(\\S+\\) started in");
    /** ... and this on the replica whose ClusteredRoutePolicy starts the events route: the leader. */
    private static final Pattern EVENTS_STARTED = Pattern.compile("Started job-events \\(");

    /**
     * @param rate       requests per second per operation that the emulator allows (the service's quota: 5)
     * @param submitted  how long a job stays SUBMITTED
     * @param importing  how long it then stays IN_PROGRESS
     * @param sheetsPoll how often an idle replica looks for sheets
     * @param eventsPoll how often the leader lists the store's jobs
     * @param metersLog  how often each replica logs its meters
     */
    public record Settings(double rate, Duration submitted, Duration importing, Duration sheetsPoll, Duration eventsPoll,
                           Duration metersLog) {
    }

    private final Path dir;
    private final Settings settings;
    private final PostgresServer postgres;
    private final EmulatorProcess emulator;
    private final WorkTable work;
    private final Map<String, ChildJvm> replicas = new LinkedHashMap<>();
    private int starts;

    private LocalCluster(Path dir, Settings settings, PostgresServer postgres, EmulatorProcess emulator) {
        this.dir = dir;
        this.settings = settings;
        this.postgres = postgres;
        this.emulator = emulator;
        this.work = new WorkTable(postgres.dataSource());
    }

    /** Starts PostgreSQL (with the example's tables) and the emulator; no replica yet. */
    public static LocalCluster start(Path dir, Settings settings) throws Exception {
        // readable by all: as root, PostgreSQL runs as nobody and must reach its binaries below
        Files.setPosixFilePermissions(Files.createDirectories(dir), PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresServer postgres = PostgresServer.start(Files.createDirectories(dir.resolve("postgres")));
        EmulatorProcess emulator = null;
        try {
            emulator = EmulatorProcess.start(dir, settings.rate(), settings.submitted(), settings.importing());
            LocalCluster cluster = new LocalCluster(dir, settings, postgres, emulator);
            cluster.work.createSchema();
            return cluster;
        } catch (Exception e) {
            if (emulator != null) {
                emulator.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** Starts replicas replica-1 ... replica-n at once and waits until each runs its routes. */
    public List<String> startReplicas(int count, boolean sharedBudget) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("replica-" + i);
            launch("replica-" + i, sharedBudget);
        }
        for (String name : names) {
            replicas.get(name).awaitLine(STARTED, Duration.ofSeconds(90));
        }
        return names;
    }

    /** Starts one replica (again, after it was killed) and waits until it runs its routes. */
    public void startReplica(String name, boolean sharedBudget) throws Exception {
        launch(name, sharedBudget).awaitLine(STARTED, Duration.ofSeconds(90));
    }

    private ChildJvm launch(String name, boolean sharedBudget) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("REPLICA_NAME", name);
        env.put("AWS_REGION", EmulatorProcess.REGION);
        env.put("AWS_ACCESS_KEY_ID", EmulatorProcess.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", EmulatorProcess.SECRET_KEY);
        env.put("OMICS_SEQUENCE_STORE_ID", EmulatorProcess.STORE);
        env.put("OMICS_ROLE_ARN", EmulatorProcess.ROLE_ARN);
        env.put("OMICS_OVERRIDE_ENDPOINT", "true");
        env.put("OMICS_ENDPOINT", emulator.endpoint().toString());
        env.put("OMICS_SHARED_BUDGET", String.valueOf(sharedBudget));
        env.put("OMICS_JDBC_URL", postgres.jdbcUrl());
        env.put("CLUSTER_LOCK_DIR", dir.resolve("cluster-lock").toString());
        env.put("CLUSTER_LOCK_INTERVAL_SECONDS", "1");
        env.put("SHEETS_POLL_DELAY", String.valueOf(settings.sheetsPoll().toMillis()));
        env.put("EVENTS_POLL_DELAY", String.valueOf(settings.eventsPoll().toMillis()));
        env.put("EVENTS_SINCE", "PT1H");
        env.put("METERS_LOG_PERIOD", String.valueOf(settings.metersLog().toMillis()));
        // one log per start, so that a restarted replica's readiness is read from its own log
        ChildJvm jvm = ChildJvm.start(name, dir.resolve("logs").resolve(name + "-" + (++starts) + ".log"), env,
                Main.class.getName());
        replicas.put(name, jvm);
        return jvm;
    }

    /**
     * The replica that leads the job events (whose ClusteredRoutePolicy started route job-events), once one does;
     * fails after the timeout.
     */
    public String awaitLeader(Duration timeout) throws Exception {
        return Await.awaitValue(timeout, Duration.ofMillis(100), () -> {
            for (Map.Entry<String, ChildJvm> replica : replicas.entrySet()) {
                if (replica.getValue().isAlive() && replica.getValue().logs(EVENTS_STARTED)) {
                    return replica.getKey();
                }
            }
            return null;
        }, "a replica to start route job-events");
    }

    /**
     * The meters of each running replica in a listing it begins after now (route replica-meters): its totals since it
     * started, all of this moment's work included. Takes up to two listing periods; fails after the timeout.
     */
    public Map<String, ReplicaMeters> awaitMeters(Duration timeout) throws Exception {
        Map<String, Integer> before = new LinkedHashMap<>();
        for (Map.Entry<String, ChildJvm> replica : replicas.entrySet()) {
            if (replica.getValue().isAlive()) {
                before.put(replica.getKey(), ReplicaMeters.dumps(replica.getValue().lines()));
            }
        }
        Map<String, ReplicaMeters> meters = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> replica : before.entrySet()) {
            ChildJvm jvm = replicas.get(replica.getKey());
            // a listing begun after now, and one after it: the first is then written whole
            int next = replica.getValue() + 1;
            meters.put(replica.getKey(), Await.awaitValue(timeout, Duration.ofMillis(50),
                    () -> ReplicaMeters.dumps(jvm.lines()) > next ? ReplicaMeters.listing(jvm.lines(), next) : null,
                    replica.getKey() + " to list its meters"));
        }
        return meters;
    }

    /** SIGKILL to one replica: it finishes nothing, releases nothing but what the OS releases (its file lock). */
    public long kill(String name) throws InterruptedException {
        ChildJvm jvm = replicas.get(name);
        long pid = jvm.pid();
        jvm.kill();
        return pid;
    }

    /** Stops every replica (SIGTERM, each by its pid). */
    public void stopReplicas() throws InterruptedException {
        for (ChildJvm jvm : replicas.values()) {
            jvm.close();
        }
        replicas.clear();
    }

    /**
     * {@code count} sample sheets named {@code <batch>-S001...}, each with {@code sources} small FASTQ files put in
     * the emulator's S3, in the API form of the component's CSV sample sheets.
     */
    public List<WorkTable.Sheet> sheets(String batch, int count, int sources) {
        List<WorkTable.Sheet> sheets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("%s-S%03d", batch, i);
            StringBuilder csv = new StringBuilder("sampleId,subjectId,sourceFileType,source1\n");
            for (int s = 1; s <= sources; s++) {
                String source = emulator.putFastq("lab-bucket", batch + "/" + name + "_L" + s + ".fastq.gz", 4);
                csv.append(name).append("-L").append(s).append(",P-").append(name).append(",FASTQ,").append(source)
                        .append('\n');
            }
            sheets.add(new WorkTable.Sheet(name, csv.toString()));
        }
        return sheets;
    }

    public WorkTable work() {
        return work;
    }

    public EmulatorProcess emulator() {
        return emulator;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        try {
            stopReplicas();
        } finally {
            try {
                emulator.close();
            } finally {
                postgres.close();
            }
        }
    }
}
