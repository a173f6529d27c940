package io.github.camelomics.aws2.omics.emulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read sets of every store, oldest first, as they were last changed, and as a client sees them at a given time
 * ({@link ReadSet#asOf(Instant, Duration)}: an upload processing, a read set archived after being unread for
 * {@code archiveAfter}). Not thread-safe: {@link EmulatorState} holds the lock.
 */
final class ReadSets {

    private final Map<String, ReadSet> byId = new LinkedHashMap<>();
    private final Duration archiveAfter;

    /** @param archiveAfter how long a read set stays ACTIVE unread, or {@code null} to keep it ACTIVE */
    ReadSets(Duration archiveAfter) {
        this.archiveAfter = archiveAfter;
    }

    void put(ReadSet readSet) {
        byId.put(readSet.id(), readSet);
    }

    /** The read set of the store as seen at {@code at}. */
    Optional<ReadSet> at(String sequenceStoreId, String id, Instant at) {
        return Optional.ofNullable(byId.get(id)).filter(r -> r.sequenceStoreId().equals(sequenceStoreId))
                .map(r -> r.asOf(at, archiveAfter));
    }

    /** The store's read sets as seen at {@code at}, oldest first. */
    List<ReadSet> inStore(String sequenceStoreId, Instant at) {
        return byId.values().stream().filter(r -> r.sequenceStoreId().equals(sequenceStoreId))
                .map(r -> r.asOf(at, archiveAfter)).toList();
    }

    /** Every read set as seen at {@code at}, oldest first. */
    List<ReadSet> all(Instant at) {
        return byId.values().stream().map(r -> r.asOf(at, archiveAfter)).toList();
    }

    /** Every read set as last changed, for a snapshot. */
    List<ReadSet> stored() {
        return List.copyOf(byId.values());
    }

    void clear() {
        byId.clear();
    }
}
