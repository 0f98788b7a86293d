package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one output folder at once: the second is refused at once (exit 2) while the first holds the folder's
 * lock, and the first's output is whole, not spliced from both (as events.csv once was).
 */
class ConcurrentRunsTest {
    private static final Set<String> RUN_JSON = Set.of("run.json");

    @TempDir
    Path tmp;
    Path scenario;
    Path out;

    @BeforeEach
    void scenario() throws Exception {
        scenario = TestScenarios.tasks(tmp);
        out = Files.createDirectories(tmp.resolve("runs")).resolve("out");
        assertThat(CliRun.ldist("simulate", scenario.toString(), "--seed", "1", "--out", out.toString(), "--quiet")
                .exitCode()).isZero();
    }

    private FolderState reference(String seed) {
        Path reference = tmp.resolve("reference-" + seed);
        assertThat(CliRun.ldist("simulate", scenario.toString(), "--seed", seed, "--out", reference.toString(),
                "--quiet").exitCode()).isZero();
        return FolderState.of(reference, RUN_JSON);
    }

    @Test
    void secondRunWhileTheFirstWrites_refusedAtOnce_firstOutputWhole() throws Exception {
        FolderState first = reference("2");
        ChildLdist running = ChildLdist.pausedAt("simulated", "simulate", scenario.toString(), "--seed", "2",
                "--out", out.toString(), "--force", "--quiet");
        String inUse = "output folder " + out + " is in use by another ldist run (process " + running.pid()
                + "); wait for it to end, or choose another folder with --out\n";

        CliRun simulate = CliRun.ldist("simulate", scenario.toString(), "--seed", "3", "--out", out.toString(),
                "--force");
        CliRun compare = CliRun.ldist("compare", scenario.toString(), "--out", out.toString(), "--force");

        for (CliRun refused : List.of(simulate, compare)) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(Ldist.BAD_INPUT);
            assertThat(refused.err()).isEqualTo(inUse);
        }
        running.resume();
        assertThat(running.awaitExit()).as(running.output()).isZero();
        FolderState.assertHolds(out, first, RUN_JSON, "the first run's output");
        FolderState.assertNothingLeftBeside(out);
    }

    /** A report rebuilt while a compare --force rewrites the folder: refused, and the comparison ends whole. */
    @Test
    void reportWhileCompareWrites_refusedAtOnce() throws Exception {
        Path compared = tmp.resolve("compared");
        assertThat(CliRun.ldist("compare", scenario.toString(), "--out", compared.toString(), "--quiet").exitCode())
                .isZero();
        ChildLdist running = ChildLdist.pausedAt("runs-written", "compare", scenario.toString(), "--seeds", "2",
                "--out", compared.toString(), "--force", "--quiet");

        CliRun report = CliRun.ldist("report", compared.toString());

        assertThat(report.exitCode()).as(report.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(report.err()).isEqualTo("output folder " + compared + " is in use by another ldist run (process "
                + running.pid() + "); wait for it to end, or choose another folder with --out\n");
        running.resume();
        assertThat(running.awaitExit()).as(running.output()).isZero();
        assertThat(CliRun.ldist("report", compared.toString(), "--quiet").exitCode()).isZero();
    }

    /** As users met it: two runs started together, unpaused. One may end before the other starts; none splices. */
    @Test
    void twoRunsStartedTogether_theFolderHoldsOneWholeOutput() throws Exception {
        FolderState two = reference("2");
        FolderState three = reference("3");
        for (int attempt = 0; attempt < 3; attempt++) {
            ChildLdist a = ChildLdist.start(List.of(), "simulate", scenario.toString(), "--seed", "2", "--out",
                    out.toString(), "--force", "--quiet");
            ChildLdist b = ChildLdist.start(List.of(), "simulate", scenario.toString(), "--seed", "3", "--out",
                    out.toString(), "--force", "--quiet");
            int exitA = a.awaitExit();
            int exitB = b.awaitExit();

            assertThat(List.of(exitA, exitB)).as(a.output() + b.output()).contains(0).allMatch(e -> e == 0 || e == 2);
            FolderState now = FolderState.of(out, RUN_JSON);
            assertThat(now).as("attempt " + attempt + ": the output of one run, whole").isIn(two, three);
            String seed = now.equals(two) ? "2" : "3";
            assertThat(out.resolve("run.json")).content().contains("\"seed\": " + seed);
            if (exitA == 2 || exitB == 2) {
                assertThat(exitA == 0 ? "2" : "3").as("the run that wrote is the one that exited 0").isEqualTo(seed);
            }
            FolderState.assertNothingLeftBeside(out);
        }
    }
}
