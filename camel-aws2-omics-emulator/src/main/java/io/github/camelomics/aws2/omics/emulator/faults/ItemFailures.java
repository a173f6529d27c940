package io.github.camelomics.aws2.omics.emulator.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failures armed for the items of jobs, each for a key (a source file of an import, the id of a read set to activate or
 * export) and a number of uses: the next jobs that reach an item with that key fail it with the message. Not
 * thread-safe: {@link Faults} holds the lock.
 */
final class ItemFailures {

    private final Map<String, Armed> byKey = new HashMap<>();

    void arm(String key, int count, String message) {
        byKey.put(key, new Armed(count, message));
    }

    /** The message armed for the first of {@code keys} that has one, consuming one use of it. */
    Optional<String> take(List<String> keys) {
        for (String key : keys) {
            Armed armed = byKey.get(key);
            if (armed != null) {
                if (armed.remaining() > 1) {
                    byKey.put(key, new Armed(armed.remaining() - 1, armed.message()));
                } else {
                    byKey.remove(key);
                }
                return Optional.of(armed.message());
            }
        }
        return Optional.empty();
    }

    void clear() {
        byKey.clear();
    }

    private record Armed(int remaining, String message) {
    }
}
