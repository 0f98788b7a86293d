package io.ldist.scenario.trace;

import java.nio.file.Path;

/** A trace that cannot be read as its format promises; names the file and line. */
public final class TraceFormatException extends RuntimeException {
    private final Path file;
    private final int line;

    public TraceFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not on one line (a missing folder, too few lines). */
    public int line() {
        return line;
    }
}
