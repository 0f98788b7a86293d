package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workload.format} names the trace format from ldist's registry of them; a name it lacks is refused. */
class TraceFormatTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultFormatNamed_readsAsWithoutIt() {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: trace\n  format: planetlab");

        CliRun run = CliRun.ldist("validate", scenario.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void anUnknownFormat_refusedWithItsLineAndTheNearestName_nothingWritten() {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: trace\n  format: planetlb");
        Map<String, Long> before = listing(tmp);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).contains(scenario + ":").contains(": workload.format: expected a trace format: "
                + "planetlab, found 'planetlb'; did you mean 'planetlab'?");
        assertThat(listing(tmp)).isEqualTo(before);
    }
}
