package io.ldist.cli.live;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The run's log: each line stamped with the time (UTC, to the second), on standard error and, once the run holds its
 * journal, appended to {@code live.log} beside it. Lines are flushed as written, so that a killed run leaves its log
 * whole up to its last round.
 */
final class RoundLog implements AutoCloseable {
    private final PrintWriter err;
    private Writer file;

    RoundLog(PrintWriter err) {
        this.err = err;
    }

    /** From now on, also appends to {@code logFile}. */
    synchronized void alsoTo(Path logFile) {
        try {
            file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(logFile + ": cannot open the run's log: " + e.getMessage(), e);
        }
    }

    synchronized void line(String text) {
        String stamped = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text;
        err.println(stamped);
        err.flush();
        if (file != null) {
            try {
                file.write(stamped + "\n");
                file.flush();
            } catch (IOException e) {
                err.println("ldist live: cannot write the run's log: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            err.println("ldist live: cannot close the run's log: " + e.getMessage());
        }
        file = null;
    }
}
