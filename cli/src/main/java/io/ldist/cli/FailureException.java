package io.ldist.cli;

/**
 * A failure the user can act on (an endpoint that does not answer, no credentials): reported plainly, without a
 * stack trace, exit code 1.
 */
public final class FailureException extends RuntimeException {
    public FailureException(String message) {
        super(message);
    }
}
