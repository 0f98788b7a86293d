package io.ldist.live.api;

import java.util.Optional;

/**
 * A request refused with a status and a message for the client; nothing was changed. It may name the request field
 * at fault, and a 429 or 503 may say after how many seconds to try again (the API's configured default otherwise).
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String field;
    private final long retryAfterS;

    public ApiProblem(int status, String message) {
        this(status, message, null, 0);
    }

    /** A refusal that names the request field at fault ({@code cpuMips}, {@code id}). */
    public ApiProblem(int status, String message, String field) {
        this(status, message, field, 0);
    }

    /**
     * @param field       the request field at fault, or null
     * @param retryAfterS seconds after which the client may try again (sent as Retry-After), or 0 for the API's default
     */
    public ApiProblem(int status, String message, String field, long retryAfterS) {
        super(message);
        if (retryAfterS < 0) {
            throw new IllegalArgumentException("retryAfterS must be >= 0, got " + retryAfterS);
        }
        this.status = status;
        this.field = field;
        this.retryAfterS = retryAfterS;
    }

    /** 429: the queue is full; try again after {@code retryAfterS} seconds (0 for the API's default). */
    public static ApiProblem queueFull(String message, long retryAfterS) {
        return new ApiProblem(429, message, null, retryAfterS);
    }

    public int status() {
        return status;
    }

    /** The request field at fault, when one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Seconds the client should wait before trying again, or 0 when the raiser left it to the API. */
    public long retryAfterS() {
        return retryAfterS;
    }
}
