package io.github.camelomics.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports one paired FASTQ sample into HealthOmics and exits when the import job has ended: 0 when it COMPLETED, 1
 * otherwise (with example.keep-running=true it stays up, serving /actuator/prometheus). Everything is configured in
 * application.properties; {@link ImportRoute} does the work.
 */
@SpringBootApplication
public class ImportApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(ImportApplication.class, args);
        ImportOutcomes.Outcome outcome = context.getBean(ImportOutcomes.class).await();
        if (context.getEnvironment().getProperty("example.keep-running", Boolean.class, false)) {
            return; // the web server's threads keep /actuator/prometheus up until the application is stopped
        }
        System.exit(SpringApplication.exit(context, () -> outcome.completed() ? 0 : 1));
    }
}
