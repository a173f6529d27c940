package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ActivateReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ActivateReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.GetReadSetActivationJobResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetActivationJobsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetActivationJobItemStatus;
import software.amazon.awssdk.services.omics.model.ReadSetActivationJobStatus;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.omics.model.StartReadSetActivationJobResponse;
import software.amazon.awssdk.services.omics.model.StartReadSetActivationJobSourceItem;
import software.amazon.awssdk.services.omics.model.ValidationException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * StartReadSetActivationJob, GetReadSetActivationJob and ListReadSetActivationJobs through the SDK, signed: each ARCHIVED
 * read set is ACTIVATING while the job runs, then ACTIVE; a read set in another state fails in the job.
 */
class ReadSetActivationTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(
            b -> b.credentials(ACCESS_KEY, SECRET_KEY).maxConcurrentActivationJobs(2));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());
    private final StoredReadSets readSets = new StoredReadSets(EMULATOR, omics);

    private StartReadSetActivationJobResponse activate(String... readSetIds) {
        return omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).sources(
                Arrays.stream(readSetIds).map(id -> StartReadSetActivationJobSourceItem.builder().readSetId(id).build())
                        .toList()));
    }

    private GetReadSetActivationJobResponse job(String id) {
        GetReadSetActivationJobResponse job = omics.getReadSetActivationJob(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).id(id));
        assertNotEquals(ReadSetActivationJobStatus.UNKNOWN_TO_SDK_VERSION, job.status());
        job.sources().forEach(s -> assertNotEquals(ReadSetActivationJobItemStatus.UNKNOWN_TO_SDK_VERSION, s.status()));
        return job;
    }

    private static ActivateReadSetSourceItem item(String readSetId, ReadSetActivationJobItemStatus status, String message) {
        return ActivateReadSetSourceItem.builder().readSetId(readSetId).status(status).statusMessage(message).build();
    }

    @Test
    void anArchivedReadSetIsActivatingWhileTheJobRunsAndThenActive() {
        String readSet = readSets.archived("s1").get(0);
        assertEquals(ReadSetStatus.ARCHIVED, readSets.status(readSet));

        StartReadSetActivationJobResponse started = activate(readSet);
        assertEquals("7000000001", started.id());
        assertEquals(ReadSetActivationJobStatus.SUBMITTED, started.status());
        assertEquals(EMULATOR.clock().instant(), started.creationTime());
        GetReadSetActivationJobResponse submitted = job(started.id());
        assertEquals("The job is submitted and will start soon.", submitted.statusMessage());
        assertEquals(List.of(item(readSet, ReadSetActivationJobItemStatus.NOT_STARTED, "The source is queued for the job.")),
                submitted.sources());
        assertEquals(ReadSetStatus.ARCHIVED, readSets.status(readSet), "not touched before the job starts");

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_SUBMITTED_DURATION);
        GetReadSetActivationJobResponse running = job(started.id());
        assertEquals(ReadSetActivationJobStatus.IN_PROGRESS, running.status());
        assertEquals("The job is currently in progress.", running.statusMessage());
        assertEquals(List.of(item(readSet, ReadSetActivationJobItemStatus.IN_PROGRESS,
                "The source job is currently in progress.")), running.sources());
        assertEquals(ReadSetStatus.ACTIVATING, readSets.status(readSet));

        EMULATOR.advanceClock(OmicsEmulator.DEFAULT_ACTIVATION_DURATION);
        GetReadSetActivationJobResponse completed = job(started.id());
        assertEquals(ReadSetActivationJobStatus.COMPLETED, completed.status());
        assertNull(completed.statusMessage());
        assertEquals(started.creationTime().plus(Duration.ofSeconds(6)), completed.completionTime());
        assertEquals(List.of(item(readSet, ReadSetActivationJobItemStatus.FINISHED, null)), completed.sources());
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
    }

    @Test
    void aReadSetThatIsNotArchivedFailsInTheJobAndTheOthersAreActivated() {
        List<String> ids = readSets.imported("s1", "s2");
        EMULATOR.state().archiveReadSets(EMULATOR.sequenceStoreId(), List.of(ids.get(1)));

        String jobId = activate(ids.get(0), ids.get(1)).id();
        EMULATOR.finishJobs();

        GetReadSetActivationJobResponse job = job(jobId);
        assertEquals(ReadSetActivationJobStatus.COMPLETED_WITH_FAILURES, job.status());
        assertEquals("1 of 2 read sets failed to activate", job.statusMessage());
        assertEquals(List.of(
                item(ids.get(0), ReadSetActivationJobItemStatus.FAILED,
                        "Read set " + ids.get(0) + " is ACTIVE, not ARCHIVED: only an archived read set can be activated"),
                item(ids.get(1), ReadSetActivationJobItemStatus.FINISHED, null)), job.sources());
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(ids.get(0)));
    }

    @Test
    void aJobWhoseReadSetsAllFailFails() {
        String readSet = readSets.imported("s1").get(0);

        String jobId = activate(readSet).id();
        EMULATOR.finishJobs();

        assertEquals(ReadSetActivationJobStatus.FAILED, job(jobId).status());
        assertEquals("All 1 read sets failed to activate", job(jobId).statusMessage());
    }

    /** A read set that another job is activating: the second job finds it ACTIVATING, not ARCHIVED. */
    @Test
    void aReadSetActivatingInAnotherJobFails() {
        String readSet = readSets.archived("s1").get(0);
        String first = activate(readSet).id();
        String second = activate(readSet).id();

        EMULATOR.finishJobs();

        assertEquals(ReadSetActivationJobStatus.COMPLETED, job(first).status());
        assertEquals("Read set " + readSet + " is ACTIVATING, not ARCHIVED: only an archived read set can be activated",
                job(second).sources().get(0).statusMessage());
    }

    @Test
    void anInjectedFailureFailsTheReadSetOnceAndLeavesItArchived() {
        List<String> ids = readSets.archived("s1", "s2");
        EMULATOR.faults().failFirstActivation(ids.get(1));

        String failing = activate(ids.get(0), ids.get(1)).id();
        EMULATOR.finishJobs();

        assertEquals(ReadSetActivationJobStatus.COMPLETED_WITH_FAILURES, job(failing).status());
        assertEquals(item(ids.get(1), ReadSetActivationJobItemStatus.FAILED,
                "Injected fault: activation of read set " + ids.get(1) + " failed"), job(failing).sources().get(1));
        assertEquals(ReadSetStatus.ARCHIVED, readSets.status(ids.get(1)));
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(ids.get(0)));

        String retry = activate(ids.get(1)).id();
        EMULATOR.finishJobs();
        assertEquals(ReadSetActivationJobStatus.COMPLETED, job(retry).status());
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(ids.get(1)));
    }

    @Test
    void readSetsNotInTheStoreAreResourceNotFoundAndNoJobIsMade() {
        String readSet = readSets.archived("s1").get(0);

        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> activate(readSet, "5000000098", "5000000099"));

        assertEquals("Read sets 5000000098, 5000000099 not found in sequence store 1234567890",
                e.awsErrorDetails().errorMessage());
        assertTrue(EMULATOR.state().activationJobs().isEmpty());
    }

    @Test
    void aReadSetNamedTwiceIsAValidationException() {
        String readSet = readSets.archived("s1").get(0);

        ValidationException e = assertThrows(ValidationException.class, () -> activate(readSet, readSet));

        assertEquals("1 validation error detected: Value '" + readSet + "' at 'sources[1].readSetId' failed to satisfy "
                + "constraint: Member must not repeat sources[0].readSetId", e.awsErrorDetails().errorMessage());
    }

    @Test
    void moreThanTwentyReadSetsIsAValidationException() {
        String[] ids = IntStream.rangeClosed(1, 21).mapToObj(i -> String.valueOf(5_000_000_000L + i))
                .toArray(String[]::new);

        ValidationException e = assertThrows(ValidationException.class, () -> activate(ids));

        assertTrue(e.awsErrorDetails().errorMessage().endsWith(
                "failed to satisfy constraint: Member must have length less than or equal to 20"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void moreUnfinishedJobsThanTheLimitIsServiceQuotaExceeded() {
        List<String> ids = readSets.archived("s1", "s2", "s3");
        activate(ids.get(0));
        activate(ids.get(1));

        ServiceQuotaExceededException e = assertThrows(ServiceQuotaExceededException.class, () -> activate(ids.get(2)));

        assertEquals(402, e.statusCode());
        assertEquals("Maximum number of active read set activation jobs (2) reached; wait for a job to finish",
                e.awsErrorDetails().errorMessage());
        EMULATOR.finishJobs();
        activate(ids.get(2));
    }

    @Test
    void theSameClientTokenGivesTheSameJobAndAnotherRequestWithItIsAValidationException() {
        List<String> ids = readSets.archived("s1", "s2");
        StartReadSetActivationJobSourceItem first = StartReadSetActivationJobSourceItem.builder().readSetId(ids.get(0))
                .build();

        String jobId = omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .clientToken("activate-1").sources(first)).id();
        String replayed = omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .clientToken("activate-1").sources(first)).id();
        ValidationException e = assertThrows(ValidationException.class, () -> omics.startReadSetActivationJob(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).clientToken("activate-1")
                        .sources(s -> s.readSetId(ids.get(1)))));

        assertEquals(jobId, replayed);
        assertEquals("clientToken 'activate-1' was already used for activation job " + jobId
                + " with a different request", e.awsErrorDetails().errorMessage());
        assertEquals(1, EMULATOR.state().activationJobs().size());
    }

    @Test
    void jobsAreListedByStatusAndInPages() {
        List<String> ids = readSets.archived("s1", "s2");
        String done = activate(ids.get(0)).id();
        EMULATOR.finishJobs();
        String waiting = activate(ids.get(1)).id();

        ListReadSetActivationJobsResponse completed = omics.listReadSetActivationJobs(r -> r
                .sequenceStoreId(EMULATOR.sequenceStoreId()).filter(f -> f.status(ReadSetActivationJobStatus.COMPLETED)));
        ListReadSetActivationJobsResponse firstPage = omics.listReadSetActivationJobs(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(1));
        ListReadSetActivationJobsResponse secondPage = omics.listReadSetActivationJobs(
                r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).maxResults(1).nextToken(firstPage.nextToken()));

        assertEquals(List.of(done), completed.activationJobs().stream().map(ActivateReadSetJobItem::id).toList());
        assertEquals(EMULATOR.clock().instant(), completed.activationJobs().get(0).completionTime());
        assertEquals(List.of(done), firstPage.activationJobs().stream().map(ActivateReadSetJobItem::id).toList());
        assertEquals(List.of(waiting), secondPage.activationJobs().stream().map(ActivateReadSetJobItem::id).toList());
        assertNull(secondPage.nextToken());
        assertEquals(ReadSetActivationJobStatus.SUBMITTED, secondPage.activationJobs().get(0).status());
    }

    @Test
    void anUnknownJobIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> job("7000000042"));

        assertEquals("Read set activation job 7000000042 not found in sequence store 1234567890",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void readSetsStayActiveWhenNoArchiveTimeIsSet() {
        String readSet = readSets.imported("s1").get(0);

        EMULATOR.advanceClock(Duration.ofDays(400));

        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
    }
}
