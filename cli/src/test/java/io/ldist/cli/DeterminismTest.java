package io.ldist.cli;

import static io.ldist.cli.TestScenarios.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario and seed give the same bytes; run.json is the only file allowed to differ. */
class DeterminismTest {
    private static final List<String> DETERMINISTIC_FILES = List.of("summary.json", "timeseries.csv", "events.csv");

    @TempDir
    Path tmp;

    @Test
    void quickstartTwiceWithTheSameSeed_byteIdenticalFiles() {
        Path first = simulate("first");
        Path second = simulate("second");

        for (String file : DETERMINISTIC_FILES) {
            assertThat(second.resolve(file)).as(file).hasSameBinaryContentAs(first.resolve(file));
        }
    }

    @Test
    void quickstartWithAnotherSeed_differentSummary() {
        Path seed42 = simulate("seed42");
        Path seed43 = simulate("seed43", "--seed", "43");

        assertThat(TestScenarios.read(seed43.resolve("summary.json")))
                .isNotEqualTo(TestScenarios.read(seed42.resolve("summary.json")));
        assertThat(TestScenarios.read(seed43.resolve("run.json"))).contains("\"seed\": 43,");
    }

    @Test
    void seedOptionEqualToTheScenarioSeed_sameFilesAsWithout() {
        Path plain = simulate("plain");
        Path explicit = simulate("explicit", "--seed", "42");

        for (String file : DETERMINISTIC_FILES) {
            assertThat(explicit.resolve(file)).as(file).hasSameBinaryContentAs(plain.resolve(file));
        }
    }

    @Test
    void planetLabReferenceTwice_byteIdenticalFiles() {
        String scenario = SCENARIOS.resolve("planetlab/thr-mmt-0.8.yaml").toString();
        Path first = simulate("first", scenario);
        Path second = simulate("second", scenario);

        for (String file : DETERMINISTIC_FILES) {
            assertThat(second.resolve(file)).as(file).hasSameBinaryContentAs(first.resolve(file));
        }
    }

    private Path simulate(String folder, String... arguments) {
        Path out = tmp.resolve(folder);
        String[] args = new String[arguments.length + 4];
        args[0] = "simulate";
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        args[arguments.length + 1] = "--quiet";
        args[arguments.length + 2] = "--out";
        args[arguments.length + 3] = out.toString();
        CliRun run = CliRun.ldist(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out;
    }
}
