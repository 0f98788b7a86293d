package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The pruned power-aware search (groups by type and utilisation, bounds, walks by utilisation or index) finds
 * the same server as looking at every server: the least rise, ties to the lowest index. Fleets have many
 * servers at few distinct utilisations, and some are copies of one base fleet as {@code --scale} makes, so
 * that groups are large and full of ties and twins, and part of them touched by earlier moves of the plan.
 */
class HostSearchProperties {
    static final HostType G4 = new HostType("g4", 2, 1860, 0, 4096, 1000, 0,
            new PowerCurve(86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117), 0, 0);
    static final HostType G5 = new HostType("g5", 2, 2660, 0, 4096, 1000, 0,
            new PowerCurve(93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135), 0, 0);
    static final VmType[] VM_TYPES = {TestFleet.vmType("a", 1, 2500, 870, 1), TestFleet.vmType("b", 1, 2000, 1740, 1),
            TestFleet.vmType("c", 1, 1000, 1740, 1), TestFleet.vmType("d", 1, 500, 613, 1)};

    /** A random fleet and plan, and what to search for. */
    record Case(long seed, int hosts, int levels, int moves, double threshold, boolean emptyAllowed, int excludeEvery,
                int copies) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(5, 160),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 60),
                Arbitraries.of(0.0, 0.7, 0.8, 1.0), Arbitraries.of(true, false), Arbitraries.of(0, 3, 7),
                Arbitraries.of(1, 1, 2, 4)).as(Case::new);
    }

    @Property(tries = 300)
    @StatisticsReport(onFailureOnly = true)
    void pabfdSearch_findsTheServerThatLookingAtEveryServerFinds(@ForAll("cases") Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        TestFleet fleet = TestFleet.aFleet();
        double[] levels = new double[c.levels()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextInt(0, 101) / 100.0;
        }
        // A fleet of copies of one base fleet, as --scale makes, when copies > 1: its servers come in twins.
        int baseHosts = Math.max(1, c.hosts() / c.copies());
        List<HostType> baseTypes = new ArrayList<>();
        List<Boolean> baseActive = new ArrayList<>();
        List<List<double[]>> baseVms = new ArrayList<>(); // per base server: (VM type, demand) pairs
        for (int h = 0; h < baseHosts; h++) {
            HostType type = random.nextBoolean() ? G4 : G5;
            boolean active = random.nextInt(5) > 0;
            List<double[]> vms = new ArrayList<>();
            double used = 0;
            for (int k = active ? random.nextInt(0, 4) : 0; k > 0; k--) {
                int t = random.nextInt(VM_TYPES.length);
                double demand = VM_TYPES[t].totalMips() * levels[random.nextInt(levels.length)];
                if (VM_TYPES[t].mipsPerCore() <= type.mipsPerCore() && used + demand <= type.totalMips()) {
                    vms.add(new double[] {t, demand});
                    used += demand;
                }
            }
            baseTypes.add(type);
            baseActive.add(active);
            baseVms.add(vms);
        }
        List<Integer> placed = new ArrayList<>();
        List<List<Integer>> placedByCopy = new ArrayList<>();
        for (int copy = 0; copy < c.copies(); copy++) {
            List<Integer> ofCopy = new ArrayList<>();
            for (int b = 0; b < baseHosts; b++) {
                int h = fleet.withHost(baseTypes.get(b), baseActive.get(b) ? HostState.ACTIVE : HostState.STANDBY);
                for (double[] vm : baseVms.get(b)) {
                    int v = fleet.withVmOn(h, VM_TYPES[(int) vm[0]], vm[1]);
                    placed.add(v);
                    ofCopy.add(v);
                }
            }
            placedByCopy.add(ofCopy);
        }
        int hosts = baseHosts * c.copies();
        // The VM to place: a new one (sized by its type), or, as consolidation moves them, one leaving its
        // server with its current demand, which in one case of two is nothing (a trace at 0 %): such a VM ties
        // on every server, and the search treats it apart.
        VmType movingType = VM_TYPES[random.nextInt(VM_TYPES.length)];
        boolean leaving = !placed.isEmpty() && random.nextBoolean();
        double movingDemand = random.nextBoolean() ? 0 : movingType.totalMips() * levels[random.nextInt(levels.length)];
        int moving = leaving ? fleet.withVmOn(fleet.vmHost(placed.get(random.nextInt(placed.size()))), movingType,
                movingDemand) : fleet.withPendingVm(movingType);
        // Some measurements are a rounding error off the VMs' demand: above it, a VM that asks for nothing
        // ranks below 0 W on that server.
        for (int h = 0; h < hosts; h++) {
            if (random.nextInt(6) == 0) {
                fleet.withMeasuredDrift(h, random.nextBoolean() ? 1e-13 : -1e-13);
            }
        }
        PlanningState plan = new PlanningState(fleet, new FleetRules(FleetRules.NO_VM_LIMIT, VmSizing.DEMAND),
                Trigger.TICK);
        // Earlier moves of the same plan touch servers (they gain load) and make others give VMs up; in a fleet
        // of copies each copy makes the same moves, so touched servers come in twins too.
        for (int i = 0; i < c.moves() && !placed.isEmpty(); i++) {
            int k = random.nextInt(placedByCopy.get(0).size());
            int to = random.nextInt(baseHosts);
            for (int copy = 0; copy < c.copies(); copy++) {
                int vm = placedByCopy.get(copy).get(k);
                int from = plan.vmHost(vm);
                int target = copy * baseHosts + to;
                plan.remove(vm);
                plan.place(vm, plan.fits(target, vm) ? target : from);
            }
        }

        if (leaving) {
            plan.remove(moving);
        }
        IntPredicate excluded = h -> c.excludeEvery() > 0 && h % c.excludeEvery() == 0;
        ThresholdOverloadDetector guard = c.threshold() > 0 ? new ThresholdOverloadDetector(c.threshold()) : null;
        PlacementPolicy pabfd = new PowerAwareBestFitDecreasingPlacementPolicy();
        PlacementPolicy everyServer = new SameRanks(pabfd); // without the pruned search

        int pruned = HostSearch.best(moving, plan, pabfd, excluded, c.emptyAllowed(), guard);
        int exhaustive = HostSearch.best(moving, plan, everyServer, excluded, c.emptyAllowed(), guard);

        assertThat(pruned).isEqualTo(exhaustive);
        Statistics.label("found").collect(pruned >= 0);
        boolean asksNothing = plan.vmCpu(moving) == 0;
        Statistics.label("VM asks for nothing").collect(asksNothing);
        Statistics.label("VM asks for nothing").coverage(checker -> {
            checker.check(true).percentage(p -> p > 10);
            checker.check(false).percentage(p -> p > 50);
        });
        Statistics.label("a server ranks below 0 W for it")
                .collect(asksNothing && plan.utilizationGroups().belowMeasured().size() > 0);
        Statistics.label("touched twins").collect(hasTouchedTwins(plan, hosts));
        Statistics.label("touched twins").coverage(checker -> checker.check(true).percentage(p -> p > 5));
    }

    /** Whether two servers the plan added load to rank alike for any VM (same type, used MIPS, measured power). */
    private static boolean hasTouchedTwins(PlanningState plan, int hosts) {
        Set<List<Object>> seen = new HashSet<>();
        for (int h = 0; h < hosts; h++) {
            double planned = plan.usedCpu(h) / plan.capacityMips(h);
            double offset = plan.hostType(h).power().watts(planned) - plan.measuredPowerW(h);
            if (offset > 1e-9 && !seen.add(List.of(plan.hostType(h), plan.usedCpu(h), plan.measuredPowerW(h)))) {
                return true;
            }
        }
        return false;
    }

    /** Another policy's ranks under another class, so the search cannot take its shortcuts for that policy. */
    private record SameRanks(PlacementPolicy policy) implements PlacementPolicy {
        @Override
        public double rank(int host, int vm, io.ldist.engine.decide.PlanView plan) {
            return policy.rank(host, vm, plan);
        }

        @Override
        public double rankForTask(int host, io.ldist.engine.model.Resources demand, io.ldist.engine.decide.HostLoads plan) {
            return policy.rankForTask(host, demand, plan);
        }
    }
}
