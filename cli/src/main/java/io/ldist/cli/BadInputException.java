package io.ldist.cli;

/** Input the user must fix (an output folder in the way, a bad option): reported plainly, exit code 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
