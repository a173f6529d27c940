package io.github.camelomics.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Point 5: from launching a JVM to the emulator holding the job of its first request, for a camel-main YAML route
 * ({@code coldstart/import.yaml}, run by {@code org.apache.camel.main.Main}) and for a plain SDK program. Both run on
 * the same class path with the same JVM options; the runs alternate and the median is reported.
 */
final class ColdStart {

    record Result(double sdkMedianMs, double camelMedianMs, List<Long> sdkRunsMs, List<Long> camelRunsMs) {
        double ratio() {
            return camelMedianMs / sdkMedianMs;
        }
    }

    private ColdStart() {
    }

    static Result run(Path work, int rounds) throws Exception {
        List<Long> sdk = new ArrayList<>();
        List<Long> camel = new ArrayList<>();
        try (OmicsEmulator emulator = OmicsEmulator.builder().port(0).rateLimitPerSecond(0).maxActiveJobs(1000)
                .build().start()) {
            URI endpoint = emulator.endpoint();
            List<String> camelOptions = List.of(
                    "-Dcamel.main.routesIncludePattern=classpath:coldstart/import.yaml",
                    "-Dcamel.main.durationMaxMessages=1",
                    "-Dcamel.component.aws2-omics.region=" + Fixtures.REGION,
                    "-Dcamel.component.aws2-omics.accessKey=" + Fixtures.ACCESS_KEY,
                    "-Dcamel.component.aws2-omics.secretKey=" + Fixtures.SECRET_KEY,
                    "-Dcamel.component.aws2-omics.overrideEndpoint=true",
                    "-Dcamel.component.aws2-omics.uriEndpointOverride=" + endpoint,
                    "-Dcamel.component.aws2-omics.sequenceStoreId=" + Fixtures.STORE,
                    "-Dcamel.component.aws2-omics.roleArn=" + Fixtures.ROLE);
            for (int round = 0; round < rounds; round++) {
                sdk.add(firstRequestMillis(emulator, work.resolve("cold-sdk-" + round + ".log"), List.of(),
                        SdkProgram.class.getName(), endpoint.toString()));
                camel.add(firstRequestMillis(emulator, work.resolve("cold-camel-" + round + ".log"), camelOptions,
                        "org.apache.camel.main.Main"));
            }
        }
        return new Result(median(sdk), median(camel), sdk, camel);
    }

    /** Launch to the first job in the emulator; the child is then ended (it has shown what is measured). */
    private static long firstRequestMillis(OmicsEmulator emulator, Path log, List<String> jvmOptions, String mainClass,
                                           String... args) throws Exception {
        emulator.reset();
        long start = System.nanoTime();
        Process child = ChildJvm.start(log, jvmOptions, mainClass, args);
        try {
            while (emulator.state().jobs().isEmpty()) {
                if (!child.isAlive() && emulator.state().jobs().isEmpty()) {
                    throw new IllegalStateException(mainClass + " ended without a request:\n" + ChildJvm.tail(log));
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException(mainClass + " sent nothing in 120 s:\n" + ChildJvm.tail(log));
                }
                Thread.sleep(1);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The plain SDK program: build a client, start one import, exit. */
    public static final class SdkProgram {
        public static void main(String[] args) {
            try (OmicsClient omics = Fixtures.apacheClient(URI.create(args[0]))) {
                omics.startReadSetImportJob(Fixtures.request(List.of(Fixtures.source("cold", 1))));
            }
        }
    }
}
