package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Affinity rules a run could not honour are refused where they were written, before any work. */
class AffinityBadInputTest {
    private static final String LAST_LINE = "  underload: least-utilized\n";

    @TempDir
    Path tmp;

    /** The small trace scenario (series vm-01 to vm-04) with {@code rules} as its affinity section, from line 28. */
    private Path withRules(String rules, String... replacements) {
        List<String> edits = new ArrayList<>(List.of(LAST_LINE, LAST_LINE + "affinity:\n" + rules));
        edits.addAll(List.of(replacements));
        return TestScenarios.trace(tmp, edits.toArray(String[]::new));
    }

    private String refused(Path scenario, String... options) {
        Map<String, Long> before = listing(tmp);
        List<String> args = new ArrayList<>(List.of("validate", scenario.toString()));
        args.addAll(List.of(options));

        CliRun run = CliRun.ldist(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(listing(tmp)).isEqualTo(before);
        return run.err();
    }

    @Test
    void seriesGlobMatchingNoSeries_refusedAtTheGlob() {
        Path scenario = withRules("  - {name: web, rule: apart, series: [vm-0*, web-*]}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:46: affinity[0].series[1]: expected a series name or glob matching at least one "
                + "of the trace's 4 series (such as 'vm-01'), found 'web-*', which matches none\n");
    }

    @Test
    void apartRuleContradictedByTwoTogetherRules_refusedNamingThem() {
        Path scenario = withRules("""
                  - {name: front, rule: together, series: [vm-01, vm-02]}
                  - {name: back, rule: together, series: [vm-02, vm-03]}
                  - {name: spread, rule: apart, series: [vm-01, vm-03]}
                """);

        assertThat(refused(scenario)).isEqualTo(scenario + ":29:5: affinity[2]: expected an apart rule that no together rule contradicts, found "
                + "'vm-01' and 'vm-03' kept apart by spread but on one server by together rule(s) back, front\n");
    }

    @Test
    void weightOutOfRange_refused() {
        Path scenario = withRules("  - {name: web, rule: apart, weight: 1.5}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:30: affinity[0].weight: expected a number <= 1, found 1.5\n");
    }

    @Test
    void replicaBeyondTheScale_refused() {
        Path scenario = withRules("  - {name: web, rule: apart, replicas: [0, 2], groupBy: series}\n");

        assertThat(refused(scenario, "--scale=2")).isEqualTo(scenario + ":27:44: affinity[0].replicas[1]: expected a replica from 0 to 1 (scale is 2), found 2\n");
    }

    @Test
    void replicasOfEachSeriesWithoutReplicas_refusedAsGroupsOfOne() {
        Path scenario = withRules("  - {name: web, rule: apart, groupBy: series}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:5: affinity[0]: expected groups of at least two VMs to keep apart, found groups "
                + "of one VM (4 series x 1 replicas, groupBy: series)\n");
    }

    @Test
    void hardTogetherGroupOverTheVmLimit_refused() {
        Path scenario = withRules("  - {name: all, rule: together}\n", "maxVmsPerHost: unlimited",
                "maxVmsPerHost: 3");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:5: affinity[0]: expected hard together groups of at most fleet.maxVmsPerHost (3) "
                + "VMs, or a weight to make the rule soft, found groups of 4 VMs, which no server may hold\n");
    }

    @Test
    void unknownRuleKind_refusedBySchema() {
        Path scenario = withRules("  - {name: db, rule: near}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:16: affinity[0].rule: expected one of 'together' or "
                + "'apart', found 'near'\n");
    }

    @Test
    void ruleNameUsedTwice_refusedAtTheSecond() {
        Path scenario = withRules("""
                  - {name: web, rule: apart}
                  - {name: web, rule: apart, series: "vm-0?"}
                """);

        assertThat(refused(scenario)).isEqualTo(scenario + ":28:6: affinity[1].name: expected a name no other "
                + "affinity rule has, found 'web', used twice\n");
    }

    @Test
    void rulesWithATaskWorkload_refused() {
        Path scenario = TestScenarios.tasks(tmp, "  placement: least-loaded\n",
                "  placement: least-loaded\naffinity:\n  - {name: web, rule: apart}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":34:1: affinity: expected no affinity rules with a task workload (they select the VMs of "
                + "a vm-trace workload; task VMs are made and removed by the engine), found a list of 1 item\n");
    }

    @Test
    void replicasApart_runWithNoHardRuleBroken() {
        Path scenario = withRules("  - {name: replicas, rule: apart, groupBy: series}\n");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--scale=2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("hard affinity rules broken                      0 rule-intervals");
    }
}
