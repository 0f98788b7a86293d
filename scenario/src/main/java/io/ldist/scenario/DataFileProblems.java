package io.ldist.scenario;

import io.ldist.scenario.trace.TraceFormatException;

import java.nio.file.Files;
import java.nio.file.Path;

/** How a data file or folder named in a scenario (a trace, a task CSV) that cannot be read is reported. */
final class DataFileProblems {
    private DataFileProblems() {
    }

    /**
     * A data file or folder that cannot be read ({@code kind} "trace": a folder of trace files; "task": a
     * CSV file). When the file or folder named in the scenario is itself missing or of the wrong kind, the
     * problem reads like any other (expected ..., found ...); when a line in a data file is wrong, it names
     * that file and line the way compilers do, followed by the reader's own expected and found.
     */
    static void report(FieldReader in, String at, String written, Path resolved, TraceFormatException e,
                       String kind, String expected) {
        if (!e.file().equals(resolved)) {
            in.problem(at, "", kind + " file " + e.getMessage());
            return;
        }
        String shown = Phrases.quote(written);
        Path absolute = resolved.toAbsolutePath().normalize();
        if (!Path.of(written).equals(absolute)) {
            shown += " (" + absolute + ")";
        }
        boolean folderExpected = kind.equals("trace");
        if (!Files.exists(resolved)) {
            in.problem(at, expected, shown + (Files.isSymbolicLink(resolved)
                    ? ", a link that leads nowhere (it dangles or loops)" : ", which does not exist"));
        } else if (folderExpected != Files.isDirectory(resolved)) {
            in.problem(at, expected, shown + ", which is a " + (folderExpected ? "file" : "folder"));
        } else if (e.line() > 0) {
            in.problem(at, "", kind + " file " + e.getMessage());
        } else {
            String prefix = e.file() + ": ";
            String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            in.problem(at, expected, shown + ": " + reason);
        }
    }
}
