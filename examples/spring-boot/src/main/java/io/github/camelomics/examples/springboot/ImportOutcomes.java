package io.github.camelomics.examples.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.Omics2Constants;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Where the route leaves the end of the import, for whoever waits on it: the main method, or a test. */
@Component
public class ImportOutcomes {

    /** How the import ended: the job, its final status (or the error) and the read sets it made. */
    public record Outcome(String jobId, String status, List<String> readSetIds, String error) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    @SuppressWarnings("unchecked")
    void ended(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        outcome.complete(new Outcome(
                exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_ID, String.class),
                exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS, String.class),
                exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS, List.of(), List.class),
                error == null ? null : error.toString()));
    }

    /** Blocks until the import has ended; against AWS that can take an hour or more. */
    public Outcome await() {
        return outcome.join();
    }

    public Outcome await(Duration timeout) throws Exception {
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
