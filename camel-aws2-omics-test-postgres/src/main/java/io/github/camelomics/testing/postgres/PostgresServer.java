package io.github.camelomics.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server for tests, on 127.0.0.1 and a free port, with trust authentication for user
 * {@code postgres}: its own data directory made by initdb, started and stopped with pg_ctl. PostgreSQL refuses to run
 * as root; when the build does, the server runs as {@code nobody} (through {@code setpriv}), in directories handed to
 * it. Every step is bounded in time, and {@link #close()} stops the server by its own process id if pg_ctl does not
 * manage it in time; a JVM that exits without closing stops it from a shutdown hook. {@link #stop()} and
 * {@link #restart()} take the server away and bring it back with its data, as an outage of the database would.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start(Path.of("target/postgres"))) {
 *     DataSource dataSource = postgres.dataSource();
 *     ...
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    /** initdb of an empty cluster takes about a second; a busy build machine may take many times that. */
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final Path home;
    private final Path dir;
    private final int port;
    private final Thread shutdownHook;
    private boolean running;
    private boolean closed;

    private PostgresServer(Path home, Path dir, int port) {
        this.home = home;
        this.dir = dir;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "postgres-stop-" + port);
    }

    /**
     * Unpacks the binaries under {@code workDir} (once per directory), then makes and starts a new server in a
     * directory of its own below it.
     */
    public static PostgresServer start(Path workDir) {
        Path work = workDir.toAbsolutePath();
        Path home = PostgresBinaries.unpacked(work);
        // short: the Unix socket's path (dir/.s.PGSQL.PORT) must stay under about 100 characters
        Path dir = work.resolve("pg" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet());
        PostgresServer server = new PostgresServer(home, dir, freePort());
        server.create();
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.startProcess();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Stops the server as an outage would, keeping its data: clients are refused until {@link #restart()}. Stopping a
     * stopped server does nothing.
     */
    public synchronized void stop() {
        running = false;
        // by its process, whatever this object believes: a start that overran may have left one behind
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        try {
            run(STOP_TIMEOUT, pgCtl("stop", "-m", "fast", "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds() - 5)));
        } catch (RuntimeException e) {
            // pg_ctl could not stop it in time: end the server process itself
        }
        ProcessHandle process = postmaster.get();
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") did not stop", e);
            }
        }
    }

    /** Starts a stopped server again, on its port, with the data it had. Restarting a running server does nothing. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the server was closed: its data is gone");
        }
        if (!running) {
            startProcess();
        }
    }

    private void startProcess() {
        try {
            run(START_TIMEOUT, pgCtl("start", "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds() - 5),
                    "-l", dir.resolve("postgres.log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                          // a throw-away database: nothing needs to survive a crash, so skip the disk flushes
                          + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"));
            running = true;
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\npostgres.log:\n" + log(), e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}, user {@code postgres}, no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A new DataSource of the server's database {@code postgres} (a connection per call, no pool). */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] { "127.0.0.1" });
        dataSource.setPortNumbers(new int[] { port });
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** The directory of the server's data and log. */
    public Path directory() {
        return dir;
    }

    /** Stops the server (pg_ctl stop -m fast, then its process killed if that overruns) and deletes its directory. */
    @Override
    public void close() {
        synchronized (this) {
            stop();
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, or ran, stop() itself
        }
        try {
            PostgresBinaries.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The server's main process, from the first line of postmaster.pid. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dir.resolve("data/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void create() {
        try {
            PostgresBinaries.deleteRecursively(dir);
            Files.createDirectories(dir);
            if (RunAs.isRoot()) {
                RunAs.handToServerUser(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        run(INITDB_TIMEOUT, List.of(home.resolve("bin/initdb").toString(), "-D", dir.resolve("data").toString(),
                "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
    }

    private List<String> pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/pg_ctl").toString(), action,
                "-D", dir.resolve("data").toString()));
        command.addAll(List.of(options));
        return command;
    }

    /** Runs one PostgreSQL command (as the server's user), its output into a file, within the time given. */
    private void run(Duration timeout, List<String> command) {
        List<String> full = new ArrayList<>(RunAs.prefix());
        full.addAll(command);
        Path output = dir.getParent().resolve(dir.getFileName() + "-" + Path.of(command.get(0)).getFileName() + ".out");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout
                                                + ":\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                                                + process.exitValue() + ":\n" + Files.readString(output));
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("postgres.log");
            return Files.exists(log) ? Files.readString(log) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Who the server runs as: the build's own user, or {@code nobody} when the build runs as root. */
    private static final class RunAs {

        private static final String USER = "nobody";

        static boolean isRoot() {
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return "root".equals(System.getProperty("user.name"));
            }
        }

        static List<String> prefix() {
            return isRoot()
                    ? List.of("setpriv", "--reuid=" + USER, "--regid=" + group(), "--clear-groups")
                    : List.of();
        }

        /** The directory becomes the server user's: initdb wants to own its data directory. */
        static void handToServerUser(Path dir) throws IOException {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            UserPrincipal user = users.lookupPrincipalByName(USER);
            GroupPrincipal group = users.lookupPrincipalByGroupName(group());
            view.setOwner(user);
            view.setGroup(group);
        }

        /** Debian's {@code nogroup}, else {@code nobody} (Red Hat). */
        private static String group() {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("nogroup");
                return "nogroup";
            } catch (UserPrincipalNotFoundException e) {
                return "nobody";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
