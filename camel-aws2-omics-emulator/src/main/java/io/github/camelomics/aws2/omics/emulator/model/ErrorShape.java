package io.github.camelomics.aws2.omics.emulator.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The error shapes of the operations the emulator serves, with the HTTP status the model gives them.
 * A test checks these codes against the model file, so they cannot drift apart.
 */
public enum ErrorShape {
    VALIDATION("ValidationException", 400),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    ACCESS_DENIED("AccessDeniedException", 403),
    NOT_SUPPORTED_OPERATION("NotSupportedOperationException", 405),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    REQUEST_TIMEOUT("RequestTimeoutException", 408),
    CONFLICT("ConflictException", 409),
    THROTTLING("ThrottlingException", 429),
    INTERNAL_SERVER("InternalServerException", 500);

    private final String shapeName;
    private final int httpStatus;

    ErrorShape(String shapeName, int httpStatus) {
        this.shapeName = shapeName;
        this.httpStatus = httpStatus;
    }

    /** The shape name sent in {@code x-amzn-ErrorType} and {@code __type}. */
    public String shapeName() {
        return shapeName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Accepts the shape name ({@code ThrottlingException}) or the enum name ({@code THROTTLING}). */
    public static Optional<ErrorShape> parse(String name) {
        return Arrays.stream(values())
                .filter(e -> e.shapeName.equals(name) || e.name().equals(name))
                .findFirst();
    }
}
