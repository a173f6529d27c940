package io.github.camelomics.aws2.omics.internal.job;

import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status rules: which statuses have ended, which count as failed, and the one status of several jobs. */
class ImportJobStatusesTest {

    @Test
    void theFourEndStatusesHaveEndedAndNothingElse() {
        for (ReadSetImportJobStatus status : ReadSetImportJobStatus.values()) {
            boolean expected = switch (status) {
                case COMPLETED, COMPLETED_WITH_FAILURES, FAILED, CANCELLED -> true;
                default -> false; // SUBMITTED, IN_PROGRESS, CANCELLING, and statuses this SDK does not know
            };
            assertEquals(expected, ImportJobStatuses.hasEnded(status), status.name());
        }
    }

    @Test
    void onlyCompletedIsNoFailure() {
        assertFalse(ImportJobStatuses.isFailure(job(ReadSetImportJobStatus.COMPLETED)));
        assertTrue(ImportJobStatuses.isFailure(job(ReadSetImportJobStatus.COMPLETED_WITH_FAILURES)));
        assertTrue(ImportJobStatuses.isFailure(job(ReadSetImportJobStatus.FAILED)));
        assertTrue(ImportJobStatuses.isFailure(job(ReadSetImportJobStatus.CANCELLED)));
    }

    @Test
    void jobsThatAgreeShowTheirStatus() {
        assertEquals("SUBMITTED", ImportJobStatuses.overall(List.of("SUBMITTED")));
        assertEquals("COMPLETED", ImportJobStatuses.overall(List.of("COMPLETED", "COMPLETED", "COMPLETED")));
        assertEquals("FAILED", ImportJobStatuses.overall(List.of("FAILED", "FAILED")));
    }

    @Test
    void anyJobStillRunningMakesItInProgress() {
        assertEquals("IN_PROGRESS", ImportJobStatuses.overall(List.of("COMPLETED", "SUBMITTED")));
        assertEquals("IN_PROGRESS", ImportJobStatuses.overall(List.of("FAILED", "CANCELLING")));
        assertEquals("IN_PROGRESS", ImportJobStatuses.overall(List.of("COMPLETED", "A_STATUS_FROM_THE_FUTURE")));
    }

    @Test
    void jobsThatAllFailedOrWereCancelledAreFailed() {
        assertEquals("FAILED", ImportJobStatuses.overall(List.of("FAILED", "CANCELLED")));
    }

    @Test
    void endedJobsWithSomeSuccessAreCompletedWithFailures() {
        assertEquals("COMPLETED_WITH_FAILURES", ImportJobStatuses.overall(List.of("COMPLETED", "FAILED")));
        assertEquals("COMPLETED_WITH_FAILURES", ImportJobStatuses.overall(List.of("COMPLETED_WITH_FAILURES", "COMPLETED")));
        assertEquals("COMPLETED_WITH_FAILURES", ImportJobStatuses.overall(List.of("CANCELLED", "COMPLETED")));
    }

    private static GetReadSetImportJobResponse job(ReadSetImportJobStatus status) {
        return GetReadSetImportJobResponse.builder().id("4000000001").status(status).build();
    }
}
