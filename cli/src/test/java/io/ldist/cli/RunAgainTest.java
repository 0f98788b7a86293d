package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running the same simulate command twice, as a new user does with the README's first command: the default folder
 * out/NAME is ldist's, so the second run replaces the first and says so; a folder that holds anything else, or
 * one named with --out, is still refused and left as it was.
 */
class RunAgainTest {
    @TempDir
    Path tmp;

    private ChildLdist simulate(String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "tasks.yaml"));
        args.addAll(List.of(more));
        return ChildLdist.startIn(tmp, List.of(), args.toArray(String[]::new));
    }

    @Test
    void theSameCommandTwice_replacesTheEarlierRunInTheDefaultFolder_andSaysSo() throws Exception {
        TestScenarios.tasks(tmp);
        ChildLdist first = simulate();
        assertThat(first.awaitExit()).as(first.output()).isZero();
        Path out = tmp.resolve("out").resolve("small-tasks");
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(first.output()).contains("Wrote out/small-tasks: summary.json, timeseries.csv, events.csv, run.json")
                .doesNotContain("replacing");

        ChildLdist second = simulate();

        assertThat(second.awaitExit()).as(second.output()).isZero();
        assertThat(second.output()).contains("Wrote out/small-tasks (replacing the earlier run there; give --out DIR to "
                + "keep runs apart): summary.json, timeseries.csv, events.csv, run.json");
        assertThat(FolderState.names(out)).containsExactly("events.csv", "run.json", "summary.json",
                "timeseries.csv");
        assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8)).isEqualTo(summary);
    }

    @Test
    void aDefaultFolderHoldingAFileOfTheUsers_refusedAndUntouched() throws Exception {
        TestScenarios.tasks(tmp);
        ChildLdist first = simulate();
        assertThat(first.awaitExit()).as(first.output()).isZero();
        Files.writeString(tmp.resolve("out/small-tasks/notes.txt"), "mine", StandardCharsets.UTF_8);
        Map<String, Long> before = TestScenarios.listing(tmp.resolve("out"));

        ChildLdist second = simulate();

        assertThat(second.awaitExit()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(second.output()).isEqualTo("output folder out/small-tasks is not empty; choose another with --out, "
                + "or add --force to replace the files of the same name in it\n");
        assertThat(TestScenarios.listing(tmp.resolve("out"))).isEqualTo(before);
    }

    @Test
    void anEarlierRunInAFolderNamedWithOut_isNotReplacedUnasked() throws Exception {
        TestScenarios.tasks(tmp);
        ChildLdist first = simulate("--out", "mine");
        assertThat(first.awaitExit()).as(first.output()).isZero();
        Map<String, Long> before = TestScenarios.listing(tmp.resolve("mine"));

        ChildLdist second = simulate("--out", "mine");

        assertThat(second.awaitExit()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(second.output()).startsWith("output folder mine is not empty");
        assertThat(TestScenarios.listing(tmp.resolve("mine"))).isEqualTo(before);
    }
}
