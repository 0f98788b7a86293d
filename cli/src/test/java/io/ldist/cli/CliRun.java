package io.ldist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the ldist command: its exit code and what it printed on standard output and error
 * (line ends normalised to {@code \n}).
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun ldist(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            exitCode = Ldist.run(outWriter, errWriter, args);
        }
        return new CliRun(exitCode, normalise(out.toString()), normalise(err.toString()));
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
