package io.ldist.live.api;

/** A request refused with a status and a message for the client; nothing was changed. */
public class ApiProblem extends RuntimeException {
    private final int status;

    public ApiProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
