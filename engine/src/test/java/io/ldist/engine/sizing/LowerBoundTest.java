package io.ldist.engine.sizing;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LowerBoundTest {
    private static final HostType SERVER = new HostType("s", 2, 1000, 0, 4096, 1000, 0.10,
            new PowerCurve(80, 120), 0, 0);

    @Test
    void sevenVmsOfThreePerServerNeedThreeServers() {
        SizingProblem problem = new SizingProblem(vms(7, 100, 100), List.of(SERVER), 3, Map.of());
        assertThat(LowerBound.of(problem).cardinality()).isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FleetSolvers.byName("ffd", 0).solve(problem, 1).costPerHour(problem))
                .isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void memoryDecidesWhenItIsTheTightestResource() {
        // 5 VMs of 3000 MiB: one per 4096 MiB server, though three would fit by count and CPU.
        SizingProblem problem = new SizingProblem(vms(5, 100, 3000), List.of(SERVER), 3, Map.of());
        assertThat(LowerBound.of(problem).best()).isEqualTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FleetSolvers.byName("jsprit", 20).solve(problem, 1).servers()).hasSize(5);
    }

    @Test
    void aVmTooFastPerCoreForEveryTypeIsLeftOutAndSaid() {
        SizingProblem problem = new SizingProblem(vms(1, 1500, 100), List.of(SERVER), 3, Map.of());
        FleetPlan plan = FleetSolvers.byName("ffd", 0).solve(problem, 1);
        assertThat(plan.unplaced()).containsExactly(0);
        assertThat(plan.servers()).isEmpty();
        assertThat(FleetPlanCheck.violations(problem, plan)).isEmpty();
    }

    @Test
    void licencesCountInTheCostAndChooseTheType() {
        // The same server under two hypervisors: one licensed per host-hour, the other free but keeping more memory.
        HostType licensed = new HostType("licensed", 2, 1000, 0, 4096, 1000, 0.10, new PowerCurve(80, 120), 0, 0);
        HostType free = new HostType("free", 2, 1000, 0, 3584, 1000, 0.10, new PowerCurve(80, 120), 0, 0);
        CostModel costs = new CostModel(Map.of("licensed", new HostTypeCosts(0.05, 0, 0, 0)), 0, 0, 0, 0, 0, 0);
        SizingProblem problem = new SizingProblem(vms(6, 100, 1000), List.of(licensed, free), 3, Map.of(), costs);

        assertThat(problem.price(0)).isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(problem.price(1)).isEqualTo(0.10);
        FleetPlan plan = FleetSolvers.byName("ffd", 0).solve(problem, 1);
        assertThat(plan.servers()).allMatch(server -> server.type() == 1);
        assertThat(plan.costPerHour(problem)).isEqualTo(0.20, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static List<VmDemand> vms(int count, double cpu, double ram) {
        List<VmDemand> vms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vms.add(new VmDemand("vm-" + i, 1, new Resources(cpu, 0, ram, 10)));
        }
        return vms;
    }
}
