package io.ldist.sim.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams events.csv while the run goes, into a temporary file that {@link #commit()} moves into place;
 * a run that fails leaves no events.csv behind ({@link #close()} without commit deletes the temporary file).
 */
public final class CsvEventLog implements EventLog {
    private final Path file;
    private final Path temporary;
    private final BufferedWriter out;
    private boolean committed;

    public CsvEventLog(Path file) {
        this.file = file;
        this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            this.out = RunOutput.newWriter(temporary);
            out.write(EventRow.HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
    }

    @Override
    public void accept(EventRow row) {
        try {
            out.write(RunOutput.eventLine(row));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
    }

    /** Finishes the file and moves it into place. */
    public void commit() {
        try {
            out.close();
            RunOutput.moveIntoPlace(temporary, file);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // Its last lines could not be written (a full disk, say): the file goes all the same.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temporary, e);
        }
    }
}
