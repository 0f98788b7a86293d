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
    void linearRelaxation_findsTheCheapestOfThreeLikeTypes_whereTheSimplexStopsShort() {
        // commons-math's simplex returns 0.02 for this LP (the first type); its dual gives the true 0.01.
        List<HostType> types = new ArrayList<>();
        for (double price : new double[] {0.02, 0.01, 0.02}) {
            types.add(new HostType("type-" + types.size(), 1, 800, 0, 1000, 1000, price, new PowerCurve(80, 120), 0,
                    0));
        }
        SizingProblem problem = new SizingProblem(List.of(new VmDemand("vm-0", 1, new Resources(0, 0, 613, 0))),
                types, 1, Map.of());

        assertThat(LowerBound.of(problem).linearRelaxation()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LowerBound.of(problem).best()).isLessThanOrEqualTo(0.01 + 1e-9);
    }

    @Test
    void sevenVmsOfThreePerServerNeedThreeServers() {
        SizingProblem problem = new SizingProblem(vms(7, 100, 100), List.of(SERVER), 3, Map.of());
        assertThat(LowerBound.of(problem).cardinality()).isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FleetSolvers.byName("ffd", 0).solve(problem, 1).costPerHour(problem))
                .isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void memoryDecidesWhenItIsTheTightestResource() {
        // 5 VMs of 3000 MiB: one per 4096 MiB server, though three would fit by count and CPU. Memory in bulk
        // says 4 servers (15,000 MiB); the configuration LP, which knows two never share a server, says 5.
        SizingProblem problem = new SizingProblem(vms(5, 100, 3000), List.of(SERVER), 3, Map.of());
        LowerBound bound = LowerBound.of(problem);
        assertThat(bound.linearRelaxation()).isEqualTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bound.best()).isEqualTo(0.50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FleetSolvers.byName("jsprit", 20).solve(problem, 1).servers()).hasSize(5);
    }

    @Test
    void theConfigurationLpSeesHowVmsPairWhereTheOtherBoundsCannot() {
        // The 3.5 GiB case in small: 20 VMs of 1740 MiB and 20 of 613 MiB, at most 3 to a 3584 MiB server. A big
        // VM shares a server with one other big VM or with two small ones: 10 x (big, small, small) and 5 x (big,
        // big) is the optimum, 15 servers. Memory in bulk (47,060 MiB) and the count (40 / 3) say only 14.
        HostType server = new HostType("s", 2, 1860, 0, 3584, 1000, 0.10, new PowerCurve(80, 120), 0, 0);
        List<VmDemand> vms = new ArrayList<>(vms(20, 100, 1740));
        for (int i = 0; i < 20; i++) {
            vms.add(new VmDemand("small-" + i, 1, new Resources(100, 0, 613, 10)));
        }
        SizingProblem problem = new SizingProblem(vms, List.of(server), 3, Map.of());
        LowerBound bound = LowerBound.of(problem);

        assertThat(bound.linearRelaxation()).isEqualTo(1.40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bound.configuration()).isEqualTo(1.50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bound.best()).isEqualTo(1.50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FleetSolvers.byName("jsprit", 200).solve(problem, 1).costPerHour(problem))
                .isEqualTo(1.50, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theConfigurationLpRoundsUpToTheCommonPriceUnit() {
        // Prices 0.06 and 0.10 share 0.02; with 0.0625 and 0.10 the unit is 0.0125.
        HostType a = new HostType("a", 1, 1000, 0, 2048, 1000, 0.06, new PowerCurve(80, 120), 0, 0);
        HostType b = new HostType("b", 2, 1000, 0, 4096, 1000, 0.10, new PowerCurve(80, 120), 0, 0);
        HostType c = new HostType("c", 2, 1000, 0, 4096, 1000, 0.0625, new PowerCurve(80, 120), 0, 0);
        assertThat(ConfigurationBound.priceUnit(new SizingProblem(vms(1, 1, 1), List.of(a, b), 3, Map.of())))
                .isEqualTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ConfigurationBound.priceUnit(new SizingProblem(vms(1, 1, 1), List.of(b, c), 3, Map.of())))
                .isEqualTo(0.0125, org.assertj.core.data.Offset.offset(1e-12));
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
