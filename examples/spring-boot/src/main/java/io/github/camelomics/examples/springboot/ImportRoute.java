package io.github.camelomics.examples.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts the import of one paired FASTQ sample and, with camel.component.aws2-omics.wait-for-completion=true, waits
 * in the producer until the job has ended. The sequence store, role, region, credentials and endpoint are not in the
 * route: they are the component's, from application.properties.
 */
@Component
public class ImportRoute extends RouteBuilder {

    private final ImportOutcomes outcomes;
    private final List<Map<String, Object>> sources;

    public ImportRoute(ImportOutcomes outcomes,
                       @Value("${example.source1}") String source1,
                       @Value("${example.source2}") String source2,
                       @Value("${example.subject-id}") String subjectId,
                       @Value("${example.sample-id}") String sampleId) {
        this.outcomes = outcomes;
        this.sources = List.of(Map.of(
                "sourceFiles", Map.of("source1", source1, "source2", source2),
                "sourceFileType", "FASTQ",
                "subjectId", subjectId,
                "sampleId", sampleId,
                "name", sampleId));
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "Import failed: ${exception.message}")
                .process(outcomes::ended);

        from("timer:import?repeatCount=1").routeId("import-sample")
                .setBody(constant(sources))
                .log("Importing ${body[0][sourceFiles]}")
                .to("aws2-omics:startReadSetImportJob")
                .log("Import job ${header.CamelAwsOmicsImportJobId} ended ${header.CamelAwsOmicsImportJobStatus}; "
                     + "read sets: ${header.CamelAwsOmicsReadSetIds}")
                .process(outcomes::ended);
    }
}
