package io.github.camelomics.examples.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code mvn -B -q -f examples/cluster exec:exec}: a PostgreSQL, the emulator and three replicas on this machine; 12
 * sample sheets submitted to the work table; replica-2 killed with SIGKILL while it imports one, then started again;
 * and what happened printed: who imported which sheet, how many jobs the service has, the events delivered, and each
 * replica's meters (its requests, its waits for the shared budget, the events it emitted).
 */
public final class ClusterExample {

    private static final int SHEETS = 12;

    private ClusterExample() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("omics-cluster-");
        LocalCluster.Settings settings = new LocalCluster.Settings(5, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        System.out.println("Starting PostgreSQL and the HealthOmics emulator in " + dir);
        try (LocalCluster cluster = LocalCluster.start(dir, settings)) {
            System.out.println("Starting 3 replicas (camel-main, replica/routes/*.camel.yaml; logs in " + dir.resolve("logs") + ")");
            cluster.startReplicas(3, true);
            cluster.work().submit(cluster.sheets("run1", SHEETS, 2), 5);
            System.out.println("Submitted " + SHEETS + " sample sheets to omics_sample_sheets");

            String victim = awaitMidImport(cluster, "replica-2");
            long pid = cluster.kill(victim);
            System.out.println("Killed " + victim + " (pid " + pid + ") with SIGKILL in the middle of an import");
            cluster.startReplica(victim, true);
            System.out.println("Started " + victim + " again");

            try {
                Await.awaitUntil(Duration.ofSeconds(120), Duration.ofMillis(500),
                        () -> cluster.work().sheets("run1").stream().allMatch(WorkTable.SheetState::done)
                              && cluster.work().events().size() >= SHEETS, "every sheet done and its job's end delivered");
            } catch (Await.TimedOut e) {
                System.out.println(e.getMessage() + "; where things stand:");
            }
            List<WorkTable.SheetState> sheets = cluster.work().sheets("run1");

            System.out.println();
            System.out.println("Sheet       attempts  last claimed by  done by     job(s)");
            for (WorkTable.SheetState sheet : sheets) {
                System.out.printf("%-11s %8d  %-15s  %-10s  %s%n", sheet.name(), sheet.attempts(), sheet.claimedBy(),
                        sheet.doneBy(), sheet.jobIds());
            }
            Map<String, Long> byReplica = cluster.work().events().stream()
                    .collect(Collectors.groupingBy(WorkTable.Event::replica, TreeMap::new, Collectors.counting()));
            System.out.println();
            System.out.println("Import jobs in the service: " + cluster.emulator().jobs().size() + " for " + SHEETS
                               + " sheets");
            System.out.println("Job events delivered: " + cluster.work().events().size() + " " + byReplica
                               + " (only the leader polls)");
            System.out.println("Requests the service received: " + cluster.emulator().requests());
            System.out.println();
            System.out.println("Meters of each replica (its log lists them all every 2 s; replica-2 counts from its restart):");
            cluster.awaitMeters(Duration.ofSeconds(10))
                    .forEach((replica, meters) -> System.out.printf("%-10s  %s%n", replica, meters.summary()));
        }
    }

    /** The given replica once it holds a sheet mid-import, else whichever replica does. */
    private static String awaitMidImport(LocalCluster cluster, String preferred) throws Exception {
        long start = System.nanoTime();
        return Await.awaitValue(Duration.ofSeconds(30), Duration.ofMillis(20), () -> {
            List<String> busy = cluster.work().replicasMidImport();
            if (busy.contains(preferred)) {
                return preferred;
            }
            // after 5 s any replica will do
            return !busy.isEmpty() && System.nanoTime() - start > Duration.ofSeconds(5).toNanos() ? busy.get(0) : null;
        }, "a replica to claim a sheet");
    }
}
