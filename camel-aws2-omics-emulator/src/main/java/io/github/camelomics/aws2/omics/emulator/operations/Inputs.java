package io.github.camelomics.aws2.omics.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.emulator.model.ApiException;
import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.state.EmulatorState;

import java.util.Optional;
import java.util.function.BiFunction;

/** What every operation reads the same way from its input: the store, and the resource its {@code id} names. */
final class Inputs {

    private Inputs() {
    }

    static String storeOf(JsonNode input) {
        return input.path("sequenceStoreId").asText();
    }

    /** Looks up the input's {@code id} in its store: an unknown store or id is ResourceNotFoundException. */
    static <T> T found(EmulatorState state, JsonNode input, String kind, BiFunction<String, String, Optional<T>> lookup) {
        String store = storeOf(input);
        state.requireSequenceStore(store);
        String id = input.path("id").asText();
        return lookup.apply(store, id).orElseThrow(() -> new ApiException(ErrorShape.RESOURCE_NOT_FOUND,
                kind + " " + id + " not found in sequence store " + store));
    }
}
