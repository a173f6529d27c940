package io.github.camelomics.aws2.omics.emulator.state;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the emulated service is like: its sequence stores, where its ARNs point, how each kind of job runs, and whether
 * read sets are archived when unread.
 *
 * @param archiveAfter how long a read set stays ACTIVE unread before it is ARCHIVED, or {@code null} to keep it ACTIVE
 */
public record ServiceSettings(Set<String> sequenceStoreIds, String region, String accountId, JobSettings imports,
                              JobSettings activations, JobSettings exports, Duration archiveAfter) {

    public ServiceSettings {
        sequenceStoreIds = Collections.unmodifiableSet(new LinkedHashSet<>(sequenceStoreIds));
        if (archiveAfter != null && (archiveAfter.isNegative() || archiveAfter.isZero())) {
            throw new IllegalArgumentException("read sets can be archived after a positive time, not " + archiveAfter);
        }
    }
}
