package io.ldist.sim;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.affinity.AffinityRule;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.RamModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.VmLifetime;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.trace.UtilizationTrace;
import io.ldist.sim.world.VirtualFleet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hard affinity rules hold after every plan of a run (the simulator's invariant check includes them), whatever
 * the policies decide, through consolidation, failover of crashed servers and their re-placement: random traces,
 * random fleets, random rules (together, apart, hard and soft), two crashes of the busiest server and random ones. No VM is lost or duplicated.
 */
class AffinityProperties {

    record AffinityRun(long seed, int vms, int hosts, String placement, boolean overload, int vmLimit,
                       double mtbfS) {

        SimulationSpec spec() {
            SplittableRandom random = new SplittableRandom(seed);
            byte[][] percent = new byte[vms][48];
            List<String> names = new ArrayList<>();
            for (int v = 0; v < vms; v++) {
                names.add("vm" + v);
                int level = random.nextInt(0, 70);
                for (int k = 0; k < 48; k++) {
                    level = Math.max(0, Math.min(100, level + random.nextInt(-25, 26)));
                    percent[v][k] = (byte) level;
                }
            }
            UtilizationTrace trace = new UtilizationTrace(names, percent, 300);
            List<VmType> types = List.of(new VmType("a", 1, 2500, 0, 870, 100, 1),
                    new VmType("b", 1, 1000, 0, 1740, 100, 1), new VmType("c", 1, 500, 0, 613, 100, 1));
            return new SimulationSpec("affinity", seed, 48 * 300, 300,
                    List.of(new HostGroup(SimulationProperties.SMALL, hosts, HostState.STANDBY),
                            new HostGroup(SimulationProperties.LARGE, hosts, HostState.STANDBY)),
                    new VmTraceWorkload(trace, types, RamModel.RESERVED, VmLifetime.WHOLE_TRACE, 1),
                    MigrationModel.STUDY, 10, new Faults(List.of(
                            new Faults.HostCrash(Faults.HostCrash.BUSIEST, 2400, 3600),
                            new Faults.HostCrash(Faults.HostCrash.BUSIEST, 7200, Double.POSITIVE_INFINITY)),
                    new Faults.RandomCrashes(mtbfS, 1800), List.of()));
        }

        /** Random groups of two to four VMs; an apart rule that contradicts the together ones so far is left out. */
        AffinityRules rules() {
            SplittableRandom random = new SplittableRandom(seed * 31 + 7);
            List<AffinityRule> rules = new ArrayList<>();
            int groups = random.nextInt(1, Math.max(2, vms / 2));
            for (int g = 0; g < groups; g++) {
                AffinityRule.Kind kind = random.nextBoolean() ? AffinityRule.Kind.APART : AffinityRule.Kind.TOGETHER;
                double weight = random.nextInt(3) == 0 ? 0.1 + 0.9 * random.nextDouble() : AffinityRule.HARD;
                int most = kind == AffinityRule.Kind.TOGETHER && weight == AffinityRule.HARD
                        ? Math.min(vmLimit, 3) : 4;
                int size = Math.min(vms, random.nextInt(2, most + 1));
                if (size < 2) {
                    continue;
                }
                List<Integer> pool = new ArrayList<>();
                for (int v = 0; v < vms; v++) {
                    pool.add(v);
                }
                int[] members = new int[size];
                for (int i = 0; i < size; i++) {
                    members[i] = pool.remove(random.nextInt(pool.size()));
                }
                rules.add(new AffinityRule(kind.name().toLowerCase() + "-" + g, kind, weight, members));
                try {
                    new AffinityRules(rules);
                } catch (IllegalArgumentException contradiction) {
                    rules.remove(rules.size() - 1);
                }
            }
            return new AffinityRules(rules);
        }

        EngineSettings engine() {
            FleetRules fleet = new FleetRules(vmLimit, VmSizing.DEMAND).withAffinity(rules());
            PolicyChoice detector = overload ? new PolicyChoice("thr", Map.of("threshold", 0.7)) : null;
            return new EngineSettings(fleet, EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, placement,
                    detector, overload ? PolicyChoice.of("mmt") : null,
                    new PolicyChoice("least-utilized", Map.of("spareTargets", true)),
                    true, null, 3, null, null, new PolicyContext(300, 0.5, seed));
        }
    }

    @Provide
    Arbitrary<AffinityRun> affinityRuns() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(2, 30),
                Arbitraries.integers().between(2, 20),
                Arbitraries.of("pabfd", "least-loaded", "first-fit", "best-fit", "worst-fit"),
                Arbitraries.of(false, true), Arbitraries.integers().between(2, 5),
                Arbitraries.of(3600.0, 4 * 3600.0, 24 * 3600.0))
                .as(AffinityRun::new);
    }

    @Property(tries = 150)
    @StatisticsReport(onFailureOnly = true)
    void affinityRuns_neverBreakAHardRuleAndLoseNoVm(@ForAll("affinityRuns") AffinityRun run) {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(run.spec(), run.engine().newEngine(), events::add, null)
                .checkingInvariantsAfterEveryPlan().run();

        VirtualFleet fleet = result.finalFleet();
        assertThat(fleet.vmCount()).as("no VM created twice").isEqualTo(run.vms());
        for (int v = 0; v < fleet.vmCount(); v++) {
            assertThat(fleet.vmStatus(v)).as("vm-" + v + " lasts the whole trace").isNotEqualTo(VmStatus.FINISHED);
        }
        assertThat(result.metric("affinityHardViolations")).isZero();
        // The property proves little unless servers really crash and VMs really move under the rules.
        Statistics.label("failover").collect(events.stream().anyMatch(e -> e.kind().equals("FenceHost")));
        Statistics.label("migrations").collect(events.stream().anyMatch(e -> e.kind().equals("MigrateVm")));
        Statistics.label("failover").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("migrations").coverage(c -> c.check(true).count(n -> n > 0));
    }

    /**
     * Found by the property: pending VMs of one hard together group placed on a server, then tried elsewhere by
     * the underload policy in the same plan, were split, as the ones not yet moved no longer counted as on it.
     */
    @Example
    void vmsPlacedAndTriedElsewhereInOnePlan_stayTogether() {
        AffinityRun run = new AffinityRun(0, 9, 4, "first-fit", true, 4, 3600);
        SimulationResult result = new Simulation(run.spec(), run.engine().newEngine(), row -> { }, null)
                .checkingInvariantsAfterEveryPlan().run();

        assertThat(result.metric("affinityHardViolations")).isZero();
    }
}
