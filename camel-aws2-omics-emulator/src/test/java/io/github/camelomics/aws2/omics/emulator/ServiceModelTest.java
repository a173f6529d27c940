package io.github.camelomics.aws2.omics.emulator;

import io.github.camelomics.aws2.omics.emulator.model.ErrorShape;
import io.github.camelomics.aws2.omics.emulator.model.Operation;
import io.github.camelomics.aws2.omics.emulator.model.ServiceModel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's Java names agree with the bundled service model. */
class ServiceModelTest {

    private final ServiceModel model = ServiceModel.load();

    @Test
    void everyErrorShapeHasTheModelsStatusCode() {
        for (ErrorShape error : ErrorShape.values()) {
            assertEquals(Optional.of(error.httpStatus()), model.httpStatusOf(error.shapeName()), error.shapeName());
        }
    }

    @Test
    void everyErrorTheModelListsForAnOperationCanBeInjected() {
        for (Operation operation : Operation.values()) {
            model.errorShapes(operation).forEach(shape ->
                    assertTrue(ErrorShape.parse(shape).isPresent(), operation + " lists " + shape));
        }
    }

    @Test
    void everyOperationIsBoundToAnHttpRoute() {
        assertEquals(Operation.values().length, model.bindings().size());
        assertEquals("/sequencestore/{sequenceStoreId}/importjob/{id}",
                model.binding(Operation.GET_READ_SET_IMPORT_JOB).uriTemplate());
    }
}
