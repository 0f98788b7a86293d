package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path no file system can hold (a NUL in it, from a --set or a YAML escape) is refused at its field, exit 2,
 * by validate, simulate and compare's --days alike, instead of failing deep inside with InvalidPathException
 * (found by InputFuzzProperties).
 */
class PathFieldsTest {
    @TempDir
    Path tmp;

    @Test
    void aTracePathWithANul_isRefusedAtItsField_byEveryCommand() {
        Path scenario = TestScenarios.trace(tmp);
        String set = "workload.path=\"a\\0b\"";
        String expected = "--set " + set + ": workload.path: expected a file or folder path, found 'a\\u0000b', "
                + "which holds a character no path may hold\n";

        assertThat(refused("validate", scenario.toString(), "--set", set)).isEqualTo(expected);
        assertThat(refused("simulate", scenario.toString(), "--set", set, "--out", tmp.resolve("o").toString()))
                .isEqualTo(expected);
        assertThat(refused("compare", scenario.toString(), "--set", set, "--days", "all", "--out",
                tmp.resolve("c").toString())).isEqualTo(expected);
    }

    @Test
    void aTaskCsvPathWithANul_isRefusedAtItsField() {
        Path scenario = TestScenarios.tasks(tmp);
        String err = refused("validate", scenario.toString(), "--set",
                "workload={kind: tasks, csv: \"x\\0.csv\"}");

        assertThat(err).contains("workload.csv: expected a file or folder path, found 'x\\u0000.csv'");
    }

    private String refused(String... args) {
        String err = CliRun.refusedLeaving(tmp, args);
        assertThat(err).doesNotContain("Exception");
        return err;
    }
}
