package io.ldist.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.Surge;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskShape;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.TaskTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Task streams in service tiers keep DESIGN.md's invariants after every plan (crashes and scaling included); each
 * tier's counts add up to the whole run's; the tiers are drawn apart from the workload, so serving them by weight
 * or in arrival order sees the very same tasks arrive in each tier; and the tier served first never waits longer
 * at the 95th percentile than the tier served last under the same pressure.
 */
class ServiceTierProperties {
    private static final HostType HOST = new HostType("h", 16, 2000, 0, 65536, 10000, 1.0,
            new PowerCurve(100, 150, 200, 250), 120, 30);

    @Property(tries = 30)
    void tieredRuns_keepTheInvariants_andTheirTiersAddUp(@ForAll @IntRange(min = 1, max = 4) int tiers,
                                                         @ForAll @DoubleRange(min = 200, max = 1200) double perHour,
                                                         @ForAll boolean byWeight,
                                                         @ForAll @IntRange(min = 0, max = 1_000_000) long seed) {
        SimulationResult run = run(tiers, perHour, byWeight, seed);

        assertThat(run.endStateConsistent()).isTrue();
        Map<String, Number> s = run.summary();
        for (String metric : List.of("tasksArrived", "tasksCompleted", "tasksLate", "tasksDropped")) {
            long sum = 0;
            for (int t = 0; t < tiers; t++) {
                sum += s.get("tier.t" + t + "." + metric).longValue();
            }
            assertThat(sum).as(metric).isEqualTo(s.get(metric).longValue());
        }
    }

    @Property(tries = 15)
    void theSameTasksArrive_whateverTheOrder_andTheFirstTierWaitsNoLonger(
            @ForAll @IntRange(min = 2, max = 4) int tiers, @ForAll @DoubleRange(min = 600, max = 1200) double perHour,
            @ForAll @IntRange(min = 0, max = 1_000_000) long seed) {
        Map<String, Number> weighted = run(tiers, perHour, true, seed).summary();
        Map<String, Number> arrival = run(tiers, perHour, false, seed).summary();

        for (int t = 0; t < tiers; t++) {
            assertThat(weighted.get("tier.t" + t + ".tasksArrived"))
                    .isEqualTo(arrival.get("tier.t" + t + ".tasksArrived"));
        }
        double first = weighted.get("tier.t0.p95WaitS").doubleValue();
        double last = weighted.get("tier.t" + (tiers - 1) + ".p95WaitS").doubleValue();
        if (!Double.isNaN(first) && !Double.isNaN(last)) {
            assertThat(first).isLessThanOrEqualTo(last);
        }
    }

    /** Tiers t0 (weight 2^(n-1)) down to t(n-1) (weight 1), equal shares, t0 with a one-minute wait objective. */
    private static SimulationResult run(int tiers, double perHour, boolean byWeight, long seed) {
        List<TaskTier> tierList = new ArrayList<>();
        for (int t = 0; t < tiers; t++) {
            tierList.add(new TaskTier("t" + t, 1.0 / tiers, Math.pow(2, tiers - 1 - t),
                    t == 0 ? 60 : Double.POSITIVE_INFINITY, t == tiers - 1 ? 3600 : Double.NaN, Double.NaN));
        }
        TaskShape shape = new TaskShape(new Distribution.Uniform(500, 6000), new Distribution.Fixed(0),
                new Distribution.Uniform(512, 8000), new Distribution.Exponential(300), 3);
        TaskSource source = new TaskSource.PoissonArrivals(perHour / 3600, null,
                List.of(new Surge(1800, 3600, 3)), shape);
        SimulationSpec spec = new SimulationSpec("tiers", seed, 2 * 3600, 60,
                List.of(new HostGroup(HOST, 2, HostState.ACTIVE), new HostGroup(HOST, 1, HostState.STANDBY)),
                new TaskStreamWorkload(source, TaskRecovery.RESTART, 3, 1200, TaskCeiling.NONE, tierList, byWeight),
                MigrationModel.STUDY, 10, new Faults(List.of(new Faults.HostCrash(Faults.HostCrash.BUSIEST, 2400,
                600)), null, List.of()), io.ldist.engine.cost.CostModel.NONE);
        ScalingSettings scaling = new ScalingSettings(0.7, 0.2, 300, 300, 1, 5, 1, HOST, 1, false);
        VmType worker = new VmType("worker", 4, 2000, 0, 8192, 1000, 4);
        EngineSettings engine = new EngineSettings(new FleetRules(3, VmSizing.RESERVATION),
                EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, "least-loaded", null, null, null, false, scaling,
                3, null, new VmTemplate(worker, 3), new PolicyContext(60, 0.5, seed));
        return new Simulation(spec, engine.newEngine(), row -> { }, null).checkingInvariantsAfterEveryPlan().run();
    }
}
