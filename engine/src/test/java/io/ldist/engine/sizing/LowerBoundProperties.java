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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lower bound is a lower bound: on tiny random instances it never exceeds the exact optimum, found by
 * exhaustive search over every partition of the VMs into servers; and it never exceeds any solver's plan.
 */
class LowerBoundProperties {

    @Property(tries = 300)
    void noBoundExceedsTheExactOptimum(@ForAll("tinyProblems") SizingProblem problem) {
        double optimum = exactOptimum(problem);
        LowerBound bound = LowerBound.of(problem);
        assertThat(bound.configuration()).as("configuration LP").isLessThanOrEqualTo(optimum + 1e-9);
        assertThat(bound.best()).isLessThanOrEqualTo(optimum + 1e-9);
    }

    @Property(tries = 300)
    void aCoarseGridStillGivesALowerBound(@ForAll("tinyProblems") SizingProblem problem,
                                          @ForAll("breakpoints") int breakpoints) {
        ConfigurationBound.Result coarse = ConfigurationBound.solve(problem, breakpoints);
        assertThat(coarse.breakpoints()).isLessThanOrEqualTo(breakpoints);
        assertThat(coarse.value()).isLessThanOrEqualTo(exactOptimum(problem) + 1e-9);
    }

    @Provide
    Arbitrary<Integer> breakpoints() {
        return Arbitraries.integers().between(1, 4);
    }

    @Property(tries = 100)
    void noBoundExceedsAnySolversPlan(@ForAll("tinyProblems") SizingProblem problem) {
        double bound = LowerBound.of(problem).best();
        for (String solver : List.of("ffd", "bfd", "lp", "jsprit")) {
            FleetPlan plan = FleetSolvers.byName(solver, 20).solve(problem, 3);
            assertThat(plan.costPerHour(problem)).as(solver).isGreaterThanOrEqualTo(bound - 1e-9);
        }
    }

    @Provide
    Arbitrary<SizingProblem> tinyProblems() {
        Arbitrary<HostType> type = Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(800, 2700), Arbitraries.integers().between(1000, 5000),
                Arbitraries.integers().between(1, 30))
                .as((cores, mips, ram, cents) -> new HostType("t", cores, mips, 0, ram, 1000, cents / 100.0,
                        new PowerCurve(80, 120), 0, 0));
        Arbitrary<VmDemand> vm = Combinators.combine(Arbitraries.integers().between(1, 2),
                Arbitraries.doubles().between(0, 4000),
                Arbitraries.oneOf(Arbitraries.of(613.0, 870.0, 1740.0), Arbitraries.doubles().between(1, 4000)),
                Arbitraries.of(0.0, 100.0, 400.0))
                .as((cores, cpu, ram, net) -> new VmDemand("vm", cores, new Resources(cpu, 0, ram, net)));
        return Combinators.combine(vm.list().ofMinSize(1).ofMaxSize(7), type.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(1, 4))
                .as((vms, types, limit) -> new SizingProblem(named(vms), namedTypes(types), limit, Map.of()));
    }

    /** The cheapest fleet holding every VM some type holds: min over subsets S of the first VM left, recursively. */
    static double exactOptimum(SizingProblem problem) {
        List<Integer> placeable = new ArrayList<>();
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.fitMask(v) != 0) {
                placeable.add(v);
            }
        }
        int n = placeable.size();
        double[] serverCost = new double[1 << n];
        for (int set = 1; set < serverCost.length; set++) {
            serverCost[set] = cheapestServer(problem, placeable, set);
        }
        double[] best = new double[1 << n];
        for (int set = 1; set < best.length; set++) {
            best[set] = Double.POSITIVE_INFINITY;
            int first = Integer.lowestOneBit(set);
            int rest = set & ~first;
            // Every subset of the rest, joined with the first VM, as the first VM's server.
            for (int sub = rest; ; sub = (sub - 1) & rest) {
                int server = sub | first;
                if (serverCost[server] < Double.POSITIVE_INFINITY) {
                    best[set] = Math.min(best[set], serverCost[server] + best[set & ~server]);
                }
                if (sub == 0) {
                    break;
                }
            }
        }
        return best[best.length - 1];
    }

    private static double cheapestServer(SizingProblem problem, List<Integer> placeable, int set) {
        if (Integer.bitCount(set) > problem.maxVmsPerHost()) {
            return Double.POSITIVE_INFINITY;
        }
        double cheapest = Double.POSITIVE_INFINITY;
        for (int t = 0; t < problem.typeCount(); t++) {
            long[] used = new long[SizingProblem.DIMENSIONS];
            boolean ok = true;
            for (int i = 0; i < placeable.size() && ok; i++) {
                if ((set & (1 << i)) != 0) {
                    int v = placeable.get(i);
                    ok = problem.fits(v, t);
                    for (int d = 0; d < used.length; d++) {
                        used[d] += problem.demand(v, d);
                    }
                }
            }
            for (int d = 0; d < used.length && ok; d++) {
                ok = used[d] <= problem.capacity(t, d);
            }
            if (ok) {
                cheapest = Math.min(cheapest, problem.price(t));
            }
        }
        return cheapest;
    }

    private static List<VmDemand> named(List<VmDemand> vms) {
        List<VmDemand> named = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            named.add(new VmDemand("vm-" + i, vms.get(i).cores(), vms.get(i).demand()));
        }
        return named;
    }

    private static List<HostType> namedTypes(List<HostType> types) {
        HostType[] named = new HostType[types.size()];
        for (int i = 0; i < named.length; i++) {
            HostType t = types.get(i);
            named[i] = new HostType("type-" + i, t.cores(), t.mipsPerCore(), t.gpus(), t.ramMb(), t.netMbps(),
                    t.priceUsdPerHour(), t.power(), t.bootTimeS(), t.resumeTimeS());
        }
        return Arrays.asList(named);
    }
}
