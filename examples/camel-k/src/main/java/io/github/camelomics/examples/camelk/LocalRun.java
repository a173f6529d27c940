package io.github.camelomics.examples.camelk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelomics.examples.support.ExampleLauncher;
import io.github.camelomics.examples.support.ImportOutcome;
import io.github.camelomics.examples.support.SampleEmulator;

/**
 * The manifests of {@code k8s/} on camel-main, as Camel K would run them, against the embedded emulator by default:
 * {@code integration} runs the Integration's flows with its camel trait properties; {@code pipes} runs both Pipes
 * (timer-source into the import sink, the job source into log-sink) and ends when the import has ended and the job
 * source has reported it.
 */
public final class LocalRun {

    /** The Pipes' names, which are their routes' ids. */
    public static final String IMPORT_PIPE = "omics-import-sample-pipe";
    public static final String EVENTS_PIPE = "omics-import-job-events-pipe";

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "integration";
        ImportOutcome outcome = switch (what) {
            case "integration" -> integration(new ExampleLauncher());
            case "pipes" -> pipes(new ExampleLauncher());
            default -> throw new IllegalArgumentException("run 'integration' or 'pipes', not '" + what + "'");
        };
        System.exit(outcome.completed() ? 0 : 1);
    }

    public static ImportOutcome integration(ExampleLauncher launcher) throws Exception {
        Manifest integration = Manifest.load("k8s/integration.yaml");
        Path flows = Files.createTempFile("omics-integration", ".camel.yaml");
        try {
            Files.writeString(flows, Manifest.YAML.writeValueAsString(integration.spec().path("flows")));
            integration.camelTraitProperties().forEach(launcher::property);
            return launcher.configure(main -> main.configure().withRoutesIncludePattern("file:" + flows)).run();
        } finally {
            Files.deleteIfExists(flows);
        }
    }

    public static ImportOutcome pipes(ExampleLauncher launcher) throws Exception {
        return launcher
                .configure(main -> {
                    main.configure().addRoutesBuilder(new PipeRoute(Manifest.load("k8s/job-events-pipe.yaml")));
                    main.configure().addRoutesBuilder(new PipeRoute(Manifest.load("k8s/import-pipe.yaml")));
                })
                // on the emulator, the mounted Secret's keys are the emulator's
                .property("aws.accessKey", "{{example.emulator.accessKey}}")
                .property("aws.secretKey", "{{example.emulator.secretKey}}")
                .untilEnded(IMPORT_PIPE, EVENTS_PIPE)
                .run();
    }

    private LocalRun() {
    }
}
