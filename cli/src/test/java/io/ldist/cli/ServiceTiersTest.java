package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service tiers of a task stream: gold is served before bronze under pressure, each tier is measured apart, a
 * tier's wait objective scales the fleet out, and every mistake in the tiers or a CSV's tier column is refused
 * with its file, line and field before anything is written.
 */
class ServiceTiersTest {
    private static final String TIERS = """
              tiers:
                - {name: bronze, share: 70%, weight: 1}
                - {name: gold, share: 30%, weight: 10, wait: 1m}
            policies:
            """;
    /** Four times the arrivals two servers carry: a queue builds and the tiers differ in it. */
    private static final String PRESSED = "perHour: 400";

    @TempDir
    Path tmp;

    @Test
    void underPressure_goldWaitsLessThanBronze_andTheTiersAddUpToTheWhole() throws IOException {
        Path scenario = TestScenarios.tasks(tmp, "perHour: 60", PRESSED, "policies:\n", TIERS,
                "duration: 2m", "duration: 4m");

        JsonNode summary = simulate(scenario, "out");

        JsonNode gold = tier(summary, "gold");
        JsonNode bronze = tier(summary, "bronze");
        assertThat(summary.get("tier.gold.p95WaitS").asDouble())
                .isLessThan(summary.get("tier.bronze.p95WaitS").asDouble() / 4);
        for (String metric : new String[] {"tasksArrived", "tasksCompleted", "tasksLate", "tasksDropped"}) {
            assertThat(gold.get(metric).asLong() + bronze.get(metric).asLong()).as(metric)
                    .isEqualTo(summary.get(metric).asLong());
        }
        // about 30 % gold, drawn by share
        double goldShare = gold.get("tasksArrived").asDouble() / summary.get("tasksArrived").asDouble();
        assertThat(goldShare).isBetween(0.22, 0.38);
        assertThat(summary.has("tier.gold.startedInTime")).isTrue();
        assertThat(summary.has("tier.bronze.startedInTime")).as("bronze has no wait objective").isFalse();
    }

    @Test
    void servedInArrivalOrder_theSameTasksArrive_andGoldLosesItsHeadStart() throws IOException {
        Path byWeight = TestScenarios.tasks(tmp, "perHour: 60", PRESSED, "policies:\n", TIERS,
                "duration: 2m", "duration: 4m");
        JsonNode weighted = simulate(byWeight, "weight");
        Path byArrival = TestScenarios.tasks(tmp, "perHour: 60", PRESSED, "policies:\n",
                "  tierOrder: arrival\n" + TIERS, "duration: 2m", "duration: 4m");
        JsonNode arrival = simulate(byArrival, "arrival");

        assertThat(arrival.get("tier.gold.tasksArrived")).isEqualTo(weighted.get("tier.gold.tasksArrived"));
        assertThat(arrival.get("tasksArrived")).isEqualTo(weighted.get("tasksArrived"));
        assertThat(arrival.get("tier.gold.p95WaitS").asDouble())
                .isGreaterThan(2 * weighted.get("tier.gold.p95WaitS").asDouble());
    }

    @Test
    void aTierWaitObjective_scalesOutWhereTheLoadThresholdAloneWouldNot() throws IOException {
        // Scale out only past 99 % load: the load rule alone hardly ever adds a server.
        String scaling = """
                policies:
                  placement: least-loaded
                  scaling: {policy: threshold, scaleOut: 0.99, scaleIn: 0.01, window: 30m, cooldown: 30m,
                            minHosts: 2, maxHosts: 6, step: 1}
                """;
        String hostsAndTiers = "    - type: box\n      count: 2\n      state: standby\n";
        Path withObjective = TestScenarios.tasks(tmp, "perHour: 60", PRESSED, "policies:\n  placement: least-loaded\n",
                TIERS.replace("policies:\n", "") + scaling, "      count: 2\n", "      count: 2\n" + hostsAndTiers,
                "duration: 2m", "duration: 4m");
        JsonNode with = simulate(withObjective, "with");
        Path withoutObjective = TestScenarios.tasks(tmp, "perHour: 60", PRESSED,
                "policies:\n  placement: least-loaded\n", TIERS.replace(", wait: 1m", "").replace("policies:\n", "")
                        + scaling, "      count: 2\n", "      count: 2\n" + hostsAndTiers, "duration: 2m",
                "duration: 4m");
        JsonNode without = simulate(withoutObjective, "without");

        assertThat(with.get("activeHostsMean").asDouble()).isGreaterThan(without.get("activeHostsMean").asDouble());
        assertThat(with.get("p95WaitS").asDouble()).isLessThan(without.get("p95WaitS").asDouble());
    }

    @Test
    void sharesThatDoNotAddUp_refusedAtTheTiers() {
        Path scenario = TestScenarios.tasks(tmp, "policies:\n", TIERS.replace("70%", "60%"));

        assertThat(refused(scenario)).isEqualTo(scenario + ":32:3: workload.tiers: expected tier shares that add "
                + "up to 100%, found shares adding up to 90%\n");
    }

    @Test
    void aRepeatedTierName_andAMaxWaitWithinTheWaitObjective_refusedTogether() {
        Path scenario = TestScenarios.tasks(tmp, "policies:\n", TIERS.replace("name: bronze", "name: gold")
                .replace("wait: 1m}", "wait: 1m, maxWait: 30s}"));

        assertThat(refused(scenario)).isEqualTo(
                scenario + ":34:8: workload.tiers[1].name: expected a tier name not used by another "
                        + "tier, found 'gold' again\n"
                        + scenario + ":34:54: workload.tiers[1].maxWait: expected a maxWait longer than the tier's "
                        + "wait objective 1m, found 30s\n");
    }

    @Test
    void aTierOrderWithoutTiers_refused() {
        Path scenario = TestScenarios.tasks(tmp, "policies:\n", "  tierOrder: arrival\npolicies:\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":32:3: workload.tierOrder: expected service tiers "
                + "(workload.tiers) for an order to apply to, found no tiers\n");
    }

    @Test
    void aCsvTierColumn_namesTheTier_andAnUnknownNameIsRefusedAtItsLine() throws IOException {
        Path csv = tmp.resolve("tasks.csv");
        Files.writeString(csv, "arrivalS,cpuMips,ramMb,gpus,durationS,tier\n0,1000,1024,0,60,gold\n"
                + "1,1000,1024,0,60,\n2,1000,1024,0,60,glod\n");
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: tasks.csv\n", "policies:\n", TIERS);

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + csv + ":4: tier: "
                + "expected one of the workload's tiers (gold, bronze), found 'glod'; did you mean 'gold'?\n");

        Files.writeString(csv, "arrivalS,cpuMips,ramMb,gpus,durationS,tier\n0,1000,1024,0,60,gold\n"
                + "1,1000,1024,0,60,\n");
        JsonNode summary = simulate(scenario, "csv");
        assertThat(summary.get("tier.gold.tasksArrived").asLong() + summary.get("tier.bronze.tasksArrived").asLong())
                .isEqualTo(2);
        assertThat(summary.get("tier.gold.tasksArrived").asLong()).isPositive();
    }

    @Test
    void aCsvTierColumnWithoutTiers_refused() throws IOException {
        Path csv = tmp.resolve("tasks.csv");
        Files.writeString(csv, "arrivalS,cpuMips,ramMb,gpus,durationS,tier\n0,1000,1024,0,60,gold\n");
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: tasks.csv\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + csv + ":1: "
                + "expected no tier column: the workload has no tiers (add workload.tiers, or leave the column out)\n");
    }

    @Test
    void aTierSlo_isJudgedOnTheTiersOwnTasks() throws IOException {
        // gold: median 23 s, p95 71 s; bronze: median 473 s. Each bound is judged on the tier's own tasks.
        Path scenario = TestScenarios.tasks(tmp, "perHour: 60", PRESSED, "policies:\n", TIERS,
                "duration: 2m", "duration: 4m");
        Path out = tmp.resolve("cmp");

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--out", out.toString(), "--quiet",
                "--slo", "tier.gold.p50WaitS<=100", "--slo", "tier.bronze.p50WaitS<=100");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("<h2>Service tiers</h2>").contains("<code>tier.gold.p50WaitS&lt;=100</code>")
                .contains("<td>met</td>").contains("<td>missed on 1 of 1</td>");
    }

    private JsonNode simulate(Path scenario, String folder) throws IOException {
        Path out = tmp.resolve(folder);
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Service tiers");
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static JsonNode tier(JsonNode summary, String name) {
        com.fasterxml.jackson.databind.node.ObjectNode tier = new ObjectMapper().createObjectNode();
        summary.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("tier." + name + ".")) {
                tier.set(e.getKey().substring(("tier." + name + ".").length()), e.getValue());
            }
        });
        return tier;
    }

    private String refused(Path scenario) {
        Map<String, Long> before = listing(tmp);
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("never").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(listing(tmp)).isEqualTo(before);
        return run.err();
    }
}
