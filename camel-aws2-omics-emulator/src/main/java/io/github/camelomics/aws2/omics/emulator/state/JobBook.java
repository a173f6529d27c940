package io.github.camelomics.aws2.omics.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The jobs of one kind (imports, activations or exports): their ids, their client tokens, the quota of unfinished jobs,
 * and their way through {@link JobTimeline}. What a job does when it leaves SUBMITTED and when it finishes is the kind's
 * {@link Lifecycle}; the book only says when.
 * <p>
 * Unfinished jobs wait in a queue per phase, oldest first. A job's phase follows from its creation time alone, so the
 * oldest job of a phase is always the next to leave it: {@link #nextTransition()} looks only at the two heads, and a
 * start costs the same with ten thousand jobs as with ten. Not thread-safe: {@link EmulatorState} holds the lock.
 *
 * @param <J> the kind of job
 */
final class JobBook<J extends Job> {

    /** What happens to a job when it leaves SUBMITTED and when it finishes, at the time it does. */
    interface Lifecycle<J extends Job> {
        J begin(J job, Instant at);

        J finish(J job, Instant at);
    }

    private final String kind;
    private final long idBase;
    private final JobTimeline timeline;
    private final int maxActive;
    private final Lifecycle<J> lifecycle;
    private final UnaryOperator<J> withoutClientToken;

    private final Map<String, J> jobs = new LinkedHashMap<>();
    private final Deque<String> submitted = new ArrayDeque<>();
    private final Deque<String> running = new ArrayDeque<>();
    /** Job ids by sequence store and client token, for replays. */
    private final Map<String, String> idsByToken = new HashMap<>();
    private long lastNumber;

    /**
     * @param kind               how messages name a job, e.g. {@code import job}
     * @param idBase             ids are this plus 1, 2, ... (10 digits, like the service's)
     * @param maxActive          unfinished jobs allowed at once
     * @param withoutClientToken the job as a service that no longer remembers its token holds it
     */
    JobBook(String kind, long idBase, JobTimeline timeline, int maxActive, Lifecycle<J> lifecycle,
            UnaryOperator<J> withoutClientToken) {
        this.kind = kind;
        this.idBase = idBase;
        this.timeline = timeline;
        this.maxActive = maxActive;
        this.lifecycle = lifecycle;
        this.withoutClientToken = withoutClientToken;
    }

    JobTimeline timeline() {
        return timeline;
    }

    /**
     * The job an earlier Start with the same client token created, if any. The same token with a different request is a
     * ValidationException (ConflictException is not among the Start operations' modeled errors).
     */
    Optional<J> replay(String sequenceStoreId, JsonNode request) {
        String clientToken = request.path("clientToken").asText(null);
        if (clientToken == null) {
            return Optional.empty();
        }
        Optional<J> earlier = Optional.ofNullable(idsByToken.get(tokenKey(sequenceStoreId, clientToken))).map(jobs::get);
        if (earlier.isPresent() && !earlier.get().request().equals(request)) {
            throw new ApiException(ErrorShape.VALIDATION, "clientToken '" + clientToken + "' was already used for " + kind
                    + " " + earlier.get().id() + " with a different request");
        }
        return earlier;
    }

    /** Fails with ServiceQuotaExceededException when {@code maxActive} jobs are unfinished. */
    void requireCapacity() {
        if (submitted.size() + running.size() >= maxActive) {
            throw new ApiException(ErrorShape.SERVICE_QUOTA_EXCEEDED, "Maximum number of active read set " + kind + "s ("
                    + maxActive + ") reached; wait for a job to finish");
        }
    }

    String nextId() {
        return String.valueOf(idBase + ++lastNumber);
    }

    long lastNumber() {
        return lastNumber;
    }

    /** Keeps a job, new or restored, with its place in the phase queues and its token. */
    void add(J job) {
        jobs.put(job.id(), job);
        if (job.status() == JobStatus.SUBMITTED) {
            enqueue(submitted, job);
        } else if (job.status() == JobStatus.IN_PROGRESS) {
            enqueue(running, job);
        }
        if (job.clientToken() != null) {
            idsByToken.putIfAbsent(tokenKey(job.sequenceStoreId(), job.clientToken()), job.id());
        }
    }

    /** Restores the jobs and the id counter of a snapshot, oldest first. */
    void restore(long lastJobNumber, List<J> restored) {
        lastNumber = lastJobNumber;
        restored.forEach(this::add);
    }

    Optional<J> get(String sequenceStoreId, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.sequenceStoreId().equals(sequenceStoreId));
    }

    /** The store's jobs, oldest first. */
    List<J> inStore(String sequenceStoreId) {
        return jobs.values().stream().filter(j -> j.sequenceStoreId().equals(sequenceStoreId)).toList();
    }

    /** Every job, oldest first. */
    List<J> all() {
        return List.copyOf(jobs.values());
    }

    /** @return how many tokens were forgotten */
    int forgetClientTokens() {
        int forgotten = idsByToken.size();
        idsByToken.clear();
        jobs.replaceAll((id, job) -> job.clientToken() == null ? job : withoutClientToken.apply(job));
        return forgotten;
    }

    void clear() {
        jobs.clear();
        submitted.clear();
        running.clear();
        idsByToken.clear();
        lastNumber = 0;
    }

    /** When the next job changes phase (a finish before a start at the same time), or {@code null} when none will. */
    Instant nextTransition() {
        Instant finish = running.isEmpty() ? null : timeline.completionTime(jobs.get(running.peekFirst()).creationTime());
        Instant begin = submitted.isEmpty() ? null : timeline.startTime(jobs.get(submitted.peekFirst()).creationTime());
        if (finish == null || (begin != null && begin.isBefore(finish))) {
            return begin;
        }
        return finish;
    }

    /** Moves the job of {@link #nextTransition()} into its next phase. */
    void advance() {
        Instant at = nextTransition();
        if (!running.isEmpty() && at.equals(timeline.completionTime(jobs.get(running.peekFirst()).creationTime()))) {
            J job = jobs.get(running.pollFirst());
            jobs.put(job.id(), lifecycle.finish(job, at));
            return;
        }
        J job = lifecycle.begin(jobs.get(submitted.pollFirst()), at);
        jobs.put(job.id(), job);
        enqueue(running, job);
    }

    /**
     * Keeps a phase queue oldest first. Jobs arrive in creation order unless a settable clock was set back; then the
     * queue is sorted again (rare, and only then does a start cost a sort).
     */
    private void enqueue(Deque<String> queue, J job) {
        String youngest = queue.peekLast();
        queue.addLast(job.id());
        if (youngest != null && jobs.get(youngest).creationTime().isAfter(job.creationTime())) {
            List<String> ordered = new ArrayList<>(queue);
            ordered.sort(Comparator.comparing((String id) -> jobs.get(id).creationTime()));
            queue.clear();
            queue.addAll(ordered);
        }
    }

    private static String tokenKey(String sequenceStoreId, String clientToken) {
        return sequenceStoreId + '/' + clientToken;
    }
}
