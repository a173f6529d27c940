package io.github.camelomics.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.examples.cluster.Await;
import io.github.camelomics.examples.cluster.LocalCluster;
import io.github.camelomics.examples.cluster.ReplicaMeters;
import io.github.camelomics.examples.cluster.WorkTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas of examples/cluster (each its own JVM: camel-main with the YAML routes, as deployed), one emulator
 * process enforcing 5 requests/s per operation for the whole account, and one real PostgreSQL, through three
 * workloads of {@value #SHEETS} sample sheets of {@value #SOURCES} sources each:
 * <ol>
 * <li><b>shared budget</b>: the replicas draw from one budget in PostgreSQL; one replica is killed with SIGKILL while
 * it holds a sheet mid-import, and started again. Every sheet is imported exactly once, every job's end is delivered
 * once, nothing is throttled, and the wall time stays within 1.2 times the floor that the quota sets for the calls
 * made (for each quota line calls / 5 per second; the floor is the largest).</li>
 * <li><b>ledger replay</b>: the emulator forgets every client token, and the same sheets are submitted again: the
 * start ledger answers each with its job, and no job is started.</li>
 * <li><b>per-JVM pacing</b>: new replicas, each pacing itself at 5/s (no shared budget), on new sheets: the same work
 * done, for contrast, with the throttling that three times the quota brings. This time the replica killed and started
 * again is the events leader: its successor takes over and delivers no end twice.</li>
 * </ol>
 * Each prints a {@code SCALE | } row (docs/RELIABILITY.md), and after the first and the last, each replica's meters as
 * it logs them (route replica-meters of examples/cluster) in {@code OBSERVE | replica meters} rows: its budget waits
 * one per attempt and of the workload's budget only, the events counted by the leader alone. Every process is started
 * here and stopped by its own pid.
 */
class ScaleOutTest {

    private static final int REPLICAS = 3;
    private static final int SHEETS = 100;
    private static final int SOURCES = 2;
    /** Long enough for a start (a ledger lookup, a permit, the call); short, so a dead replica's sheet comes back soon. */
    private static final int LEASE_SECONDS = 5;
    private static final double QUOTA = 5;
    private static final Duration WORKLOAD_TIMEOUT = Duration.ofSeconds(60);
    /** Each replica lists its meters every 500 ms: two listings at most. */
    private static final Duration METERS_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> OPERATIONS = List.of("StartReadSetImportJob", "GetReadSetImportJob",
            "ListReadSetImportJobs", "GetReadSetMetadata", "ListReadSets");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void threeReplicasImportEachSheetOnceWithinTheQuotaAndSurviveAKilledReplica() throws Exception {
        // a short path: PostgreSQL's socket path must stay under 108 bytes
        Path dir = Files.createTempDirectory("omics-scale-");
        LocalCluster.Settings settings = new LocalCluster.Settings(QUOTA, Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(500));
        try (LocalCluster cluster = LocalCluster.start(dir, settings)) {
            cluster.startReplicas(REPLICAS, true);
            String leader = cluster.awaitLeader(Duration.ofSeconds(30));

            List<WorkTable.Sheet> sheets = cluster.sheets("shared", SHEETS, SOURCES);
            Outcome shared = run(cluster, "shared", sheets, Kill.A_REPLICA_MID_IMPORT, leader, true);
            print("shared budget", shared);
            assertEquals(0, shared.duplicates, "a sheet imported twice");
            assertEquals(0, shared.lost, "a sheet not imported");
            assertEquals(1, shared.killed);
            assertTrue(shared.killedSheetRetried, "the killed replica's sheet was claimed again and finished");
            assertEquals(SHEETS, shared.jobs);
            assertEquals(SHEETS, shared.events, "one end delivered per job");
            assertEquals(0, shared.eventDuplicates, "an end delivered twice");
            assertEquals(0, shared.throttled, "the shared budget keeps three replicas within the quota");
            assertTrue(shared.wallOverFloor() <= 1.2, "wall " + shared.wallMillis + " ms against a floor of "
                                                       + shared.floorMillis() + " ms: " + shared.callsForSheets);
            Map<String, ReplicaMeters> sharedMeters = cluster.awaitMeters(METERS_TIMEOUT);
            printMeters("shared budget", sharedMeters, leader);
            assertBudgetMeters(sharedMeters, true);
            for (Map.Entry<String, ReplicaMeters> replica : sharedMeters.entrySet()) {
                assertEquals(0, replica.getValue().budgetFallback(), replica.getKey() + ": PostgreSQL answered, no fallback");
                assertEquals(replica.getKey().equals(leader) ? shared.events : 0, replica.getValue().events(),
                        replica.getKey() + ": the leader counts every end it delivered, the others none");
            }

            int forgotten = cluster.emulator().forgetClientTokens();
            List<WorkTable.Sheet> again = sheets.stream().map(s -> new WorkTable.Sheet("replay-" + s.name(), s.csv())).toList();
            Outcome replay = run(cluster, "replay-shared", again, Kill.NONE, leader, true);
            print("ledger replay", replay, "tokensForgotten=" + forgotten + " starts="
                                          + replay.calls.get("StartReadSetImportJob") + " sameJobs=" + sameJobs(cluster));
            assertEquals(0, replay.jobs, "a replay after the service forgot its tokens started a job");
            assertEquals(0L, replay.calls.get("StartReadSetImportJob"), "the ledger answers without a start");
            assertEquals(SHEETS, sameJobs(cluster), "each replayed sheet got its first job back");
            assertEquals(0, replay.lost);

            cluster.stopReplicas();
            cluster.startReplicas(REPLICAS, false);
            leader = cluster.awaitLeader(Duration.ofSeconds(30));
            Outcome perJvm = run(cluster, "perjvm", cluster.sheets("perjvm", SHEETS, SOURCES), Kill.THE_LEADER, leader,
                    false);
            print("per-JVM pacing", perJvm);
            assertEquals(0, perJvm.duplicates);
            assertEquals(0, perJvm.lost);
            assertEquals(1, perJvm.killed);
            assertTrue(perJvm.throttled > 0, "three replicas pacing themselves offer three times the quota");
            Map<String, ReplicaMeters> perJvmMeters = cluster.awaitMeters(METERS_TIMEOUT);
            String successor = cluster.awaitLeader(Duration.ofSeconds(30));
            printMeters("per-JVM pacing", perJvmMeters, successor);
            assertBudgetMeters(perJvmMeters, false);
            assertEquals(0, perJvm.eventDuplicates, "the leader's successor delivered an end twice");
            // a leader killed between remembering a status and delivering it loses that one (docs/SCALING.md)
            assertTrue(perJvm.events >= perJvm.jobs - 1, perJvm.events + " ends delivered for " + perJvm.jobs + " jobs");
        } finally {
            // the logs go with the rest once the processes are stopped; a failure above carries their tails
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Each replica's waits for a permit are of its workload's budget only (the shared one in PostgreSQL, or its own),
     * one per attempt it made: but for one that is between its permit and its answer while the meters are listed (the
     * leader's event polls go on). Together they waited for some.
     */
    private static void assertBudgetMeters(Map<String, ReplicaMeters> meters, boolean shared) {
        meters.forEach((replica, m) -> {
            assertEquals(0, m.budgetWaits(!shared), replica + ": a wait of the other budget");
            assertTrue(Math.abs(m.budgetWaits(shared) - m.attempts()) <= 1, replica + ": " + m.budgetWaits(shared)
                                                                           + " waits for " + m.attempts() + " attempts");
        });
        assertTrue(meters.values().stream().mapToDouble(m -> m.budgetWaits(shared)).sum() > 0, "no wait listed");
    }

    private static void printMeters(String workload, Map<String, ReplicaMeters> meters, String leader) {
        meters.forEach((replica, m) -> System.out.println("OBSERVE | replica meters | workload=" + workload.replace(' ', '-')
                                                          + " replica=" + replica + " leader=" + replica.equals(leader)
                                                          + " " + m.summary()));
    }

    /** Where a killed replica is started again, beside the thread that watches the work. */
    private static final ExecutorService RESTARTS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "replica-restart");
        thread.setDaemon(true);
        return thread;
    });

    /** Which replica a workload kills with SIGKILL, once a third of its sheets are done; it is started again at once. */
    private enum Kill {
        NONE,
        /**
         * one that holds a sheet mid-import, not the events leader: this measures the work table's lease, and the
         * wall time against the quota is not stretched by the events' failover
         */
        A_REPLICA_MID_IMPORT,
        /** the events leader: its successor takes over the polling and delivers nothing twice */
        THE_LEADER
    }

    /**
     * Submits the sheets, kills a replica as {@code kill} says and starts it again, and waits until every sheet is
     * done and every new job's end delivered (or 60 s have passed).
     */
    private static Outcome run(LocalCluster cluster, String batch, List<WorkTable.Sheet> sheets, Kill kill,
                               String leader, boolean sharedBudget) throws Exception {
        Map<String, Long> before = cluster.emulator().requests();
        Set<String> jobsBefore = jobIds(cluster.emulator().jobs());
        Outcome outcome = new Outcome(sheets.size());
        AtomicReference<String> victimSheet = new AtomicReference<>();
        AtomicReference<Future<?>> restart = new AtomicReference<>();
        AtomicReference<Map<String, Long>> atLastSheet = new AtomicReference<>();
        cluster.work().submit(sheets, LEASE_SECONDS);
        try {
            Await.awaitUntil(WORKLOAD_TIMEOUT, Duration.ofMillis(50), () -> {
                List<WorkTable.SheetState> states = cluster.work().sheets(batch);
                long done = states.stream().filter(WorkTable.SheetState::done).count();
                if (kill != Kill.NONE && outcome.killed == 0 && done >= sheets.size() / 3) {
                    if (kill == Kill.THE_LEADER) {
                        cluster.kill(leader);
                        outcome.killed++;
                        outcome.victim = leader;
                        System.out.println("SCALE | killed " + leader + ", the events leader, with SIGKILL");
                    } else {
                        victimSheet.set(killOneMidImport(cluster, batch, leader, outcome));
                    }
                    // started again beside the others, as a Deployment would, while this thread keeps watching
                    String victim = outcome.victim;
                    restart.set(RESTARTS.submit(() -> {
                        cluster.startReplica(victim, sharedBudget);
                        return null;
                    }));
                }
                if (done == sheets.size() && atLastSheet.get() == null) {
                    atLastSheet.set(cluster.emulator().requests());
                }
                return done == sheets.size() && newJobsEnded(cluster, jobsBefore, states);
            }, "every sheet of " + batch + " done and every new job's end delivered");
        } catch (Await.TimedOut e) {
            // measured as it stands: the outcome's losses say what was left undone
            System.out.println(e.getMessage());
        }
        if (restart.get() != null) {
            restart.get().get(90, TimeUnit.SECONDS);
        }
        Map<String, Long> after = cluster.emulator().requests();
        for (String operation : OPERATIONS) {
            outcome.calls.put(operation, after.get(operation) - before.get(operation));
            outcome.callsForSheets.put(operation, (atLastSheet.get() == null ? after : atLastSheet.get()).get(operation)
                                                  - before.get(operation));
        }
        outcome.throttled = after.get("throttled") - before.get("throttled");
        Set<String> newJobs = count(cluster, batch, jobsBefore, outcome);
        // by the database's clock: from the first submission to the last sheet done or job end delivered
        outcome.wallMillis = cluster.work().spanMillis(batch, List.of());
        outcome.eventsWallMillis = cluster.work().spanMillis(batch, newJobs);
        if (victimSheet.get() != null) {
            String name = victimSheet.get();
            WorkTable.SheetState state = cluster.work().sheets(batch).stream().filter(s -> s.name().equals(name))
                    .findFirst().orElseThrow();
            outcome.killedSheetRetried = state.done() && state.attempts() >= 2;
        }
        return outcome;
    }

    /** SIGKILL to a replica (not the leader) that holds a sheet mid-import; returns the sheet. */
    private static String killOneMidImport(LocalCluster cluster, String batch, String leader, Outcome outcome)
            throws Exception {
        return Await.awaitValue(Duration.ofSeconds(5), Duration.ofMillis(10), () -> {
            List<String> busy = new ArrayList<>(cluster.work().replicasMidImport());
            busy.remove(leader);
            if (busy.isEmpty()) {
                return null;
            }
            String victim = busy.get(0);
            String sheet = cluster.work().sheets(batch).stream()
                    .filter(s -> !s.done() && victim.equals(s.claimedBy())).map(WorkTable.SheetState::name)
                    .findFirst().orElse(null);
            if (sheet != null) {
                cluster.kill(victim);
                outcome.killed++;
                outcome.victim = victim;
                System.out.println("SCALE | killed " + victim + " with SIGKILL while it imported " + sheet);
            }
            return sheet;
        }, "a replica but the leader mid-import");
    }

    private static boolean newJobsEnded(LocalCluster cluster, Set<String> jobsBefore, List<WorkTable.SheetState> states)
            throws Exception {
        Set<String> jobs = states.stream().map(WorkTable.SheetState::jobIds).filter(ids -> ids != null)
                .flatMap(ids -> parseIds(ids).stream()).collect(Collectors.toSet());
        jobs.removeAll(jobsBefore);
        Set<String> delivered = cluster.work().events().stream().map(WorkTable.Event::jobId).collect(Collectors.toSet());
        return delivered.containsAll(jobs);
    }

    /** Jobs, duplicates and losses from the emulator's own state; events from what the replicas delivered. */
    private static Set<String> count(LocalCluster cluster, String batch, Set<String> jobsBefore, Outcome outcome)
            throws Exception {
        Map<String, Integer> jobsPerSheet = new HashMap<>();
        Set<String> newJobs = new HashSet<>();
        for (JsonNode job : cluster.emulator().jobs()) {
            if (jobsBefore.contains(job.path("id").asText())) {
                continue;
            }
            newJobs.add(job.path("id").asText());
            String sample = job.path("sources").path(0).path("sampleId").asText();
            jobsPerSheet.merge(sample.substring(0, sample.lastIndexOf("-L")), 1, Integer::sum);
        }
        outcome.jobs = newJobs.size();
        outcome.duplicates = jobsPerSheet.values().stream().mapToInt(n -> n - 1).sum();
        List<WorkTable.SheetState> states = cluster.work().sheets(batch);
        outcome.lost = (int) states.stream().filter(s -> !s.done() || s.jobIds() == null || s.jobIds().equals("[]")).count();
        List<WorkTable.Event> events = cluster.work().events().stream().filter(e -> newJobs.contains(e.jobId())).toList();
        outcome.events = events.size();
        outcome.eventDuplicates = events.size() - (int) events.stream().map(e -> e.jobId() + ":" + e.status()).distinct().count();
        return newJobs;
    }

    /** How many replayed sheets carry the job ids of their first import. */
    private static int sameJobs(LocalCluster cluster) throws Exception {
        Map<String, String> first = cluster.work().sheets("shared").stream()
                .collect(Collectors.toMap(WorkTable.SheetState::name, s -> String.valueOf(s.jobIds())));
        return (int) cluster.work().sheets("replay-shared").stream()
                .filter(s -> s.jobIds() != null && s.jobIds().equals(first.get(s.name().substring("replay-".length()))))
                .count();
    }

    private static Set<String> jobIds(List<JsonNode> jobs) {
        return jobs.stream().map(j -> j.path("id").asText()).collect(Collectors.toSet());
    }

    private static List<String> parseIds(String ids) {
        return List.of(ids.replace("[", "").replace("]", "").split(",\\s*"));
    }

    private static void print(String name, Outcome o, String... extra) {
        StringBuilder row = new StringBuilder("SCALE | ").append(name).append(" | replicas=").append(REPLICAS)
                .append(" sheets=").append(o.sheets).append(" jobs=").append(o.jobs)
                .append(" duplicates=").append(o.duplicates).append(" lost=").append(o.lost)
                .append(" killed=").append(o.killed).append(" events=").append(o.events)
                .append(" eventDuplicates=").append(o.eventDuplicates).append(" throttled=").append(o.throttled)
                .append(String.format(" wall=%.1fs floor=%.1fs wallOverFloor=%.2f eventsWall=%.1fs", o.wallMillis / 1000.0,
                        o.floorMillis() / 1000.0, o.wallOverFloor(), o.eventsWallMillis / 1000.0))
                .append(" calls=").append(o.calls.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
        for (String e : extra) {
            row.append(' ').append(e);
        }
        System.out.println(row);
    }

    /** What one workload did. */
    private static final class Outcome {
        final int sheets;
        final Map<String, Long> calls = new LinkedHashMap<>();
        /** the calls made until the last sheet was done */
        final Map<String, Long> callsForSheets = new LinkedHashMap<>();
        /** from the first submission until the last sheet was done (its job started), by the database's clock */
        long wallMillis;
        /** ... until the last job's end was delivered too */
        long eventsWallMillis;
        long throttled;
        int jobs;
        int duplicates;
        int lost;
        int killed;
        int events;
        int eventDuplicates;
        boolean killedSheetRetried;
        String victim;

        Outcome(int sheets) {
            this.sheets = sheets;
        }

        /**
         * The least time the quota allows for the calls made until the last sheet was done: for each quota line
         * calls / 5 per second; the largest.
         */
        long floorMillis() {
            return Math.round(callsForSheets.values().stream().mapToLong(Long::longValue).max().orElse(0) / QUOTA * 1000);
        }

        double wallOverFloor() {
            return floorMillis() == 0 ? 0 : (double) wallMillis / floorMillis();
        }
    }
}
