package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while ldist writes: it says so, in those words and with the file, exits 1, and leaves nothing
 * behind (no temporary file to keep the disk full), an earlier output as it was. A test cannot fill a disk nor mount
 * a small one, so the disk is made to fill up by the test hook {@code ldist.test.diskFullAfterBytes} (in the sim
 * module's writers), which fails writes with the IOException Linux gives: "No space left on device".
 */
class DiskFullTest {
    private static final String HOOK = "ldist.test.diskFullAfterBytes";

    @TempDir
    Path tmp;

    @AfterEach
    void diskFreeAgain() {
        System.clearProperty(HOOK);
    }

    @Test
    void simulate_saysNoSpaceLeft_andLeavesTheEarlierOutputAsItWas() throws Exception {
        // The quickstart's events fill the writer's buffer during the run: the full disk shows in events.csv first.
        Path out = Files.createDirectories(tmp.resolve("runs")).resolve("out");
        assertThat(CliRun.ldist("simulate", "--seed", "1", "--out", out.toString(), "--quiet").exitCode()).isZero();
        FolderState earlier = FolderState.of(out);
        Map<String, Long> before = TestScenarios.listing(tmp);

        System.setProperty(HOOK, "0");
        CliRun run = CliRun.ldist("simulate", "--seed", "2", "--out", out.toString(), "--force");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.FAILURE);
        assertThat(run.err()).isEqualTo("ldist: no space left on device while writing " + out.resolve("events.csv")
                + "; nothing of this run was kept (an earlier output in the folder is as it was): free some space "
                + "and run again\n");
        assertThat(TestScenarios.listing(tmp)).as("nothing left behind").isEqualTo(before);
        FolderState.assertHolds(out, earlier, java.util.Set.of(), "the earlier output");
    }

    @Test
    void compare_saysNoSpaceLeft_andLeavesNoFolder() {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("compared");
        Map<String, Long> before = TestScenarios.listing(tmp);

        System.setProperty(HOOK, "0");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--seeds", "2", "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.FAILURE);
        assertThat(run.err()).startsWith("ldist: no space left on device while writing " + out.resolve("runs"))
                .endsWith("free some space and run again\n");
        before.put(".compared.lock", 0L); // the lock file stays, empty (see OutputLock)
        assertThat(TestScenarios.listing(tmp)).as("nothing left behind").isEqualTo(before);
    }
}
