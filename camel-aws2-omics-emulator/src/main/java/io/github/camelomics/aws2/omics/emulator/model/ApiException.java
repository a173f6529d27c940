package io.github.camelomics.aws2.omics.emulator.model;

/**
 * A modeled service error: it becomes the response status, the {@code x-amzn-ErrorType} header
 * and the {@code {"__type","message"}} body. The message is what the client sees, so it must never
 * contain secrets.
 */
public final class ApiException extends RuntimeException {

    private final ErrorShape error;

    public ApiException(ErrorShape error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ErrorShape error() {
        return error;
    }

    @Override
    public String toString() {
        return error.shapeName() + ": " + getMessage();
    }
}
