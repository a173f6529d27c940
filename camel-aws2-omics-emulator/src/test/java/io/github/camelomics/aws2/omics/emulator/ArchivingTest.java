package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.ReadSetListItem;
import software.amazon.awssdk.services.omics.model.ReadSetStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Read sets are archived as the service archives those not accessed for 30 days: on the emulator's clock when
 * {@code archiveAfterDays} is set, and at once by the admin call; GetReadSetMetadata and ListReadSets show it.
 */
class ArchivingTest {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.archiveAfterDays(30));

    @AutoClose
    private final OmicsClient omics = OmicsClients.withoutRetries(EMULATOR.endpoint());
    private final StoredReadSets readSets = new StoredReadSets(EMULATOR, omics);

    private List<String> listed(ReadSetStatus status) {
        return omics.listReadSets(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).filter(f -> f.status(status)))
                .readSets().stream().map(ReadSetListItem::id).toList();
    }

    @Test
    void aReadSetUnreadForThirtyDaysIsArchived() {
        String readSet = readSets.imported("s1").get(0); // made when the import finished, 6 s after the start

        EMULATOR.advanceClock(Duration.ofDays(30).minusMillis(1));
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
        EMULATOR.advanceClock(Duration.ofMillis(1));

        assertEquals(ReadSetStatus.ARCHIVED, readSets.status(readSet));
        assertEquals(List.of(readSet), listed(ReadSetStatus.ARCHIVED));
        assertEquals(List.of(), listed(ReadSetStatus.ACTIVE));
    }

    @Test
    void anActivationStartsTheThirtyDaysAgain() {
        String readSet = readSets.imported("s1").get(0);
        EMULATOR.advanceClock(Duration.ofDays(31));
        omics.startReadSetActivationJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId())
                .sources(s -> s.readSetId(readSet)));
        EMULATOR.finishJobs();
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));

        EMULATOR.advanceClock(Duration.ofDays(30).minusMillis(1));
        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
        EMULATOR.advanceClock(Duration.ofMillis(1));
        assertEquals(ReadSetStatus.ARCHIVED, readSets.status(readSet));
    }

    @Test
    void anExportReadsTheReadSetAndStartsTheThirtyDaysAgain() {
        String readSet = readSets.imported("s1").get(0);
        EMULATOR.s3().createBucket("exports");
        EMULATOR.advanceClock(Duration.ofDays(20));
        omics.startReadSetExportJob(r -> r.sequenceStoreId(EMULATOR.sequenceStoreId()).destination("s3://exports/")
                .roleArn(OmicsClients.ROLE_ARN).sources(s -> s.readSetId(readSet)));
        EMULATOR.finishJobs();

        EMULATOR.advanceClock(Duration.ofDays(20));

        assertEquals(ReadSetStatus.ACTIVE, readSets.status(readSet));
    }

    @Test
    void theAdminCallArchivesTheReadSetsItNames() throws Exception {
        List<String> ids = readSets.imported("s1", "s2");

        HttpResponse<String> answer = admin("{\"sequenceStoreId\":\"1234567890\",\"readSetIds\":[\"" + ids.get(1) + "\"]}");

        assertEquals(200, answer.statusCode());
        assertEquals("{\"archived\":[\"" + ids.get(1) + "\"]}", answer.body());
        assertEquals(List.of(ids.get(1)), listed(ReadSetStatus.ARCHIVED));
        assertEquals("{\"archived\":[]}", admin("{\"readSetIds\":[\"" + ids.get(1) + "\"]}").body(), "archived already");
    }

    @Test
    void theAdminCallWithoutReadSetsArchivesEveryActiveOneOfTheStore() throws Exception {
        List<String> ids = readSets.imported("s1", "s2");

        String answer = admin("{}").body();

        assertEquals("{\"archived\":[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]}", answer);
        assertEquals(ids, listed(ReadSetStatus.ARCHIVED));
    }

    @Test
    void theAdminCallRefusesAReadSetItCannotArchiveAndArchivesNothing() throws Exception {
        List<String> ids = readSets.imported("s1");

        HttpResponse<String> unknown = admin("{\"readSetIds\":[\"" + ids.get(0) + "\",\"5000000099\"]}");
        HttpResponse<String> store = admin("{\"sequenceStoreId\":\"9999999999\"}");

        assertEquals(400, unknown.statusCode());
        assertEquals("{\"message\":\"read set 5000000099 not found in sequence store 1234567890\"}", unknown.body());
        assertEquals(404, store.statusCode());
        assertEquals(List.of(ids.get(0)), listed(ReadSetStatus.ACTIVE));
    }

    private HttpResponse<String> admin(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(EMULATOR.endpoint()
                        + "/_emulator/read-sets/archive")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
