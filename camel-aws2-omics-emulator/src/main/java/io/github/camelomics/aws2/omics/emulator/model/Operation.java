package io.github.camelomics.aws2.omics.emulator.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five read set import operations the emulator serves. Their HTTP bindings and input shapes
 * come from the service model ({@link ServiceModel}); this enum only gives them Java names so
 * that faults and handlers can refer to them without strings.
 */
public enum Operation {
    START_READ_SET_IMPORT_JOB("StartReadSetImportJob"),
    GET_READ_SET_IMPORT_JOB("GetReadSetImportJob"),
    LIST_READ_SET_IMPORT_JOBS("ListReadSetImportJobs"),
    GET_READ_SET_METADATA("GetReadSetMetadata"),
    LIST_READ_SETS("ListReadSets");

    private final String modelName;

    Operation(String modelName) {
        this.modelName = modelName;
    }

    /** The operation's name in the service model, e.g. {@code StartReadSetImportJob}. */
    public String modelName() {
        return modelName;
    }

    public static Optional<Operation> fromModelName(String name) {
        return Arrays.stream(values()).filter(o -> o.modelName.equals(name)).findFirst();
    }

    /** Accepts the model name ({@code GetReadSetImportJob}) or the enum name ({@code GET_READ_SET_IMPORT_JOB}). */
    public static Optional<Operation> parse(String name) {
        return Arrays.stream(values())
                .filter(o -> o.modelName.equals(name) || o.name().equals(name))
                .findFirst();
    }
}
