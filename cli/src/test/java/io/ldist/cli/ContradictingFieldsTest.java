package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field the chosen kind does not read is refused, not ignored: the user would believe a setting in force that
 * is not. And --days finds the days beside the trace folder that every --set leaves, not the file's own.
 */
class ContradictingFieldsTest {
    @TempDir
    Path tmp;

    private String refused(String... args) {
        return CliRun.refusedLeaving(tmp, args);
    }

    private String simulateRefused(Path scenario, String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", scenario.toString(), "--out",
                tmp.resolve("out").toString()));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        return refused(args.toArray(String[]::new));
    }

    @Test
    void taskWorkloadWithBothCsvAndArrivals_refusedAtTheFieldsItWouldIgnore() throws IOException {
        Files.writeString(tmp.resolve("tasks.csv"), "arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n");
        Path scenario = TestScenarios.tasks(tmp, "  kind: tasks\n", "  kind: tasks\n  csv: tasks.csv\n");

        String why = "expected either 'csv' (tasks to replay) or 'arrivals' and 'task' (tasks to generate), not both: "
                + "a task workload replaying a CSV does not read ";
        assertThat(simulateRefused(scenario)).isEqualTo(scenario + ":28:3: workload.arrivals: " + why + "'arrivals', "
                + "found a mapping\n" + scenario + ":30:3: workload.task: " + why + "'task', found a mapping\n");
    }

    @Test
    void vmTraceWorkloadWithArrivals_refusedNamingTheFieldsItReads() {
        Path scenario = TestScenarios.trace(tmp, "  vmTypes: [tiny]\n", "  vmTypes: [tiny]\n  maxAttempts: 2\n");

        assertThat(simulateRefused(scenario)).isEqualTo(scenario + ":21:3: workload.maxAttempts: expected one of the "
                + "fields a vm-trace workload reads (kind, format, path, vmTypes, ramModel or lifetime), found field "
                + "'maxAttempts', which only task workloads read\n");
    }

    @Test
    void taskWorkloadWithATracePath_refused() {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "workload.path=trace")).isEqualTo("--set "
                + "workload.path=trace: workload.path: expected one of the fields a task workload reads (kind, csv, "
                + "arrivals, task, recovery, maxAttempts, maxWait, tiers or tierOrder), found field 'path', which only vm-trace "
                + "workloads read\n");
    }

    @Test
    void scalingNoneWithThresholds_refused() {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "policies.scaling={policy: none, scaleOut: 0.9}"))
                .isEqualTo("--set policies.scaling={policy: none, scaleOut: 0.9}: policies.scaling.scaleOut: "
                        + "expected no 'scaleOut' with scaling policy 'none' (a fixed fleet reads no scaling settings; "
                        + "set policy: threshold to use them), found 0.9\n");
    }

    // ------------------------------------------------------------ --days after --set

    private static void days(Path parent, String... names) {
        for (String name : names) {
            TestScenarios.traceFolder(parent.resolve(name));
        }
    }

    @Test
    void daysAll_resolvedBesideTheTraceFolderOfTheSet_notTheScenariosOwn() {
        Path scenario = TestScenarios.trace(tmp);
        days(tmp.resolve("other"), "20110409", "20110410");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--set",
                "workload.path=" + tmp.resolve("other/20110409"), "--days", "all", "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = TestScenarios.read(out.resolve("results.csv")).lines().skip(1).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(",20110409,");
        assertThat(lines.get(1)).contains(",20110410,");
    }

    @Test
    void namedDay_lookedForBesideTheTraceFolderOfTheSet() {
        Path scenario = TestScenarios.trace(tmp);
        days(tmp.resolve("other"), "20110409");

        assertThat(refused("compare", scenario.toString(), "--set", "workload.path=other/20110409", "--days",
                "20110303", "--out", tmp.resolve("out").toString())).isEqualTo("--days: no trace folder "
                + tmp.resolve("other/20110303") + " (days there: 20110409)\n");
    }

    @Test
    void daysBesideAFolderWhoseParentIsMissing_refusedWithoutAStackTrace() {
        Path scenario = TestScenarios.trace(tmp);

        String err = refused("compare", scenario.toString(), "--set", "workload.path=" + tmp.resolve("no/such/day"),
                "--days", "all", "--out", tmp.resolve("out").toString());

        assertThat(err).isEqualTo("--days: the days are the folders beside the trace folder " + tmp.resolve("no/such/day")
                + ", but " + tmp.resolve("no/such") + " is not a folder\n");
    }
}
