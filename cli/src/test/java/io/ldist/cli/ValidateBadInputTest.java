package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldist validate reports the same problems as simulate, with exit code 2, and writes nothing. */
class ValidateBadInputTest {
    @TempDir
    Path tmp;

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
    void validScenarios_valid() {
        CliRun tasks = CliRun.ldist("validate", TestScenarios.tasks(tmp).toString());
        CliRun trace = CliRun.ldist("validate", TestScenarios.trace(tmp).toString());

        assertThat(tasks.exitCode()).as(tasks.toString()).isZero();
        assertThat(tasks.out()).isEqualTo("valid: small-tasks (" + tmp.resolve("tasks.yaml") + "): 2 servers at start, "
                + "a generated task stream; placement least-loaded\n");
        assertThat(trace.exitCode()).as(trace.toString()).isZero();
        assertThat(trace.out()).isEqualTo("valid: small-trace (" + tmp.resolve("trace.yaml") + "): 3 servers at start, "
                + "4 VMs following 4 traces; placement pabfd\n");
    }

    @Test
    void malformedYaml_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    - name: box\n", "    - name: box\n     oops\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":9:6: malformed YAML: expected <block end>, but found "
                + "'<scalar>' (while parsing a block collection at line 8)\n");
    }

    @Test
    void repeatedKey_refusedNamingTheFirst() {
        Path scenario = TestScenarios.tasks(tmp, "seed: 7\n", "seed: 7\nseed: 8\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":3:1: seed: expected each key at most once in a mapping, "
                + "found 'seed' again (first at line 2)\n");
    }

    @Test
    void unknownPolicyName_refused() {
        Path scenario = TestScenarios.trace(tmp, "placement: pabfd", "placement: pabdf");

        assertThat(refused(scenario)).isEqualTo(scenario + ":22:3: policies.placement: expected a placement policy: "
                + "one of " + RegistryLists.orList(RegistryLists.PLACEMENT) + ", found 'pabdf'; "
                + "did you mean 'pabfd'?\n");
    }

    @Test
    void traceLineThatIsNotANumber_refused() {
        Path scenario = TestScenarios.trace(tmp);
        TestScenarios.replaceLine(tmp.resolve("trace/vm-01"), 17, "abc");

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: trace file "
                + tmp.resolve("trace/vm-01") + ":17: expected an integer CPU utilisation in percent (0-100), "
                + "found 'abc'\n");
    }

    @Test
    void setOfAnUnknownField_refusedAtTheSet() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario, "--set", "workload.pth=elsewhere")).isEqualTo("--set workload.pth=elsewhere: "
                + "workload.pth: expected one of the fields kind, format, path, vmTypes, ramModel, lifetime, arrivals, "
                + "task, csv, recovery, maxAttempts, maxWait, tierOrder or tiers, found unknown field 'pth'; did you mean 'path'?\n");
    }

    @Test
    void setIntoTheEmbeddedQuickstart_refusedAtTheSet() {
        CliRun run = CliRun.ldist("validate", "--set", "policies.scaling.scaleIn=0.9");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("--set policies.scaling.scaleIn=0.9: policies.scaling.scaleIn: expected a "
                + "threshold below scaleOut (0.8), found 0.9\n");
    }

    @Test
    void schemaMistakesAndLdistMistakes_reportedTogether() {
        Path scenario = TestScenarios.trace(tmp,
                "cores: 2", "cores: 0",
                "ram: 4GiB", "ram: 4 gigs",
                "path: trace", "path: missing",
                "vmSelection: mmt", "vmSelection: mmt\n  colour: blue");

        assertThat(refused(scenario)).isEqualTo(String.join("\n",
                scenario + ":9:7: fleet.hostTypes[0].cores: expected an integer >= 1, found 0",
                scenario + ":11:7: fleet.hostTypes[0].ram: expected a size with unit KiB, MiB, GiB, TiB, kB, MB, GB "
                        + "or TB, found '4 gigs'; did you mean 'GiB'?",
                scenario + ":19:3: workload.path: expected a folder of PlanetLab trace files (288 lines of integer "
                        + "CPU % each), found 'missing' (" + tmp.resolve("missing") + "), which does not exist",
                scenario + ":25:3: policies.colour: expected one of the fields scorer, weights, placement, overload, "
                        + "vmSelection, underload, idleHosts, scaling, failover, disruption or circuitBreaker, found unknown field "
                        + "'colour'")
                + "\n");
    }

    @Test
    void misspeltListOfHostTypes_noKnockOnProblemsWhereTypesAreUsed() {
        Path scenario = TestScenarios.tasks(tmp, "  hostTypes:", "  hostTyps:");

        assertThat(refused(scenario)).isEqualTo(scenario + ":7:3: fleet.hostTyps: expected one of the fields "
                + "maxVmsPerHost, hostTypes, catalogue, hosts, vmTypes, template or pools, found unknown field 'hostTyps'; "
                + "did you mean 'hostTypes'?\n");
    }

    @Test
    void misspeltWorkloadKind_noKnockOnProblemsAboutTheOtherKind() {
        Path scenario = TestScenarios.tasks(tmp, "kind: tasks", "kind: taks");

        assertThat(refused(scenario)).isEqualTo(scenario + ":26:3: workload.kind: expected one of 'vm-trace' or "
                + "'tasks', found 'taks'; did you mean 'tasks'?\n");
    }
}
