package io.github.camelomics.aws2.omics.emulator.http;

/**
 * A request the signature check refused: HTTP 403 with the error code AWS's front end uses for the reason. These
 * codes are not in the service model (every AWS service shares them), so they are kept apart from the model's
 * {@code ErrorShape}s; SDKs map them to their generic service exception with this code. The message is what the
 * client sees, so it never contains a secret or a session token.
 */
public final class AuthenticationFailure extends RuntimeException {

    /** HTTP status of every authentication failure. */
    public static final int HTTP_STATUS = 403;

    /** Why a request was refused, with the code sent in {@code x-amzn-ErrorType} and {@code __type}. */
    public enum Reason {
        /** No {@code Authorization} header at all. */
        MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
        /** An {@code Authorization} header that lacks a part, or no request date. */
        INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
        /** A signature that does not match, a wrong credential scope, or a request signed too far from now. */
        INVALID_SIGNATURE("InvalidSignatureException"),
        /** An access key the emulator does not know. */
        UNRECOGNIZED_CLIENT("UnrecognizedClientException");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public AuthenticationFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason.code() + ": " + getMessage();
    }
}
