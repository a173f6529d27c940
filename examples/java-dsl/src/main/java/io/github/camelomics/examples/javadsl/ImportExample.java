package io.github.camelomics.examples.javadsl;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;

/**
 * The README's main job: an import, end to end. {@link ExampleLauncher} starts the HealthOmics emulator in this JVM
 * with the sample's two FASTQ files in its local S3 (unless {@code example.emulator=false}), runs {@link ImportRoute}
 * on camel-main and returns when the job has ended.
 */
public final class ImportExample {

    public static void main(String[] args) throws Exception {
        System.exit(run(new ExampleLauncher()).completed() ? 0 : 1);
    }

    public static ImportOutcome run(ExampleLauncher launcher) throws Exception {
        return launcher.configure(main -> main.configure().addRoutesBuilder(new ImportRoute())).run();
    }

    private ImportExample() {
    }
}
