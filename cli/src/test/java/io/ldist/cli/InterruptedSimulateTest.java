package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code simulate --force} over an earlier output, killed for real at each step of writing the new one (after each
 * file is written into the staging folder, after each rename of the swap): the folder is all the earlier output or
 * all the new one, never a mix, and nothing of the run is left beside it once ldist has run there again. SIGTERM
 * and SIGINT need no second run: the shutdown hook removes what was staged, or lets a swap under way end.
 */
class InterruptedSimulateTest {
    private static final Set<String> RUN_JSON = Set.of("run.json");
    /** Steps at which the new output is in place: after the rename that puts it there. */
    private static final Set<String> SWAPPED = Set.of("new-moved-in", "old-trashed");
    /** Steps inside the swap, which SIGTERM lets finish. */
    private static final Set<String> SWAP = Set.of("staged", "old-moved-aside", "new-moved-in", "old-trashed");

    @TempDir
    Path tmp;
    Path scenario;
    Path out;
    FolderState earlier;
    FolderState next;

    @BeforeEach
    void earlierAndNextOutputs() throws Exception {
        scenario = TestScenarios.tasks(tmp);
        out = Files.createDirectories(tmp.resolve("runs")).resolve("out");
        assertThat(CliRun.ldist("simulate", scenario.toString(), "--seed", "1", "--out", out.toString(), "--quiet")
                .exitCode()).isZero();
        Files.writeString(out.resolve("notes.txt"), "kept by --force", StandardCharsets.UTF_8);
        earlier = FolderState.of(out);

        Path reference = tmp.resolve("reference");
        assertThat(CliRun.ldist("simulate", scenario.toString(), "--seed", "2", "--out", reference.toString(),
                "--quiet").exitCode()).isZero();
        Files.writeString(reference.resolve("notes.txt"), "kept by --force", StandardCharsets.UTF_8);
        next = FolderState.of(reference, RUN_JSON);
        assertThat(FolderState.of(out, RUN_JSON)).as("the two runs differ").isNotEqualTo(next);
    }

    private ChildLdist simulatePausedAt(String step) throws Exception {
        return ChildLdist.pausedAt(step, "simulate", scenario.toString(), "--seed", "2", "--out", out.toString(),
                "--force", "--quiet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging-created", "simulated", "summary.json-written", "timeseries.csv-written",
            "run.json-written", "events.csv-written", "staged", "old-moved-aside", "new-moved-in", "old-trashed"})
    void killed_folderAllOldOrAllNew_andTheNextRunClearsWhatWasLeft(String step) throws Exception {
        simulatePausedAt(step).kill();

        if (step.equals("old-moved-aside")) {
            // The one instant the name is free: the earlier output, whole, waits beside it to be renamed back.
            assertThat(out).doesNotExist();
            Path aside = FolderState.names(out.getParent()).stream().filter(n -> n.startsWith(".out.old-"))
                    .map(out::resolveSibling).findFirst().orElseThrow();
            FolderState.assertHolds(aside, earlier, Set.of(), "the earlier output, renamed aside");
        } else {
            assertAllOldOrAllNew(step, SWAPPED.contains(step), "right after the kill");
        }

        // Any ldist run on the folder puts things right first; this one is then refused, the folder not being empty.
        CliRun again = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(again.err()).startsWith("output folder " + out + " is not empty");
        assertAllOldOrAllNew(step, SWAPPED.contains(step), "after the next run");
        FolderState.assertNothingLeftBeside(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging-created", "simulated", "summary.json-written", "events.csv-written", "staged",
            "old-moved-aside", "new-moved-in", "old-trashed"})
    void terminated_stagedFilesRemoved_orTheSwapUnderWayFinished(String step) throws Exception {
        simulatePausedAt(step).terminate();

        assertAllOldOrAllNew(step, SWAP.contains(step), "after SIGTERM");
        FolderState.assertNothingLeftBeside(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulated", "old-moved-aside"})
    void interruptedByCtrlC_asTerminated(String step) throws Exception {
        simulatePausedAt(step).interrupt();

        assertAllOldOrAllNew(step, SWAP.contains(step), "after SIGINT");
        FolderState.assertNothingLeftBeside(out);
    }

    private void assertAllOldOrAllNew(String step, boolean expectNew, String when) {
        if (expectNew) {
            FolderState.assertHolds(out, next, RUN_JSON, "killed at " + step + ", " + when + ": all new");
            assertThat(out.resolve("run.json")).content().contains("\"seed\": 2");
        } else {
            FolderState.assertHolds(out, earlier, Set.of(), "killed at " + step + ", " + when + ": all old");
        }
    }
}
