package io.github.camelomics.aws2.omics.emulator.faults;

import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Faults a test arms before it makes requests: errors for the next requests, added latency,
 * responses dropped after the operation took effect (the job exists but the client never hears of
 * it, which is how duplicate-on-retry bugs are found), imports of a given source file that fail
 * (a truncated file re-uploaded since, a transient service error), and activations or exports of a given read set that
 * fail. Rules with an operation apply to that operation only; rules without one apply to all. Thread-safe.
 */
public final class Faults {

    private final List<Rule> failures = new ArrayList<>();
    private final List<Rule> drops = new ArrayList<>();
    private final List<Rule> bodyDrops = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final ItemFailures importFailures = new ItemFailures();
    private final ItemFailures activationFailures = new ItemFailures();
    private final ItemFailures exportFailures = new ItemFailures();

    /** Fails the next {@code count} requests of any operation with {@code error}. */
    public Faults failNext(int count, ErrorShape error) {
        return failNext(count, null, error, null);
    }

    /** Fails the next {@code count} requests of {@code operation} with {@code error}. */
    public Faults failNext(int count, Operation operation, ErrorShape error) {
        return failNext(count, operation, error, null);
    }

    /**
     * Fails the next {@code count} matching requests.
     *
     * @param operation the operation to fail, or {@code null} for any
     * @param message   the error message, or {@code null} for a default naming the fault
     */
    public synchronized Faults failNext(int count, Operation operation, ErrorShape error, String message) {
        requirePositive(count);
        String text = message != null ? message : "Injected fault: " + error.shapeName();
        failures.add(new Rule(operation, count, new ApiException(error, text)));
        return this;
    }

    /** Delays every request of {@code operation} (or of all operations when {@code null}) by {@code latency}. */
    public synchronized Faults addLatency(Duration latency, Operation operation) {
        latencies.add(new Latency(operation, latency));
        return this;
    }

    /** Delays every request by {@code latency}. */
    public Faults addLatency(Duration latency) {
        return addLatency(latency, null);
    }

    /**
     * Closes the connection without a response for the next {@code count} successful requests of
     * {@code operation} (or of any operation when {@code null}), after the operation took effect.
     */
    public synchronized Faults dropResponses(int count, Operation operation) {
        requirePositive(count);
        drops.add(new Rule(operation, count, null));
        return this;
    }

    /** Drops the next {@code count} StartReadSetImportJob responses after the job was created. */
    public Faults dropResponsesAfterStart(int count) {
        return dropResponses(count, Operation.START_READ_SET_IMPORT_JOB);
    }

    /**
     * Closes the connection halfway through the body of the next {@code count} requests of {@code operation} (or of
     * any operation when {@code null}): the client is cut off while it sends, as by a network failure in the middle of
     * a part, and the request takes no effect.
     */
    public synchronized Faults dropConnectionsDuringBody(int count, Operation operation) {
        requirePositive(count);
        bodyDrops.add(new Rule(operation, count, null));
        return this;
    }

    /** Cuts off the next {@code count} UploadReadSetPart requests halfway through their bytes. */
    public Faults dropConnectionsDuringPart(int count) {
        return dropConnectionsDuringBody(count, Operation.UPLOAD_READ_SET_PART);
    }

    /**
     * Fails the next {@code count} imports of a source whose file (source1 or source2) is
     * {@code sourceFile}: when the job finishes, that source ends FAILED with {@code message}, whatever
     * the file holds; later imports of it read the file as usual.
     *
     * @param message the source's status message, or {@code null} for a default naming the fault
     */
    public synchronized Faults failImports(String sourceFile, int count, String message) {
        return arm(importFailures, sourceFile, count, message, "Injected fault: import of " + sourceFile + " failed");
    }

    /** Fails the first import of a source with this file only; the next one succeeds if the file is good. */
    public Faults failFirstImport(String sourceFile) {
        return failImports(sourceFile, 1, null);
    }

    /**
     * The injected failure of a finishing source with these files, consuming one use of its rule.
     *
     * @param source2 the second file, or {@code null}
     */
    public synchronized Optional<String> takeImportFailure(String source1, String source2) {
        return importFailures.take(source2 == null ? List.of(source1) : List.of(source1, source2));
    }

    /**
     * Fails the next {@code count} activations of the read set {@code readSetId}: when its activation job finishes, the
     * read set is FAILED in the job with {@code message} and stays ARCHIVED; a later activation of it succeeds.
     *
     * @param message the item's status message, or {@code null} for a default naming the fault
     */
    public synchronized Faults failActivations(String readSetId, int count, String message) {
        return arm(activationFailures, readSetId, count, message,
                "Injected fault: activation of read set " + readSetId + " failed");
    }

    /** Fails the next activation of this read set only. */
    public Faults failFirstActivation(String readSetId) {
        return failActivations(readSetId, 1, null);
    }

    /** The injected failure of an activation of this read set, consuming one use of its rule. */
    public synchronized Optional<String> takeActivationFailure(String readSetId) {
        return activationFailures.take(List.of(readSetId));
    }

    /**
     * Fails the next {@code count} exports of the read set {@code readSetId}: when its export job finishes, the read set
     * is FAILED in the job with {@code message} and none of its files is written.
     *
     * @param message the item's status message, or {@code null} for a default naming the fault
     */
    public synchronized Faults failExports(String readSetId, int count, String message) {
        return arm(exportFailures, readSetId, count, message, "Injected fault: export of read set " + readSetId + " failed");
    }

    /** The injected failure of an export of this read set, consuming one use of its rule. */
    public synchronized Optional<String> takeExportFailure(String readSetId) {
        return exportFailures.take(List.of(readSetId));
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        failures.clear();
        drops.clear();
        bodyDrops.clear();
        latencies.clear();
        importFailures.clear();
        activationFailures.clear();
        exportFailures.clear();
    }

    /** The injected error for this request, consuming one use of the first matching rule. */
    public synchronized Optional<ApiException> takeFailure(Operation operation) {
        return take(failures, operation).map(Rule::error);
    }

    /** Whether this request's response is to be dropped, consuming one use of the first matching rule. */
    public synchronized boolean takeDrop(Operation operation) {
        return take(drops, operation).isPresent();
    }

    /** Whether this request is to be cut off in its body, consuming one use of the first matching rule. */
    public synchronized boolean takeBodyDrop(Operation operation) {
        return take(bodyDrops, operation).isPresent();
    }

    /** The total latency armed for an operation. */
    public synchronized Duration latencyFor(Operation operation) {
        return latencies.stream().filter(l -> l.operation() == null || l.operation() == operation)
                .map(Latency::delay).reduce(Duration.ZERO, Duration::plus);
    }

    private static Optional<Rule> take(List<Rule> rules, Operation operation) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.operation() == null || rule.operation() == operation) {
                if (rule.remaining() > 1) {
                    rules.set(i, new Rule(rule.operation(), rule.remaining() - 1, rule.error()));
                } else {
                    rules.remove(i);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private Faults arm(ItemFailures failures, String key, int count, String message, String defaultMessage) {
        requirePositive(count);
        failures.arm(key, count, message != null ? message : defaultMessage);
        return this;
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    private record Rule(Operation operation, int remaining, ApiException error) {
    }

    private record Latency(Operation operation, Duration delay) {
    }
}
