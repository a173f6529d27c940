package io.github.camelomics.aws2.omics.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as a user would write it: one Java DSL route, everything else from properties. It scans
 * no packages, so each test says exactly which beans it adds.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ImportTestApplication {

    static final String IMPORT = "direct:import";
    static final String ACCESS_KEY = "AKIDSTARTERTEST";
    static final String SECRET_KEY = "starter-test-secret";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/OmicsImportRole";
    static final String SOURCE1 = "s3://lab-bucket/NA12878/NA12878_R1.fastq.gz";
    static final String SOURCE2 = "s3://lab-bucket/NA12878/NA12878_R2.fastq.gz";

    @Bean
    RouteBuilder importRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(IMPORT).routeId("import").to("aws2-omics:startReadSetImportJob");
            }
        };
    }

    /** An emulator that checks signatures against the test keys and finishes each job at its first Get. */
    static OmicsEmulatorExtension emulator() {
        return OmicsEmulatorExtension.configure(b -> b
                .credentials(ACCESS_KEY, SECRET_KEY)
                .submittedDuration(Duration.ZERO)
                .importDuration(Duration.ZERO));
    }

    /** Puts the two FASTQ files of a pair into the emulator's S3 and returns the body that imports them. */
    static List<Map<String, Object>> stagePairedSample(OmicsEmulatorExtension emulator) {
        emulator.s3().putFastq(SOURCE1, 10, 50);
        emulator.s3().putFastq(SOURCE2, 10, 50);
        return List.of(Map.of(
                "sourceFiles", Map.of("source1", SOURCE1, "source2", SOURCE2),
                "sourceFileType", "FASTQ",
                "subjectId", "NA12878",
                "sampleId", "NA12878-run7"));
    }
}
