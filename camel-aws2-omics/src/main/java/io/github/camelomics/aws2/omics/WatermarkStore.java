package io.github.camelomics.aws2.omics;

import java.time.Instant;

/**
 * Where the consumer keeps its watermark for a sequence store: the creation time from which each poll lists the store's
 * import jobs, that of the oldest job it has not seen end (or whose end it has not yet emitted). Polls then cost the
 * jobs still of interest, not the store's whole history. A store that survives restarts, and that replicas share,
 * keeps them from listing that history again: keep it where the idempotentRepository is. An IdempotentRepository that
 * also implements this interface keeps both.
 * <p>
 * Implementations: {@link MemoryWatermarkStore} (the default, forgotten on restart) and {@link FileWatermarkStore}.
 */
public interface WatermarkStore {

    /** The watermark kept for the sequence store, or null when none is kept yet. */
    Instant watermark(String sequenceStoreId);

    /**
     * Keeps a later watermark for the sequence store. A watermark only moves forward: a store shared by replicas keeps
     * the later of the one it has and the one given.
     */
    void advance(String sequenceStoreId, Instant watermark);
}
