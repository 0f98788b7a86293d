package io.ldist.scenario.trace;

import java.nio.file.Path;

/**
 * How a folder of VM utilisation traces is read: one format per name, chosen by a scenario's
 * {@code workload.format} ({@link TraceFormats}). A new format is a class of its own and one line there.
 */
public interface TraceFormat {
    /** What a folder of this format holds, as an error message says what it expected. */
    String describe();

    /** The folder's traces, every sample checked; a malformed file is a {@link TraceFormatException}. */
    UtilizationTrace read(Path folder);
}
