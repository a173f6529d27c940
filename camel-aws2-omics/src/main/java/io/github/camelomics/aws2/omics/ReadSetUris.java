package io.github.camelomics.aws2.omics;

/**
 * Where a HealthOmics workflow reads one imported source: its read set's {@code omics://} URIs, with what identifies
 * it. Header {@link Omics2Constants#READ_SET_URIS} carries one per source that became a read set, in source order, and
 * {@link NfCoreSampleSheet} writes them as an nf-core sample sheet.
 *
 * @param sourceIndex    the source's index in the import request
 * @param sampleId       the source's sample id
 * @param subjectId      the source's subject id
 * @param sourceFileType FASTQ, BAM, CRAM or UBAM
 * @param readSetId      the read set the source became
 * @param source1        {@code omics://<account>.storage.<region>.amazonaws.com/<store>/readSet/<id>/source1}
 * @param source2        the same with {@code source2}, for a read pair; null otherwise
 */
public record ReadSetUris(int sourceIndex, String sampleId, String subjectId, String sourceFileType, String readSetId,
                          String source1, String source2) {
}
