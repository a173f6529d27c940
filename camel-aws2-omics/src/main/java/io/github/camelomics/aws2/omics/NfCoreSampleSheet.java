package io.github.camelomics.aws2.omics;

import java.util.List;

import org.apache.camel.Header;

/**
 * The nf-core sample sheet ({@code sample,fastq_1,fastq_2}, as nf-core/rnaseq, sarek and friends take it) of an import's
 * read sets: one row per read set, by their {@code omics://} URIs, so a HealthOmics workflow run reads them straight
 * from the sequence store. The lanes of one sample are rows of the same sample, which nf-core pipelines merge.
 * <p>
 * In a route, after a waited import:
 * {@code .bean(NfCoreSampleSheet.class, "of")} (the body becomes the sheet), or
 * {@code NfCoreSampleSheet.of(message.getHeader(Omics2Constants.READ_SET_URIS, List.class))}.
 */
public final class NfCoreSampleSheet {

    public static final String HEADER = "sample,fastq_1,fastq_2";

    private NfCoreSampleSheet() {
    }

    /**
     * The sheet, a header row and one row per read set, each line ending with a newline.
     *
     * @throws IllegalArgumentException when a read set is not FASTQ (the sheet has FASTQ columns only), naming it
     */
    public static String of(@Header(Omics2Constants.READ_SET_URIS) List<ReadSetUris> readSets) {
        if (readSets == null) {
            throw new IllegalArgumentException("header " + Omics2Constants.READ_SET_URIS + ": expected the read sets of a "
                                               + "waited-for import, got none");
        }
        StringBuilder sheet = new StringBuilder(HEADER).append('\n');
        for (ReadSetUris readSet : readSets) {
            if (!"FASTQ".equals(readSet.sourceFileType())) {
                throw new IllegalArgumentException("sources[" + readSet.sourceIndex() + "] (read set " + readSet.readSetId()
                                                   + "): an nf-core sample sheet has FASTQ columns only, got a "
                                                   + readSet.sourceFileType() + " read set");
            }
            sheet.append(cell(readSet.sampleId())).append(',').append(readSet.source1()).append(',')
                    .append(readSet.source2() == null ? "" : readSet.source2()).append('\n');
        }
        return sheet.toString();
    }

    /** Quoted when the sample id holds a comma, quote or line break (RFC 4180), so the row keeps its three columns. */
    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
