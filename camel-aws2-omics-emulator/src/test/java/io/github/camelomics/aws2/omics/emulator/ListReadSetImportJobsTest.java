package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.fastq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ListReadSetImportJobs: pages, filters and its parameter checks. */
class ListReadSetImportJobsTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = new OmicsEmulatorExtension();

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());

    /** Starts {@code count} jobs, one second apart on the clock. */
    private List<String> startJobs(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(omics.startReadSetImportJob(OmicsClients.start(EMULATOR.sequenceStoreId(),
                    fastq("s3://bucket/r" + i + ".fastq.gz"))).id());
            EMULATOR.advanceClock(Duration.ofSeconds(1));
        }
        return ids;
    }

    @Test
    void maxResultsSplitsTheJobsIntoPagesLinkedByNextToken() {
        List<String> ids = startJobs(5);
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String nextToken = token;
            ListReadSetImportJobsResponse page = omics.listReadSetImportJobs(r -> r
                    .sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(2).nextToken(nextToken));
            pages.add(page.importJobs().stream().map(ImportReadSetJobItem::id).toList());
            token = page.nextToken();
        } while (token != null);

        assertEquals(List.of(ids.subList(0, 2), ids.subList(2, 4), ids.subList(4, 5)), pages);
    }

    @Test
    void theSdkPaginatorSeesEveryJobOnce() {
        List<String> ids = startJobs(5);

        assertEquals(ids, omics.listReadSetImportJobsPaginator(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .maxResults(2)).importJobs().stream().map(ImportReadSetJobItem::id).toList());
    }

    @Test
    void theStatusFilterKeepsOnlyJobsInThatStatus() {
        String first = startJobs(1).get(0);
        EMULATOR.finishImports();
        startJobs(1);

        List<ImportReadSetJobItem> failed = omics.listReadSetImportJobs(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .filter(f -> f.status(ReadSetImportJobStatus.FAILED))).importJobs();

        assertEquals(List.of(first), failed.stream().map(ImportReadSetJobItem::id).toList());
        assertEquals(ReadSetImportJobStatus.FAILED, failed.get(0).status());
        assertEquals(failed.get(0).creationTime().plus(Duration.ofSeconds(6)), failed.get(0).completionTime());
    }

    @Test
    void createdAfterAndCreatedBeforeIncludeTheirBounds() {
        List<String> ids = startJobs(3);
        Instant second = OmicsEmulatorExtension.DEFAULT_START.plusSeconds(1);

        List<String> found = omics.listReadSetImportJobs(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .filter(f -> f.createdAfter(second).createdBefore(second))).importJobs().stream()
                .map(ImportReadSetJobItem::id).toList();

        assertEquals(List.of(ids.get(1)), found);
    }

    @Test
    void anEmptyStoreListsNoJobsAndNoToken() {
        ListReadSetImportJobsResponse response = omics.listReadSetImportJobs(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()));

        assertEquals(List.of(), response.importJobs());
        assertNull(response.nextToken());
    }

    @Test
    void maxResultsMustBeAtLeastOne() {
        ValidationException e = assertThrows(ValidationException.class, () -> omics.listReadSetImportJobs(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(0)));

        assertEquals("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", e.awsErrorDetails().errorMessage());
    }

    @Test
    void maxResultsMustBeAtMostOneHundred() {
        ValidationException e = assertThrows(ValidationException.class, () -> omics.listReadSets(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(101)));

        assertEquals("1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aNextTokenTheEmulatorDidNotIssueIsRejected() {
        ValidationException e = assertThrows(ValidationException.class, () -> omics.listReadSetImportJobs(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).nextToken("forged")));

        assertEquals("Invalid nextToken: it was not returned by this operation", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownSequenceStoreIsNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> omics.listReadSetImportJobs(r -> r.sequenceStoreId("9999999999")));

        assertEquals("Sequence store 9999999999 not found", e.awsErrorDetails().errorMessage());
    }
}
