package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;
import software.amazon.awssdk.services.omics.model.ValidationException;

import java.util.Collections;
import java.util.Map;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests the model or the user guide forbids are ValidationException (400), naming the member path. */
class StartReadSetImportJobValidationTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = new OmicsEmulatorExtension();

    private static final String S3_PATTERN = "s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})";

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    private String rejection(StartReadSetImportJobRequest request) {
        ValidationException e = assertThrows(ValidationException.class, () -> omics.startReadSetImportJob(request));
        assertEquals(400, e.statusCode());
        assertTrue(EMULATOR.state().jobs().isEmpty(), "a rejected request creates no job");
        return e.awsErrorDetails().errorMessage();
    }

    private StartReadSetImportJobRequest start(StartReadSetImportJobSourceItem... sources) {
        return OmicsClients.start(EMULATOR.sequenceStoreId(), sources);
    }

    @Test
    void aBadSourceUriIsNamedByItsPositionInTheList() {
        String message = rejection(start(fastq("s3://bucket/a.fastq.gz"), fastq("s3://bucket/b.fastq.gz"),
                fastq("s3://bucket/c.fastq.gz"), fastq("https://bucket/d.fastq.gz")));

        assertEquals("1 validation error detected: Value 'https://bucket/d.fastq.gz' at 'sources[3].sourceFiles.source1'"
                + " failed to satisfy constraint: Member must satisfy regular expression pattern: " + S3_PATTERN, message);
    }

    @Test
    void aJobNeedsAtLeastOneSource() {
        assertEquals("1 validation error detected: Value '[]' at 'sources' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", rejection(start()));
    }

    @Test
    void aJobTakesAtMostOneHundredSources() {
        StartReadSetImportJobSourceItem[] sources =
                Collections.nCopies(101, fastq("s3://bucket/a.fastq.gz")).toArray(StartReadSetImportJobSourceItem[]::new);

        assertTrue(rejection(start(sources)).endsWith(
                "at 'sources' failed to satisfy constraint: Member must have length less than or equal to 100"));
    }

    @Test
    void missingRequiredMembersAreEachReported() {
        String message = rejection(StartReadSetImportJobRequest.builder().sequenceStoreId(EMULATOR.sequenceStoreId())
                .sources(StartReadSetImportJobSourceItem.builder()
                        .sourceFiles(SourceFiles.builder().source1("s3://bucket/a.fastq.gz").build())
                        .sourceFileType(FileType.FASTQ).build())
                .build());

        assertEquals("3 validation errors detected: "
                + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'sources[0].subjectId' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'sources[0].sampleId' failed to satisfy constraint: Member must not be null", message);
    }

    @Test
    void aRoleArnShorterThanTwentyCharactersIsRejected() {
        assertEquals("1 validation error detected: Value 'arn:aws:iam::1:r/x' at 'roleArn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 20",
                rejection(start(fastq("s3://bucket/a.fastq.gz")).toBuilder().roleArn("arn:aws:iam::1:r/x").build()));
    }

    @Test
    void bamNeedsAReference() {
        assertEquals("1 validation error detected: Value null at 'sources[0].referenceArn' failed to satisfy constraint: "
                        + "Member must not be null when sourceFileType is BAM",
                rejection(start(fastq("s3://bucket/a.bam").toBuilder().sourceFileType(FileType.BAM).build())));
    }

    @Test
    void cramNeedsAReference() {
        assertTrue(rejection(start(fastq("s3://bucket/a.cram").toBuilder().sourceFileType(FileType.CRAM).build()))
                .contains("'sources[0].referenceArn'"));
    }

    @Test
    void onlyFastqHasASecondFile() {
        StartReadSetImportJobSourceItem ubam = fastq("s3://bucket/a.bam").toBuilder().sourceFileType(FileType.UBAM)
                .sourceFiles(SourceFiles.builder().source1("s3://bucket/a.bam").source2("s3://bucket/b.bam").build())
                .build();

        assertEquals("1 validation error detected: Value 's3://bucket/b.bam' at 'sources[0].sourceFiles.source2' "
                + "failed to satisfy constraint: Member is only allowed when sourceFileType is FASTQ, not UBAM",
                rejection(start(ubam)));
    }

    @Test
    void anUnknownFileTypeIsRejectedWithTheEnumValues() {
        StartReadSetImportJobSourceItem vcf = fastq("s3://bucket/a.vcf").toBuilder().sourceFileType("VCF").build();

        assertEquals("1 validation error detected: Value 'VCF' at 'sources[0].sourceFileType' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [FASTQ, BAM, CRAM, UBAM]", rejection(start(vcf)));
    }

    @Test
    void aTagValueLongerThan256CharactersIsRejected() {
        StartReadSetImportJobSourceItem tagged = fastq("s3://bucket/a.fastq.gz").toBuilder()
                .tags(Map.of("project", "x".repeat(257))).build();

        assertTrue(rejection(start(tagged)).contains("at 'sources[0].tags.project' failed to satisfy constraint: "
                + "Member must have length less than or equal to 256"));
    }

    @Test
    void aClientTokenWithControlCharactersIsRejected() {
        assertTrue(rejection(start(fastq("s3://bucket/a.fastq.gz")).toBuilder().clientToken("tab\there").build())
                .contains("at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern"));
    }

    @Test
    void pathMembersAreValidatedToo() {
        ValidationException e = assertThrows(ValidationException.class, () -> omics.getReadSetImportJob(
                GetReadSetImportJobRequest.builder().sequenceStoreId("12345").id("not-a-number").build()));

        assertEquals("2 validation errors detected: "
                + "Value 'not-a-number' at 'id' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+; "
                + "Value '12345' at 'sequenceStoreId' failed to satisfy constraint: Member must have length greater than or equal to 10",
                e.awsErrorDetails().errorMessage());
    }
}
