package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.reports.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code compare --force} and {@code report} killed for real at each step: runs/, results.csv and report.html are
 * swapped as one folder, so the folder is the earlier comparison or the new one, never new results beside old time
 * series or an old report, and {@code ldist report} can always rebuild the report afterwards.
 */
class InterruptedCompareTest {
    private static final Set<String> TIMINGS = Set.of("timings.csv");
    private static final Set<String> SWAPPED = Set.of("new-moved-in", "old-trashed");

    @TempDir
    Path tmp;
    Path scenario;
    Path out;
    FolderState earlier;

    @BeforeEach
    void earlierComparison() {
        scenario = TestScenarios.tasks(tmp);
        out = tmp.resolve("runs").resolve("out");
        assertThat(compare(out, "1").exitCode()).isZero();
        earlier = FolderState.of(out);
    }

    private CliRun compare(Path folder, String seeds) {
        return CliRun.ldist("compare", scenario.toString(), "--policies", "least-loaded,first-fit", "--seeds", seeds,
                "--threads", "1", "--out", folder.toString(), "--force", "--quiet");
    }

    /**
     * What the comparison with two seeds writes into {@code out}, made there (the report and provenance name the
     * command line, --out included) and then the earlier comparison put back.
     */
    private FolderState newComparisonInOut() throws IOException {
        Path kept = tmp.resolve("kept");
        FolderState.copy(out, kept);
        assertThat(compare(out, "2").exitCode()).isZero();
        FolderState next = FolderState.of(out, TIMINGS);
        FileTree.delete(out);
        FolderState.copy(kept, out);
        FileTree.delete(kept);
        assertThat(FolderState.of(out)).as("the earlier comparison, put back").isEqualTo(earlier);
        return next;
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging-created", "runs-written", "results.csv-written", "report-written", "staged",
            "old-moved-aside", "new-moved-in", "old-trashed"})
    void compareKilled_folderAllOldOrAllNew_andReportRebuildsIt(String step) throws Exception {
        FolderState next = newComparisonInOut();

        ChildLdist.pausedAt(step, "compare", scenario.toString(), "--policies", "least-loaded,first-fit", "--seeds",
                "2", "--threads", "1", "--out", out.toString(), "--force", "--quiet").kill();
        assertWholeOrAside(step, SWAPPED.contains(step), next);

        CliRun report = CliRun.ldist("report", out.toString(), "--quiet");

        assertThat(report.exitCode()).as(report.toString()).isZero();
        if (SWAPPED.contains(step)) {
            FolderState.assertHolds(out, next, TIMINGS, "killed at " + step + ", then report: all new");
        } else {
            FolderState.assertHolds(out, earlier, Set.of(), "killed at " + step + ", then report: all old");
        }
        FolderState.assertNothingLeftBeside(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs-written", "report-written", "old-moved-aside"})
    void compareTerminated_stagedRunsRemoved_orTheSwapFinished(String step) throws Exception {
        FolderState next = newComparisonInOut();

        ChildLdist.pausedAt(step, "compare", scenario.toString(), "--policies", "least-loaded,first-fit", "--seeds",
                "2", "--threads", "1", "--out", out.toString(), "--force", "--quiet").terminate();

        if (step.equals("old-moved-aside")) {
            FolderState.assertHolds(out, next, TIMINGS, "terminated inside the swap: all new");
        } else {
            FolderState.assertHolds(out, earlier, Set.of(), "terminated at " + step + ": all old");
        }
        FolderState.assertNothingLeftBeside(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"report-written", "staged", "old-moved-aside", "new-moved-in", "old-trashed"})
    void reportKilled_folderAllOldOrAllNew_andTheReportCanBeRebuilt(String step) throws Exception {
        Path reference = tmp.resolve("reference");
        FolderState.copy(out, reference);
        assertThat(CliRun.ldist("report", reference.toString(), "--test", "paired-t", "--quiet").exitCode()).isZero();
        FolderState next = FolderState.of(reference, TIMINGS);
        assertThat(next).as("the paired t test gives another report").isNotEqualTo(FolderState.of(out, TIMINGS));

        ChildLdist.pausedAt(step, "report", out.toString(), "--test", "paired-t", "--quiet").kill();
        assertWholeOrAside(step, SWAPPED.contains(step), next);

        CliRun report = CliRun.ldist("report", out.toString(), "--test", "paired-t", "--quiet");

        assertThat(report.exitCode()).as(report.toString()).isZero();
        FolderState.assertHolds(out, next, TIMINGS, "killed at " + step + ", then report again");
        assertThat(out.resolve("timings.csv")).hasSameBinaryContentAs(reference.resolve("timings.csv"));
        FolderState.assertNothingLeftBeside(out);
    }

    /** Right after the kill: the folder whole (old or new), or, between the swap's renames, the old one aside. */
    private void assertWholeOrAside(String step, boolean expectNew, FolderState next) throws Exception {
        if (step.equals("old-moved-aside")) {
            assertThat(out).doesNotExist();
            Path aside;
            try (var entries = Files.list(out.getParent())) {
                aside = entries.filter(p -> p.getFileName().toString().startsWith(".out.old-")).findFirst()
                        .orElseThrow();
            }
            FolderState.assertHolds(aside, earlier, Set.of(), "the earlier output, renamed aside");
        } else if (expectNew) {
            FolderState.assertHolds(out, next, TIMINGS, "killed at " + step + ": all new");
        } else {
            FolderState.assertHolds(out, earlier, Set.of(), "killed at " + step + ": all old");
        }
    }
}
