package io.github.camelomics.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every status change of the store's import jobs, as the status consumer emits it: logged here, and counted in the
 * aws2.omics.consumer.* meters (polls, events, lag) that /actuator/prometheus serves. It lists from
 * example.events.since back (not the store's whole history) every example.events.delay.
 */
@Component
public class JobEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-omics:listReadSetImportJobs?since={{example.events.since}}&delay={{example.events.delay}}")
                .routeId("job-events").autoStartup("{{example.events.auto-startup}}")
                .log("Import job ${header.CamelAwsOmicsImportJobId}: ${header.CamelAwsOmicsImportJobStatus}");
    }
}
