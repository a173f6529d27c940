package io.github.camelomics.aws2.omics.upload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The uploading JVM of {@link UploadRowsTest}: one exchange to aws2-omics:uploadReadSet with a FASTQ pair, against the
 * emulator the test runs, then one line {@code UPLOADED key=value ...} on stdout (the read set, where it resumed, the
 * parts it sent, its peak heap) and exit 0; or {@code FAILED ...} and exit 1. The test starts it with -Xmx128m and may
 * kill it at any moment.
 *
 * <p>Arguments: endpoint, sequence store id, ledger directory, source1, source2, part size in bytes, parts in flight.
 */
public final class UploadMain {

    private UploadMain() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setRegion("us-east-1");
        config.setAccessKey(EmulatorTestSupport.ACCESS_KEY);
        config.setSecretKey(EmulatorTestSupport.SECRET_KEY);
        config.setOverrideEndpoint(true);
        config.setUriEndpointOverride(args[0]);
        config.setSequenceStoreId(args[1]);
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Exchange done = template.request("aws2-omics:uploadReadSet?uploadLedgerDirectory=" + args[2] + "&partSize="
                                             + args[5] + "&partsInFlight=" + args[6] + "&progressInterval=2s", e -> {
                e.getMessage().setBody(Path.of(args[3]));
                e.getMessage().setHeader(Omics2Constants.UPLOAD_SOURCE2, Path.of(args[4]));
                e.getMessage().setHeader(Omics2Constants.SOURCE_FILE_TYPE, "FASTQ");
                e.getMessage().setHeader(Omics2Constants.SUBJECT_ID, "NA12878");
                e.getMessage().setHeader(Omics2Constants.SAMPLE_ID, "NA12878-run7");
            });
            if (done.getException() != null) {
                System.out.println("FAILED " + done.getException());
                System.exit(1);
            }
            System.out.println("UPLOADED readSetId=" + done.getMessage().getHeader(Omics2Constants.READ_SET_ID)
                               + " resumedFromPart=" + done.getMessage().getHeader(Omics2Constants.UPLOAD_RESUMED_FROM_PART)
                               + " partsSent=" + done.getMessage().getHeader(Omics2Constants.UPLOAD_PARTS_SENT)
                               + " peakHeapMB=" + peakHeapMegabytes());
        } finally {
            context.stop();
        }
    }

    /** The most heap the JVM used at once: the peaks of its heap pools, added up. */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
