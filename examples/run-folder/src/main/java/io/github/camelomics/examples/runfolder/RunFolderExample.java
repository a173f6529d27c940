package io.github.camelomics.examples.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import io.github.camelomics.examples.support.SampleEmulator;

/**
 * From a run's listing to the sample sheet of its read sets. {@link ExampleLauncher} starts the HealthOmics emulator in
 * this JVM (unless {@code example.emulator=false}), which gets every file the listings in {@code runs/} name, runs
 * {@link RunFolderRoute} on camel-main and returns when the import has ended.
 */
public final class RunFolderExample {

    public static void main(String[] args) throws Exception {
        System.exit(run(new ExampleLauncher()).completed() ? 0 : 1);
    }

    public static ImportOutcome run(ExampleLauncher launcher) throws Exception {
        return launcher.onEmulator(RunFolderExample::stageListedFiles)
                .configure(main -> main.configure().addRoutesBuilder(new RunFolderRoute()))
                .run();
    }

    /** On the emulator, the run's files are put where the listings say they are. */
    private static void stageListedFiles(SampleEmulator emulator) {
        try (Stream<Path> listings = Files.list(Path.of(RunFolderRoute.RUNS))) {
            for (Path listing : listings.filter(p -> p.toString().endsWith(".txt")).toList()) {
                List<String> uris = Files.readAllLines(listing).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
                uris.forEach(emulator::putRunFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run listings in " + RunFolderRoute.RUNS, e);
        }
    }

    private RunFolderExample() {
    }
}
