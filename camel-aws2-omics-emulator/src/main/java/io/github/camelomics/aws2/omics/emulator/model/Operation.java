package io.github.camelomics.aws2.omics.emulator.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operations the emulator serves: the five of read set imports, the six of a multipart read set upload and the six
 * of read set activation and export. Their HTTP bindings and input shapes come from the service model
 * ({@link ServiceModel}); this enum gives them Java names so that faults and handlers can refer to them without strings,
 * and the rate quotas that the service does not let anyone adjust (the others, the activation and export operations
 * among them at the service's adjustable 5 per second, follow the emulator's rate limit setting).
 */
public enum Operation {
    START_READ_SET_IMPORT_JOB("StartReadSetImportJob"),
    GET_READ_SET_IMPORT_JOB("GetReadSetImportJob"),
    LIST_READ_SET_IMPORT_JOBS("ListReadSetImportJobs"),
    GET_READ_SET_METADATA("GetReadSetMetadata"),
    LIST_READ_SETS("ListReadSets"),
    CREATE_MULTIPART_READ_SET_UPLOAD("CreateMultipartReadSetUpload", 1),
    UPLOAD_READ_SET_PART("UploadReadSetPart", 10),
    COMPLETE_MULTIPART_READ_SET_UPLOAD("CompleteMultipartReadSetUpload", 1),
    ABORT_MULTIPART_READ_SET_UPLOAD("AbortMultipartReadSetUpload", 1),
    LIST_MULTIPART_READ_SET_UPLOADS("ListMultipartReadSetUploads"),
    LIST_READ_SET_UPLOAD_PARTS("ListReadSetUploadParts"),
    START_READ_SET_ACTIVATION_JOB("StartReadSetActivationJob"),
    GET_READ_SET_ACTIVATION_JOB("GetReadSetActivationJob"),
    LIST_READ_SET_ACTIVATION_JOBS("ListReadSetActivationJobs"),
    START_READ_SET_EXPORT_JOB("StartReadSetExportJob"),
    GET_READ_SET_EXPORT_JOB("GetReadSetExportJob"),
    LIST_READ_SET_EXPORT_JOBS("ListReadSetExportJobs");

    private final String modelName;
    /** The service's own requests per second, or 0 where the emulator's setting applies. */
    private final double fixedRate;

    Operation(String modelName) {
        this(modelName, 0);
    }

    Operation(String modelName, double fixedRate) {
        this.modelName = modelName;
        this.fixedRate = fixedRate;
    }

    /**
     * The rate quota the HealthOmics quotas page gives this operation when it is not the adjustable 5 per second
     * (UploadReadSetPart 10; Create, Complete and Abort 1, not adjustable), else 0.
     */
    public double fixedRate() {
        return fixedRate;
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
