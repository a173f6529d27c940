package io.github.camelomics.examples.javadsl;

import java.util.List;
import java.util.Map;

import io.github.camelomics.examples.support.ExampleLauncher;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelomics.aws2.omics.Omics2Constants.IMPORT_JOB_STATUS;

/**
 * Imports one paired FASTQ sample and follows the job until it ends. The sequence store, role and connection come
 * from camel.component.aws2-omics.* properties; the sample's S3 locations from the example.* properties.
 */
public class ImportRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:import?repeatCount=1").routeId(ExampleLauncher.ROUTE_ID)
                .process(e -> e.getMessage().setBody(List.of(Map.of(
                        "sourceFiles", Map.of(
                                "source1", e.getContext().resolvePropertyPlaceholders("{{example.source1}}"),
                                "source2", e.getContext().resolvePropertyPlaceholders("{{example.source2}}")),
                        "sourceFileType", "FASTQ",
                        "subjectId", "NA12878",
                        "sampleId", "NA12878-run7",
                        "name", "NA12878 run 7"))))
                .to("aws2-omics:startReadSetImportJob")
                .log("Started import job ${header.CamelAwsOmicsImportJobId}: ${header.CamelAwsOmicsImportJobStatus}")
                .setProperty("reportedStatus", header(IMPORT_JOB_STATUS))
                .loopDoWhile(simple("${header.CamelAwsOmicsImportJobStatus} in 'SUBMITTED,IN_PROGRESS,CANCELLING'"))
                    .delay(simple("{{example.pollMillis:1000}}"))
                    .to("aws2-omics:getReadSetImportJob")
                    .filter(simple("${header.CamelAwsOmicsImportJobStatus} != ${exchangeProperty.reportedStatus}"))
                        .log("Import job ${header.CamelAwsOmicsImportJobId}: ${header.CamelAwsOmicsImportJobStatus}")
                        .setProperty("reportedStatus", header(IMPORT_JOB_STATUS))
                    .end()
                .end()
                .log("Import job ${header.CamelAwsOmicsImportJobId} ended ${header.CamelAwsOmicsImportJobStatus}; "
                     + "read sets: ${header.CamelAwsOmicsReadSetIds}");
    }
}
