package io.ldist.reports;

import java.util.List;

/**
 * How a set of results was made, so that a report or a results folder found months later names what made it:
 * the command line as typed, every {@code --set} override, ldist's version and the commit it was built from, and
 * a SHA-256 of every input (each scenario file, each trace folder or task file).
 *
 * @param commandLine the arguments after {@code ldist}, as given
 * @param sets        every {@code --set FIELD=VALUE}, in order (also in the command line, listed for search)
 * @param commit      the git commit of the ldist that ran, "-dirty" appended when its sources had changes, or
 *                    "unknown" when it did not run from a git checkout
 */
public record Provenance(String commandLine, List<String> sets, String ldistVersion, String commit,
                         List<Input> inputs) {
    /** The file beside results.csv that holds the provenance of a comparison (results.csv itself stays plain CSV). */
    public static final String FILE = "results.provenance.json";

    public Provenance {
        sets = List.copyOf(sets);
        inputs = List.copyOf(inputs);
    }

    /**
     * One input and its SHA-256: of the file's bytes, or for a folder of the list of its files in sorted order,
     * each as its relative path and the SHA-256 of its bytes (see the README's Outputs).
     *
     * @param kind "scenario", "sweep file", "trace folder" or "task file"
     */
    public record Input(String kind, String path, String sha256) {
    }
}
