package io.github.camelomics.examples.upload;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelomics.aws2.omics.Omics2Constants.SAMPLE_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.SOURCE_FILE_TYPE;
import static io.github.camelomics.aws2.omics.Omics2Constants.SUBJECT_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.UPLOAD_SOURCE2;

/**
 * Each sample a sequencer finishes in {@code example.sequencerDir} (a {@code SAMPLE_R1.fastq.gz} that no longer grows,
 * with its {@code _R2} beside it) is uploaded straight into the sequence store and waited for until ACTIVE. Files are
 * left where they are (the sequencer's folder is not ours to change); the upload ledger remembers what went up, so a
 * restart resumes a cut-off upload and uploads nothing twice.
 */
public class SequencerUploadRoute extends RouteBuilder {

    public static final String ROUTE_ID = "sequencer-upload";
    private static final String R1 = "_R1.fastq.gz";
    private static final String R2 = "_R2.fastq.gz";

    @Override
    public void configure() {
        from("file:{{example.sequencerDir}}?include=.*_R1\\.fastq\\.gz&noop=true&idempotent=true"
             + "&readLock=changed&readLockCheckInterval=200&readLockMinAge=500&delay=500")
                .routeId(ROUTE_ID)
                .process(e -> {
                    // SAMPLE_R1.fastq.gz: the sample is the name before _R1, its mate the _R2 beside it
                    String r1 = e.getMessage().getHeader(Exchange.FILE_PATH, String.class);
                    String name = e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    e.getMessage().setHeader(SAMPLE_ID, name.substring(0, name.length() - R1.length()));
                    e.getMessage().setHeader(UPLOAD_SOURCE2, r1.substring(0, r1.length() - R1.length()) + R2);
                })
                .setHeader(SOURCE_FILE_TYPE, constant("FASTQ"))
                .setHeader(SUBJECT_ID, simple("{{example.subjectId}}"))
                .log("Uploading ${header.CamelAwsOmicsSampleId} (${header.CamelFileLength} bytes and its pair)")
                .to("aws2-omics:uploadReadSet?waitForCompletion=true")
                .log("${header.CamelAwsOmicsSampleId}: read set ${header.CamelAwsOmicsReadSetId} "
                     + "${header.CamelAwsOmicsReadSetStatus} (upload ${header.CamelAwsOmicsUploadId}, "
                     + "${header.CamelAwsOmicsUploadPartsSent} parts sent)");
    }
}
