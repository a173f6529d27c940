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
 * and what happened printed: who imported which sheet, how many jobs the service has, the events delivered.
 */
public final class ClusterExample {

    private static final int SHEETS = 12;

    private ClusterExample() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("omics-cluster-");
        LocalCluster.Settings settings = new LocalCluster.Settings(5, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(1));
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

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            List<WorkTable.SheetState> sheets;
            do {
                Thread.sleep(500);
                sheets = cluster.work().sheets("run1");
            } while ((sheets.stream().anyMatch(s -> !s.done()) || cluster.work().events().size() < SHEETS)
                     && System.nanoTime() < deadline);

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
        }
    }

    /** The given replica once it holds a sheet mid-import, else whichever replica does. */
    private static String awaitMidImport(LocalCluster cluster, String preferred) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> busy = cluster.work().replicasMidImport();
            if (busy.contains(preferred)) {
                return preferred;
            }
            if (!busy.isEmpty() && System.nanoTime() > deadline - Duration.ofSeconds(25).toNanos()) {
                return busy.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no replica claimed a sheet within 30 s");
    }
}
