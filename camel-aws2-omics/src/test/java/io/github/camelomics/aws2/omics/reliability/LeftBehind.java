package io.github.camelomics.aws2.omics.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a stopped Camel context may have left behind: threads started since a snapshot and still alive, and TCP
 * connections still open to a port. Threads of the JVM, the test engine and the emulator are not the context's.
 */
final class LeftBehind {

    private static final List<String> NOT_OURS = List.of("omics-emulator-", "HTTP-Dispatcher", "Attach Listener",
            "Common-Cleaner", "ForkJoinPool.commonPool", "process reaper", "surefire", "Reference Handler", "Finalizer",
            "Signal Dispatcher", "Notification Thread", "JFR ", "qtp", "WireMock", "pool-");

    private LeftBehind() {
    }

    static Set<Thread> threads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Threads started after the snapshot that are still alive after up to five seconds, by name. */
    static List<String> threadsSince(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .map(Thread::getName)
                    .filter(name -> NOT_OURS.stream().noneMatch(name::startsWith))
                    .sorted().toList();
            if (left.isEmpty()) {
                return left;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return left;
    }

    /** Established TCP connections from this host to the port (Linux /proc; 0 where there is none). */
    static long connectionsTo(int port) throws IOException, InterruptedException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        long open = 0;
        for (int i = 0; i < 50; i++) {
            open = 0;
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.isReadable(file)) {
                    continue;
                }
                open += Files.readAllLines(file).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                        .filter(f -> f.length > 3 && f[2].endsWith(":" + hexPort) && f[3].equals("01"))
                        .count();
            }
            if (open == 0) {
                return 0;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return open;
    }
}
