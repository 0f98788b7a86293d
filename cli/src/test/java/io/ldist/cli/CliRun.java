package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * Runs ldist on input it must refuse: exit 2, nothing on standard output, no file written or removed under
     * {@code folder}; returns what it said on standard error.
     */
    static String refusedLeaving(Path folder, String... args) {
        Map<String, Long> before = TestScenarios.listing(folder);
        CliRun run = ldist(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(TestScenarios.listing(folder)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
