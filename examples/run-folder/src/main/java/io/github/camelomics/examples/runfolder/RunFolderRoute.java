package io.github.camelomics.examples.runfolder;

import io.github.camelomics.aws2.omics.NfCoreSampleSheet;
import io.github.camelomics.examples.support.ExampleLauncher;
import org.apache.camel.builder.RouteBuilder;

/**
 * A run's files to read sets to a workflow's input: each listing of a run's S3 files dropped in {@code runs/} is imported
 * (pairs, lanes and samples from the file names; index reads, checksums and undetermined reads left out), waited for,
 * a source that fails once started again, and the read sets' omics:// URIs written as an nf-core sample sheet to
 * {@code target/samplesheets/<run>.csv}, ready for a HealthOmics workflow run.
 */
public class RunFolderRoute extends RouteBuilder {

    /** Where listings are read from: one text file per run, one S3 URI per line. */
    public static final String RUNS = "runs";
    /** Where the sample sheets are written. */
    public static final String SAMPLE_SHEETS = "target/samplesheets";

    @Override
    public void configure() {
        from("file:" + RUNS + "?noop=true&include=.*\\.txt").routeId(ExampleLauncher.ROUTE_ID)
                .log("Importing the run listed in ${header.CamelFileName}")
                .to("aws2-omics:startReadSetImportJob?waitForCompletion=true&retryFailedSources=1")
                .log("Import job(s) ${header.CamelAwsOmicsImportJobIds} ended ${header.CamelAwsOmicsImportJobStatus}; "
                     + "read sets: ${header.CamelAwsOmicsReadSetIds}")
                .bean(NfCoreSampleSheet.class, "of")
                .log("nf-core sample sheet of run ${file:onlyname.noext}:\n${body}")
                .to("file:" + SAMPLE_SHEETS + "?fileName=${file:onlyname.noext}.csv");
    }
}
