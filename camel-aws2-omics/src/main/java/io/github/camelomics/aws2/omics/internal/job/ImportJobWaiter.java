package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.camelomics.aws2.omics.ImportJobWaitException;
import io.github.camelomics.aws2.omics.WaitTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;

/**
 * Polls import jobs until each has ended. Unlike the SDK's waiter (20 polls, about 10 minutes) it waits as long as
 * asked, polls several jobs in one cycle, and stops as soon as the route or Camel stops.
 */
public final class ImportJobWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobWaiter.class);

    private final WaitTimer timer;
    private final Duration pollInterval;
    private final Duration timeout;

    /**
     * @param timer        the clock of waiting (the system's, or emulated time in tests)
     * @param pollInterval the time between polls
     * @param timeout      the longest wait
     */
    public ImportJobWaiter(WaitTimer timer, Duration pollInterval, Duration timeout) {
        this.timer = timer;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /**
     * The final state of each job, in the order given.
     *
     * @param  keepWaiting            false once the route or context is stopping
     * @throws ImportJobWaitException when the timeout passes or waiting is stopped first; it carries the last states
     */
    public List<GetReadSetImportJobResponse> await(
            OmicsClient client, String sequenceStoreId, List<String> jobIds, BooleanSupplier keepWaiting) {
        Instant deadline = timer.now().plus(timeout);
        Map<String, GetReadSetImportJobResponse> latest = new LinkedHashMap<>();
        jobIds.forEach(id -> latest.put(id, null));
        try {
            while (true) {
                for (String id : jobIds) {
                    GetReadSetImportJobResponse last = latest.get(id);
                    if (last == null || !ImportJobStatuses.hasEnded(last.status())) {
                        GetReadSetImportJobResponse now = client.getReadSetImportJob(b -> b.sequenceStoreId(sequenceStoreId).id(id));
                        if (last == null || last.status() != now.status()) {
                            LOG.debug("Import job {} in store {}: {}", id, sequenceStoreId, now.statusAsString());
                        }
                        latest.put(id, now);
                    }
                }
                if (latest.values().stream().allMatch(r -> ImportJobStatuses.hasEnded(r.status()))) {
                    return new ArrayList<>(latest.values());
                }
                Duration left = Duration.between(timer.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new ImportJobWaitException("waited " + timeout + " (waitTimeout)", new ArrayList<>(latest.values()));
                }
                if (!timer.pause(min(pollInterval, left), keepWaiting)) {
                    throw new ImportJobWaitException("Camel is stopping", new ArrayList<>(latest.values()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportJobWaitException("the waiting thread was interrupted", new ArrayList<>(latest.values()));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
