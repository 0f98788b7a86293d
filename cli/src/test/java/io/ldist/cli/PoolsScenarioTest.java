package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of pools (fleet.pools) from the shipped scenarios/tasks/cpu-gpu-pools.yaml: it runs and reports each
 * pool apart, and each mistake in its pools is refused with the field and line, before anything is written.
 */
class PoolsScenarioTest {
    @TempDir
    Path tmp;

    private Path scenario(String... replacements) throws IOException {
        String text = Files.readString(TestScenarios.SCENARIOS.resolve("tasks/cpu-gpu-pools.yaml"),
                StandardCharsets.UTF_8);
        return TestScenarios.write(tmp.resolve("pools.yaml"), text.replace("duration: 24h", "duration: 3h"),
                replacements);
    }

    /** Refused with nothing written: the output folder (inside the test folder) is not made either. */
    private String refused(Path scenario) {
        return CliRun.refusedLeaving(tmp, "simulate", scenario.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void aFleetOfPools_runs_andReportsEachPoolApart() throws IOException {
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario().toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  Pools\n    pool           peak  mean active   arrived     late  dropped "
                + "p95 wait (s)\n    cpu ").contains("\n    gpu ");
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        for (String metric : List.of("peakHosts", "activeHostsMean", "tasksArrived", "tasksStarted",
                "tasksCompleted", "tasksLate", "tasksDropped", "p50WaitS", "p95WaitS")) {
            assertThat(summary).contains("\"pool.cpu." + metric + "\"").contains("\"pool.gpu." + metric + "\"");
        }
    }

    @Test
    void aHostTypeInTwoPools_refusedAtTheSecond() throws IOException {
        Path scenario = scenario("hostTypes: [g4dn.metal]", "hostTypes: [g4dn.metal, m5.metal]");

        assertThat(refused(scenario)).isEqualTo(scenario + ":46:31: fleet.pools[1].hostTypes[1]: expected a host type "
                + "of no other pool (a server belongs to the pool of its type), found 'm5.metal', already in pool cpu\n");
    }

    @Test
    void serversOfATypeNoPoolHolds_refused() throws IOException {
        Path scenario = scenario("    - type: g4dn.metal\n      count: 1", "    - type: c5.metal\n      count: 1");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:7: fleet.hosts[2].type: expected a host type of one of "
                + "the pools (m5.metal, g4dn.metal), found 'c5.metal', which no pool's hostTypes lists\n");
    }

    @Test
    void aPoolBoundInPoliciesScaling_refusedThere() throws IOException {
        Path scenario = scenario("    step: 1\n", "    step: 1\n    maxHosts: 20\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":77:5: policies.scaling.maxHosts: expected no maxHosts "
                + "here with fleet.pools: each pool's scaling sets its own (fleet.pools[].scaling.maxHosts), found 20\n");
    }

    @Test
    void aPoolLaunchingAnotherPoolsType_refused() throws IOException {
        Path scenario = scenario("maxHosts: 8, standbyPool: 0}", "maxHosts: 8, standbyPool: 0, launchType: m5.metal}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":48:59: fleet.pools[1].scaling.launchType: expected one of "
                + "the pool's hostTypes (g4dn.metal), found 'm5.metal'\n");
    }

    @Test
    void aTemplateBesidePools_refused() throws IOException {
        Path scenario = scenario("  pools:\n", "  template: {vmType: worker, perHost: 3}\n  pools:\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":40:3: fleet.template: expected either fleet.template or "
                + "fleet.pools (each pool has its template), found both\n");
    }

    @Test
    void aPoolTemplateThatDoesNotFitItsServers_refused() throws IOException {
        Path scenario = scenario("template: {vmType: worker, perHost: 3}", "template: {vmType: gpu-worker, perHost: 3}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":43:18: fleet.pools[0].template.vmType: expected a VM type "
                + "that fits on every server of the pool, found 'gpu-worker', which does not fit on a 'm5.metal' server "
                + "(GPUs 0 for 2 each)\n");
    }

    @Test
    void aCsvTaskThatNoOnePoolsVmHolds_refusedNamingTheCsvLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), """
                arrivalS,cpuMips,ramMb,gpus,durationS
                0,1000,512,0,60
                30,90000,2048,1,120
                """, StandardCharsets.UTF_8);
        Path scenario = scenario();
        String text = Files.readString(scenario, StandardCharsets.UTF_8);
        Files.writeString(scenario, text.substring(0, text.indexOf("  arrivals:")) + "  csv: tasks.csv\n"
                + text.substring(text.indexOf("  recovery:")), StandardCharsets.UTF_8);

        assertThat(refused(scenario)).isEqualTo(scenario + ":52:3: workload.csv: task file " + csv + ":3: expected a "
                + "task that fits one 'worker' VM (fleet.pools[0].template) or one 'gpu-worker' VM "
                + "(fleet.pools[1].template), found cpuMips 90000 (of at most 79360)\n");
    }
}
