package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.job.ImportJobWatches.Key;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetJobItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;

/**
 * The one loop that follows every job waited for in one store: each poll interval, one listing of the jobs created
 * between the oldest and the newest of them (100 a page), then one GetReadSetImportJob for each job that has ended, for
 * its per-source results. So 500 waits cost 5 List calls an interval instead of 500 Get calls, and a Get per job once.
 * A job the listing does not show is asked for with a Get, so no edge of the filter can leave a wait hanging.
 * <p>
 * Between polls it pauses on its timer (emulated time in tests), which asks about every 100 ms whether each wait is
 * still wanted: stopping a route or Camel ends its waits at once. A wait whose timeout comes is polled for once more,
 * then ended with its last known states. The loop runs while any wait is left.
 */
final class ImportJobWatch implements Runnable {

    static final int PAGE_SIZE = 100;
    private static final String STOPPING = "Camel is stopping";
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobWatch.class);

    private final Key key;
    private final ImportJobWatches owner;
    private final Set<JobWait> waits = ConcurrentHashMap.newKeySet();

    ImportJobWatch(Key key, ImportJobWatches owner) {
        this.key = key;
        this.owner = owner;
    }

    Key key() {
        return key;
    }

    void add(JobWait wait) {
        waits.add(wait);
    }

    boolean isIdle() {
        waits.removeIf(JobWait::isOver);
        return waits.isEmpty();
    }

    @Override
    public void run() {
        WaitTimer timer = key.timer();
        String ended = STOPPING;
        try {
            Instant nextPoll = timer.now().plus(key.pollInterval());
            while (owner.keepWatching(this)) {
                Instant wake = waits.stream().map(JobWait::deadline).filter(nextPoll::isAfter)
                        .min(Comparator.naturalOrder()).orElse(nextPoll);
                Duration pause = Duration.between(timer.now(), wake);
                if (!pause.isNegative() && !pause.isZero()) {
                    timer.pause(pause, this::keepPausing);
                }
                Instant now = timer.now();
                if (!sweep() || now.isBefore(nextPoll) && waits.stream().allMatch(w -> now.isBefore(w.deadline()))) {
                    continue; // no wait is left, or the pause ended early for a wait added with a nearer deadline
                }
                poll();
                Instant polled = timer.now();
                nextPoll = polled.plus(key.pollInterval());
                waits.forEach(wait -> wait.expireAt(polled));
            }
            ended = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = "the waiting thread was interrupted";
        } catch (RuntimeException e) {
            LOG.warn("Watching import jobs of store {} failed; ending its waits", key.sequenceStoreId(), e);
            waits.forEach(wait -> wait.fail(e));
        } finally {
            if (ended != null) {
                owner.forget(this);
                stopAll(ended);
            }
        }
    }

    /** Ends every wait with its last known states. */
    void stopAll(String why) {
        waits.forEach(wait -> wait.stop(why));
        waits.clear();
    }

    /**
     * The timer's question while pausing: ends the waits no longer wanted, and says to go on pausing while waits are
     * left and none has reached its timeout (a wait added during the pause may have a nearer one).
     */
    private boolean keepPausing() {
        if (!sweep()) {
            return false;
        }
        Instant now = key.timer().now();
        return waits.stream().allMatch(wait -> now.isBefore(wait.deadline()));
    }

    /** Ends the waits no longer wanted (their route or Camel is stopping); true while any wait is left. */
    private boolean sweep() {
        for (JobWait wait : waits) {
            if (!wait.isOver() && !wait.isWanted()) {
                wait.stop(STOPPING);
            }
        }
        return !isIdle();
    }

    /** One look at every job still waited for; the waits whose jobs have all ended are completed. */
    private void poll() {
        Map<String, GetReadSetImportJobResponse> unfinished = new HashMap<>();
        waits.forEach(wait -> wait.unfinished().forEach(job -> unfinished.putIfAbsent(job.id(), job)));
        if (unfinished.isEmpty()) {
            return;
        }
        Map<String, GetReadSetImportJobResponse> listed;
        try {
            listed = list(unfinished.values());
        } catch (RuntimeException e) {
            LOG.debug("Listing the import jobs of store {} failed; failing the {} waits for them", key.sequenceStoreId(),
                    waits.size(), e);
            waits.forEach(wait -> wait.fail(e));
            return;
        }
        for (GetReadSetImportJobResponse known : unfinished.values()) {
            // a job the listing did not show, or showed ended, is asked for: for its state, or its per-source results
            GetReadSetImportJobResponse now = listed.get(known.id());
            if (now == null || ImportJobStatuses.hasEnded(now.status())) {
                if (!sweep()) {
                    return; // every wait ended meanwhile (Camel is stopping): no call is worth making
                }
                if (now == null) {
                    LOG.debug("Import job {} was not in the listing of store {}; asking for it", known.id(), key.sequenceStoreId());
                }
                try {
                    now = key.client().getReadSetImportJob(b -> b.sequenceStoreId(key.sequenceStoreId()).id(known.id()));
                } catch (RuntimeException e) {
                    waits.stream().filter(wait -> wait.waitsFor(known.id())).forEach(wait -> wait.fail(e));
                    continue;
                }
            }
            if (now.status() != known.status()) {
                LOG.debug("Import job {} in store {}: {}", now.id(), key.sequenceStoreId(), now.statusAsString());
            }
            update(now);
        }
        waits.forEach(JobWait::completeIfEnded);
    }

    /**
     * The listed state of each running job, listing the window of their creation times; paging stops once every one
     * was seen. Jobs known to have ended (only their details are missing) are not listed for.
     */
    private Map<String, GetReadSetImportJobResponse> list(Collection<GetReadSetImportJobResponse> jobs) {
        List<GetReadSetImportJobResponse> running = jobs.stream()
                .filter(job -> job.creationTime() != null && !ImportJobStatuses.hasEnded(job.status())).toList();
        Map<String, GetReadSetImportJobResponse> listed = new HashMap<>();
        if (running.isEmpty()) {
            return listed;
        }
        Set<String> wanted = new HashSet<>();
        running.forEach(job -> wanted.add(job.id()));
        Instant oldest = running.stream().map(GetReadSetImportJobResponse::creationTime).min(Comparator.naturalOrder()).get();
        Instant newest = running.stream().map(GetReadSetImportJobResponse::creationTime).max(Comparator.naturalOrder()).get();
        ListReadSetImportJobsRequest request = ListReadSetImportJobsRequest.builder().sequenceStoreId(key.sequenceStoreId())
                .maxResults(PAGE_SIZE).filter(CreationWindow.between(oldest, newest)).build();
        for (ImportReadSetJobItem item : key.client().listReadSetImportJobsPaginator(request).importJobs()) {
            if (wanted.contains(item.id())) {
                listed.put(item.id(), JobStates.of(item));
                if (listed.size() == wanted.size()) {
                    break;
                }
            }
        }
        return listed;
    }

    private void update(GetReadSetImportJobResponse job) {
        waits.stream().filter(wait -> wait.waitsFor(job.id())).forEach(wait -> wait.update(job));
    }
}
