package io.github.camelomics.aws2.omics;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Watermarks in memory: the consumer's default, forgotten when the JVM stops. */
public class MemoryWatermarkStore implements WatermarkStore {

    private final Map<String, Instant> watermarks = new ConcurrentHashMap<>();

    @Override
    public Instant watermark(String sequenceStoreId) {
        return watermarks.get(sequenceStoreId);
    }

    @Override
    public void advance(String sequenceStoreId, Instant watermark) {
        watermarks.merge(sequenceStoreId, watermark, (kept, given) -> given.isAfter(kept) ? given : kept);
    }
}
