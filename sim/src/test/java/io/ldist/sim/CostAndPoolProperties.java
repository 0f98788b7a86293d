package io.ldist.sim;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.StandbyPool;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Priced task runs that choose by cost (the cheapest placement, several launch types, standby pools sized three
 * ways) keep DESIGN.md's invariants after every plan, and their bill adds up: costUsd is the sum of its parts,
 * each a finite amount of at least 0; without prices a run pays its on-demand hours only; a scale-out gets its
 * capacity no sooner than the quickest resume and no later than the run's end.
 */
class CostAndPoolProperties {
    private static final HostType BIG = new HostType("big", 16, 2000, 0, 65536, 10000, 2.0,
            new PowerCurve(100, 150, 200, 250), 120, 30);
    private static final HostType LEAN = new HostType("lean", 16, 2000, 0, 32768, 10000, 1.6,
            new PowerCurve(90, 140, 190, 240), 180, 45);
    private static final double DURATION_S = 2 * 3600;

    record PricedRun(long seed, int hosts, int standby, StandbyPool.Sizing sizing, boolean twoTypes, String placement,
                     double licence, double stopped, double energy, double perLate, double perDropped,
                     int reserved) {

        CostModel costs() {
            return new CostModel(Map.of("big", new HostTypeCosts(licence, stopped, reserved, 1.2),
                    "lean", new HostTypeCosts(licence / 2, stopped, 0, 0)), energy, 0.02, 0.0001, 0.5, perLate,
                    perDropped);
        }

        SimulationSpec spec(CostModel costs) {
            TaskShape shape = new TaskShape(new Distribution.Uniform(500, 6000), new Distribution.Fixed(0),
                    new Distribution.Uniform(512, 8000), new Distribution.Exponential(300), 3);
            TaskSource source = new TaskSource.PoissonArrivals(400.0 / 3600, null,
                    List.of(new Surge(1800, 3600, 3)), shape);
            List<HostGroup> groups = new ArrayList<>(List.of(new HostGroup(BIG, hosts, HostState.ACTIVE)));
            if (standby > 0) {
                groups.add(new HostGroup(BIG, standby, HostState.STANDBY));
            }
            return new SimulationSpec("priced", seed, DURATION_S, 60, groups,
                    new TaskStreamWorkload(source, TaskRecovery.RESTART, 3, 900, TaskCeiling.NONE),
                    MigrationModel.STUDY, 10, new Faults(List.of(new Faults.HostCrash(Faults.HostCrash.BUSIEST, 2400,
                    600)), null, List.of()), costs);
        }

        EngineSettings engine(CostModel costs) {
            StandbyPool pool = new StandbyPool(sizing, standby, sizing == StandbyPool.Sizing.FIXED ? 0 : 1,
                    sizing == StandbyPool.Sizing.WARM_POOL ? hosts + 3 : StandbyPool.UP_TO_MAX_HOSTS,
                    sizing == StandbyPool.Sizing.COST_SIZED ? 0.05 : Double.NaN);
            ScalingSettings scaling = new ScalingSettings(0.7, 0.2, 300, 300, 1, hosts + 5, 2, BIG, standby, false,
                    null, twoTypes ? List.of(LEAN) : List.of(), pool);
            VmType worker = new VmType("worker", 4, 2000, 0, 8192, 1000, 4);
            return new EngineSettings(new FleetRules(3, VmSizing.RESERVATION), EngineSettings.WEIGHTED_SCORER,
                    LoadWeights.DEFAULT, placement, null, null, null, false, scaling, 3, null,
                    new VmTemplate(worker, 3), new PolicyContext(60, 0.5, seed, costs));
        }
    }

    @Provide
    Arbitrary<PricedRun> pricedRuns() {
        Arbitrary<Double> price = Arbitraries.doubles().between(0, 3).ofScale(3);
        return Combinators.combine(
                Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(StandbyPool.Sizing.class),
                        Arbitraries.of(true, false), Arbitraries.of("cheapest", "least-loaded", "first-fit"))
                        .as((seed, hosts, standby, sizing, two, placement) ->
                                new Object[] {seed, hosts, standby, sizing, two, placement}),
                price, Arbitraries.doubles().between(0, 0.05).ofScale(4), Arbitraries.doubles().between(0, 0.3)
                        .ofScale(3), price, price, Arbitraries.integers().between(0, 3))
                .as((a, licence, stopped, energy, late, dropped, reserved) -> new PricedRun((long) a[0], (int) a[1],
                        (int) a[2], (StandbyPool.Sizing) a[3], (boolean) a[4], (String) a[5], licence, stopped, energy,
                        late, dropped, reserved));
    }

    @Property(tries = 40)
    void pricedRuns_keepEveryInvariant_andTheirBillAddsUp(@ForAll("pricedRuns") PricedRun run) {
        CostModel costs = run.costs();
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(run.spec(costs), run.engine(costs).newEngine(), events::add, null)
                .checkingInvariantsAfterEveryPlan().run();

        assertThat(result.endStateConsistent()).isTrue();
        Map<String, Number> s = result.summary();
        double parts = 0;
        for (String part : List.of("costOnDemandUsd", "costReservedUsd", "costLicencesUsd", "costStandbyUsd",
                "costEnergyUsd", "costMigrationsUsd", "costSlaUsd")) {
            double value = s.get(part).doubleValue();
            assertThat(value).as(part).isFinite().isGreaterThanOrEqualTo(0);
            parts += value;
        }
        assertThat(s.get("costUsd").doubleValue()).isCloseTo(parts, within(1e-9 * Math.max(1, parts)));
        // A reservation is paid whether used or not.
        assertThat(s.get("costReservedUsd").doubleValue()).isCloseTo(run.reserved() * 1.2 * DURATION_S / 3600,
                within(1e-9));

        double mean = s.get("meanTimeToCapacityS").doubleValue();
        double longest = s.get("maxTimeToCapacityS").doubleValue();
        boolean scaledOut = events.stream().anyMatch(e -> e.reason().equals("SCALE_OUT"));
        if (!Double.isNaN(mean)) {
            assertThat(scaledOut).isTrue();
            assertThat(mean).isGreaterThanOrEqualTo(Math.min(BIG.resumeTimeS(), LEAN.resumeTimeS()))
                    .isLessThanOrEqualTo(longest);
            assertThat(longest).isLessThanOrEqualTo(DURATION_S);
        }
        Statistics.label("scaled out").collect(scaledOut);
        Statistics.label("lean launched").collect(events.stream().anyMatch(e -> e.kind().equals("LaunchHost")
                && e.detail().startsWith("lean")));
        Statistics.label("pool shrunk").collect(events.stream().anyMatch(e -> e.kind().equals("TerminateHost")
                && e.reason().equals("STANDBY_POOL")));
        if (!run.twoTypes()) {
            assertThat(events).noneMatch(e -> e.kind().equals("LaunchHost") && e.detail().startsWith("lean"));
        }
        if (run.sizing() == StandbyPool.Sizing.FIXED) {
            assertThat(events).noneMatch(e -> e.kind().equals("TerminateHost") && e.reason().equals("STANDBY_POOL"));
        }
    }

    @Property(tries = 20)
    void unpricedRuns_payTheirOnDemandHoursOnly(@ForAll("pricedRuns") PricedRun run) {
        SimulationResult result = new Simulation(run.spec(CostModel.NONE), run.engine(CostModel.NONE).newEngine(),
                row -> { }, null).run();
        Map<String, Number> s = result.summary();
        assertThat(s.get("costUsd").doubleValue()).isEqualTo(s.get("costOnDemandUsd").doubleValue());
        for (String part : List.of("costReservedUsd", "costLicencesUsd", "costStandbyUsd", "costEnergyUsd",
                "costMigrationsUsd", "costSlaUsd")) {
            assertThat(s.get(part).doubleValue()).as(part).isZero();
        }
    }
}
