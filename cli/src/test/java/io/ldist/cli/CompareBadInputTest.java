package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ldist compare refuses bad input before any run starts: exit code 2, a message that names the mistake, and
 * nothing written (an earlier comparison in the output folder stays as it was).
 */
class CompareBadInputTest {
    @TempDir
    Path tmp;

    private String refused(String... args) {
        Map<String, Long> before = listing(tmp);
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));

        CliRun run = CliRun.ldist(all.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    @Test
    void unknownPolicy_namesTheNotationAndTheNearestPolicy() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario.toString(), "--policies", "thr-mmt-0.8,iqr-mtt", "--out", out()))
                .isEqualTo("--policies: 'iqr-mtt' is not a policy: expected " + RegistryLists.studyNotation()
                        + "; did you mean 'iqr-mmt'?\n");
    }

    @Test
    void severalUnknownPolicies_allListed_withTheNearestOfEach() {
        Path scenario = TestScenarios.trace(tmp);
        String expected = "expected " + RegistryLists.studyNotation();

        assertThat(refused(scenario.toString(), "--policies", "thr-mmt-0.8,thr-xyz-0.8,pabfdd,thr-mmtt-0.8",
                "--out", out())).isEqualTo(
                "--policies: 'thr-xyz-0.8' is not a policy: " + expected + "\n"
                        + "--policies: 'pabfdd' is not a policy: " + expected + "; did you mean 'pabfd'?\n"
                        + "--policies: 'thr-mmtt-0.8' is not a policy: " + expected
                        + "; did you mean 'thr-mmt-0.8'?\n");
    }

    @Test
    void aParameterThatIsNotANumber_refusedAsThePolicyWritten() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario.toString(), "--policies", "thr-mmt-foo", "--out", out()))
                .startsWith("--policies: 'thr-mmt-foo' is not a policy: expected detector-selector[-parameter] ");
    }

    @Test
    void twoScenariosOfOneName_underTheSamePolicies_refused() {
        Path first = TestScenarios.tasks(tmp);
        Path second = TestScenarios.tasks(tmp.resolve("copy"));

        assertThat(refused(first.toString(), second.toString(), "--policies", "first-fit,best-fit", "--out", out())).isEqualTo(first + " and " + second
                + " are both named 'small-tasks': give each scenario its own name (field 'name') so that the results "
                + "can tell them apart\n");
    }

    @Test
    void unknownPoliciesOfASweepFile_listedWithTheirLines() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.6, 0.7]
                policies: [thr-mmt, thr-muu, iqr-xyz]
                """);

        assertThat(refused(scenario.toString(), "--sweep", sweep.toString(), "--out", out())).isEqualTo(
                sweep + ":3:21: policies[1]: expected a policy: " + RegistryLists.studyNotation()
                        + ", found 'thr-muu'; did you mean 'thr-mu'?\n"
                        + sweep + ":3:30: policies[2]: expected a policy: " + RegistryLists.studyNotation()
                        + ", found 'iqr-xyz'\n");
    }

    @Test
    void policiesAndSweepTogether_refused() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), "parameter: seed\nvalues: [1, 2]\n");

        assertThat(refused(scenario.toString(), "--policies", "thr-mmt", "--sweep", sweep.toString(), "--out", out()))
                .isEqualTo("choose either --policies or --sweep, not both\n");
    }

    @Test
    void daysForATaskScenario_refused() {
        Path scenario = TestScenarios.tasks(tmp);

        assertThat(refused(scenario.toString(), "--days", "all", "--out", out()))
                .isEqualTo("--days applies to vm-trace scenarios, and " + scenario + " has no workload.path\n");
    }

    @Test
    void missingDay_refusedNamingTheTraceFolder() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario.toString(), "--days", "20110303", "--out", out()))
                .isEqualTo("--days: no trace folder " + tmp.resolve("20110303") + " (days there: trace)\n");
    }

    @Test
    void sweepFileMistakes_allReportedWithTheirLines() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                value: [0.6, 0.7]
                """);

        assertThat(refused(scenario.toString(), "--sweep", sweep.toString(), "--out", out())).isEqualTo(
                sweep + ":1:1: values: expected a list of one or more values, found nothing\n"
                        + sweep + ":2:1: value: expected one of parameter, values, policies, found unknown field 'value'; did you mean 'values'?\n");
    }

    @Test
    void sweptValueTheScenarioRefuses_reportedBeforeAnyRun() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.8, high]
                """);

        assertThat(refused(scenario.toString(), "--sweep", sweep.toString(), "--out", out())).isEqualTo(sweep
                + ":2:15: values[1]: expected a share in (0, 1] for the threshold of thr, found 'high'\n");
    }

    @Test
    void aSweptScenarioFieldThatIsMisspeltOrRefused_namesTheSweepFilesLine_onceForAllValues() {
        Path scenario = TestScenarios.tasks(tmp);
        Path misspelt = TestScenarios.write(tmp.resolve("misspelt.yaml"), """
                parameter: fleet.maxVmPerHost
                values: [2, 3]
                """);
        Path refusedValues = TestScenarios.write(tmp.resolve("values.yaml"), """
                parameter: fleet.maxVmsPerHost
                values: [2, many, 0]
                """);

        assertThat(refused(scenario.toString(), "--sweep", misspelt.toString(), "--out", out()))
                .startsWith(misspelt + ":1:1: parameter: expected ")
                .contains("found unknown field 'maxVmPerHost' in fleet.maxVmPerHost; did you mean 'maxVmsPerHost'?")
                .doesNotContain("--set").hasLineCount(1);
        assertThat(refused(scenario.toString(), "--sweep", refusedValues.toString(), "--out", out()))
                .contains(refusedValues + ":2:13: values[1]: expected ", " for fleet.maxVmsPerHost, found 'many'\n")
                .contains(refusedValues + ":2:19: values[2]: expected an integer >= 1 for fleet.maxVmsPerHost, found 0\n").doesNotContain("--set");
    }

    @Test
    void aBadSetBesideASweep_staysTheSetsProblem() {
        Path scenario = TestScenarios.tasks(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: fleet.maxVmsPerHost
                values: [2, 3]
                """);

        assertThat(refused(scenario.toString(), "--sweep", sweep.toString(), "--set", "seed=x", "--out", out()))
                .startsWith("--set seed=x: seed: expected ").doesNotContain(sweep.toString());
    }

    @Test
    void zeroSeeds_refused() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario.toString(), "--seeds", "0", "--out", out()))
                .isEqualTo("--seeds: expected an integer from 1 to 10,000, found 0\n");
    }

    @Test
    void badPolicyInto_anEarlierComparison_leavesItUntouched() {
        Path scenario = TestScenarios.trace(tmp);
        CliRun first = CliRun.ldist("compare", scenario.toString(), "--out", out(), "--quiet");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        refused(scenario.toString(), "--policies", "nonsense", "--out", out(), "--force");
    }

    @Test
    void nonEmptyOutputFolderWithoutForce_refused() {
        Path scenario = TestScenarios.trace(tmp);
        CliRun first = CliRun.ldist("compare", scenario.toString(), "--out", out(), "--quiet");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        assertThat(refused(scenario.toString(), "--out", out())).isEqualTo("output folder " + out()
                + " is not empty; choose another with --out, or add --force to replace the files of the same name "
                + "in it\n");
    }
}
