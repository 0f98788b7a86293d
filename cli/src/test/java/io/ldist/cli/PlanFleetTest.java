package io.ldist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static io.ldist.cli.TestScenarios.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

/** ldist plan-fleet on the shipped planning scenarios, and its bad input. */
class PlanFleetTest {
    @Test
    void greedyPlanOfTheMemoryBoundDay_isSoundAndAboveItsBound() throws Exception {
        CliRun run = CliRun.ldist("plan-fleet", SCENARIOS.resolve("planning/planetlab-3.5g.yaml").toString(),
                "--solver", "ffd", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("solver").asText()).isEqualTo("ffd");
        assertThat(plan.get("vms").asInt()).isEqualTo(1052);
        assertThat(plan.get("costPerHour").asDouble()).isGreaterThanOrEqualTo(plan.get("lowerBound").get("best")
                .asDouble());
        int assigned = 0;
        for (JsonNode server : plan.get("servers")) {
            assertThat(server.get("vms").size()).isBetween(1, 3);
            assigned += server.get("vms").size();
        }
        assertThat(assigned + plan.get("unplaced").size()).isEqualTo(1052);
        assertThat(plan.get("hosts").get("server-3.5g").asInt()).isEqualTo(plan.get("servers").size());
    }

    @Test
    void jspritImprovesOnTheGreedyPlanOfTheMemoryBoundDay() throws Exception {
        CliRun greedy = CliRun.ldist("plan-fleet", SCENARIOS.resolve("planning/planetlab-3.5g.yaml").toString(),
                "--solver", "ffd", "--json");
        CliRun jsprit = CliRun.ldist("plan-fleet", SCENARIOS.resolve("planning/planetlab-3.5g.yaml").toString(),
                "--solver", "jsprit", "--iterations", "100", "--json");
        assertThat(jsprit.exitCode()).as(jsprit.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(jsprit.out()).get("costPerHour").asDouble())
                .isLessThan(json.readTree(greedy.out()).get("costPerHour").asDouble());
    }

    @Test
    void aTaskStream_isRefusedWithTheReason() {
        CliRun run = CliRun.ldist("plan-fleet", "--solver", "ffd");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("plan-fleet sizes a fleet for VMs that follow traces");
    }

    @Test
    void anUnknownSolverOrPercentile_isRefused() {
        CliRun solver = CliRun.ldist("plan-fleet", "--solver", "cplex");
        assertThat(solver.exitCode()).isEqualTo(2);
        assertThat(solver.err()).contains("--solver: no fleet solver 'cplex'; there are ffd, bfd, lp, jsprit");
        CliRun percentile = CliRun.ldist("plan-fleet", "--percentile", "120");
        assertThat(percentile.exitCode()).isEqualTo(2);
        assertThat(percentile.err()).contains("--percentile: expected a number above 0 and at most 100");
    }
}
