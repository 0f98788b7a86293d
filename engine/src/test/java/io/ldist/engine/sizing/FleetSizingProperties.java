package io.ldist.engine.sizing;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every solver gives a sound fleet no cheaper than the lower bound; jsprit never does worse than its start. */
class FleetSizingProperties {
    private static final List<HostType> CATALOGUE = List.of(
            type("micro", 1, 1860, 2048, 0.06), type("small", 2, 1860, 4096, 0.10),
            type("medium", 2, 2660, 4096, 0.13), type("mem", 2, 2660, 8192, 0.16));

    @Property(tries = 60)
    void greedyPlansAreSoundAndAboveTheBound(@ForAll("problems") SizingProblem problem) {
        for (String name : List.of("ffd", "bfd", "lp")) {
            FleetPlan plan = FleetSolvers.byName(name, 0).solve(problem, 1);
            assertThat(FleetPlanCheck.violations(problem, plan)).as(name).isEmpty();
            assertThat(plan.costPerHour(problem)).as(name)
                    .isGreaterThanOrEqualTo(LowerBound.of(problem).best() - 1e-9);
        }
    }

    @Property(tries = 15)
    void jspritIsSoundDeterministicAndNoWorseThanGreedy(@ForAll("problems") SizingProblem problem) {
        FleetPlan jsprit = FleetSolvers.byName("jsprit", 50).solve(problem, 7);
        assertThat(FleetPlanCheck.violations(problem, jsprit)).isEmpty();
        assertThat(FleetSolvers.byName("jsprit", 50).solve(problem, 7)).isEqualTo(jsprit);
        double greedy = Math.min(FleetSolvers.byName("ffd", 0).solve(problem, 7).costPerHour(problem),
                FleetSolvers.byName("bfd", 0).solve(problem, 7).costPerHour(problem));
        assertThat(jsprit.costPerHour(problem)).isLessThanOrEqualTo(greedy + 1e-9)
                .isGreaterThanOrEqualTo(LowerBound.of(problem).best() - 1e-9);
    }

    @Property(tries = 40)
    void stockIsNeverExceeded(@ForAll("problems") SizingProblem unlimited) {
        SizingProblem limited = new SizingProblem(unlimited.vms(), unlimited.types(), unlimited.maxVmsPerHost(),
                Map.of("small", 2, "micro", 1));
        for (String name : List.of("ffd", "lp")) {
            FleetPlan plan = FleetSolvers.byName(name, 0).solve(limited, 1);
            assertThat(FleetPlanCheck.violations(limited, plan)).as(name).isEmpty();
        }
    }

    @Provide
    Arbitrary<SizingProblem> problems() {
        Arbitrary<VmDemand> vm = Combinators.combine(Arbitraries.doubles().between(0, 2660),
                Arbitraries.of(613.0, 870.0, 1740.0, 3000.0, 9000.0))
                .as((cpu, ram) -> new VmDemand("vm", 1, new Resources(cpu, 0, ram, 100)));
        return Combinators.combine(vm.list().ofMinSize(0).ofMaxSize(40), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, CATALOGUE.size()))
                .as((vms, limit, types) -> new SizingProblem(named(vms), CATALOGUE.subList(0, types), limit,
                        Map.of()));
    }

    private static List<VmDemand> named(List<VmDemand> vms) {
        List<VmDemand> named = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            named.add(new VmDemand("vm-" + i, 1, vms.get(i).demand()));
        }
        return named;
    }

    private static HostType type(String name, int cores, double mips, double ram, double price) {
        return new HostType(name, cores, mips, 0, ram, 1000, price, new PowerCurve(80, 120), 0, 0);
    }
}
