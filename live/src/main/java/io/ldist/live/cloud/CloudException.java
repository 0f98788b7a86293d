package io.ldist.live.cloud;

/**
 * A cloud call that failed after the SDK's retries, or that ldist refused. Carries what the caller needs to decide
 * (throttled? worth retrying later?) without depending on the SDK's exception types.
 */
public class CloudException extends RuntimeException {
    private final String operation;
    private final String errorCode;
    private final int statusCode;
    private final boolean throttling;
    private final int attempts;

    /**
     * @param operation  service and action, e.g. {@code ec2:RunInstances}
     * @param errorCode  the service's error code (RequestLimitExceeded, InvalidInstanceID.NotFound), or null
     * @param statusCode the HTTP status, or 0 when no response came
     * @param throttling whether the service throttled the call
     * @param attempts   attempts made, or 0 when unknown
     */
    public CloudException(String operation, String message, String errorCode, int statusCode, boolean throttling,
                          int attempts, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.throttling = throttling;
        this.attempts = attempts;
    }

    /** A refusal or local failure, no call made. */
    public CloudException(String operation, String message) {
        this(operation, message, null, 0, false, 0, null);
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public boolean isThrottling() {
        return throttling;
    }

    /** A server-side error (5xx) or throttling: the same call may succeed later. */
    public boolean isTransient() {
        return throttling || statusCode >= 500;
    }

    public int attempts() {
        return attempts;
    }
}
