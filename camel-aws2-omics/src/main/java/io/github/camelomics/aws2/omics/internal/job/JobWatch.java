package io.github.camelomics.aws2.omics.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.job.JobWatches.Key;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop that follows every job of one family waited for in one store: each poll interval, one listing of the
 * jobs created between the oldest and the newest of them (100 a page), then one Get for each job that has ended, for
 * its per-item results. So 500 waits cost 5 List calls an interval instead of 500 Get calls, and a Get per job once.
 * A job the listing does not show is asked for with a Get, so no edge of the filter can leave a wait hanging.
 * <p>
 * Between polls it pauses on its timer (emulated time in tests), which asks about every 100 ms whether each wait is
 * still wanted: stopping a route or Camel ends its waits at once. A wait whose timeout comes is polled for once more,
 * then ended with its last known states. The loop runs while any wait is left.
 *
 * @param <J> a job's state
 */
final class JobWatch<J> implements Runnable {

    static final int PAGE_SIZE = 100;
    private static final String STOPPING = "Camel is stopping";
    private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);

    private final Key<J> key;
    private final JobFamily<?, ?, J, ?> family;
    private final JobWatches owner;
    private final Set<JobWait<J>> waits = ConcurrentHashMap.newKeySet();

    JobWatch(Key<J> key, JobWatches owner) {
        this.key = key;
        this.family = key.family();
        this.owner = owner;
    }

    Key<J> key() {
        return key;
    }

    void add(JobWait<J> wait) {
        waits.add(wait);
    }

    /** Its waits not yet over, as they stand. */
    Stream<JobWatches.WaitState> states() {
        Instant now = key.timer().now();
        return waits.stream().filter(wait -> !wait.isOver()).map(wait -> wait.state(key.sequenceStoreId(), now));
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
            LOG.warn("Watching {}s of store {} failed; ending its waits", family.jobNoun(), key.sequenceStoreId(), e);
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
        for (JobWait<J> wait : waits) {
            if (!wait.isOver() && !wait.isWanted()) {
                wait.stop(STOPPING);
            }
        }
        return !isIdle();
    }

    /** One look at every job still waited for; the waits whose jobs have all ended are completed. */
    private void poll() {
        Map<String, J> unfinished = new HashMap<>();
        waits.forEach(wait -> wait.unfinished().forEach(job -> unfinished.putIfAbsent(family.id(job), job)));
        if (unfinished.isEmpty()) {
            return;
        }
        Map<String, J> listed;
        try {
            listed = list(unfinished.values());
        } catch (RuntimeException e) {
            LOG.debug("Listing the {}s of store {} failed; failing the {} waits for them", family.jobNoun(), key.sequenceStoreId(),
                    waits.size(), e);
            waits.forEach(wait -> wait.fail(e));
            return;
        }
        for (J known : unfinished.values()) {
            // a job the listing did not show, or showed ended, is asked for: for its state, or its per-source results
            String id = family.id(known);
            J now = listed.get(id);
            if (now == null || JobStatuses.hasEnded(family.status(now))) {
                if (!sweep()) {
                    return; // every wait ended meanwhile (Camel is stopping): no call is worth making
                }
                if (now == null) {
                    LOG.debug("{} {} was not in the listing of store {}; asking for it", family.jobNoun(), id,
                            key.sequenceStoreId());
                }
                try {
                    now = family.get(key.client(), key.sequenceStoreId(), id);
                } catch (RuntimeException e) {
                    waits.stream().filter(wait -> wait.waitsFor(id)).forEach(wait -> wait.fail(e));
                    continue;
                }
            }
            if (!Objects.equals(family.status(now), family.status(known))) {
                LOG.debug("{} {} in store {}: {}", family.jobNoun(), id, key.sequenceStoreId(), family.status(now));
            }
            if (JobStatuses.hasEnded(family.status(now)) && !JobStatuses.hasEnded(family.status(known))) {
                owner.counts().countEnd(family.status(now));
            }
            update(now);
        }
        waits.forEach(JobWait::completeIfEnded);
    }

    /**
     * The listed state of each running job, listing the window of their creation times; paging stops once every one
     * was seen. Jobs known to have ended (only their details are missing) are not listed for.
     */
    private Map<String, J> list(Collection<J> jobs) {
        List<J> running = jobs.stream()
                .filter(job -> family.creationTime(job) != null && !JobStatuses.hasEnded(family.status(job))).toList();
        Map<String, J> listed = new HashMap<>();
        if (running.isEmpty()) {
            return listed;
        }
        Set<String> wanted = new HashSet<>();
        running.forEach(job -> wanted.add(family.id(job)));
        Instant oldest = running.stream().map(family::creationTime).min(Comparator.naturalOrder()).get();
        Instant newest = running.stream().map(family::creationTime).max(Comparator.naturalOrder()).get();
        for (J item : family.list(key.client(), key.sequenceStoreId(), CreationWindow.after(oldest),
                CreationWindow.before(newest), PAGE_SIZE)) {
            String id = family.id(item);
            if (wanted.contains(id)) {
                listed.put(id, item);
                if (listed.size() == wanted.size()) {
                    break;
                }
            }
        }
        return listed;
    }

    private void update(J job) {
        String id = family.id(job);
        waits.stream().filter(wait -> wait.waitsFor(id)).forEach(wait -> wait.update(job));
    }
}
