package io.ldist.sim;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.RamModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.Surge;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskShape;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.VmLifetime;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.trace.UtilizationTrace;
import io.ldist.sim.world.VirtualFleet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
 * DESIGN.md's invariants over whole simulated runs: random fleets, workloads, policies and faults, with the
 * fleet checked after every applied plan (the run fails at the first broken invariant).
 */
class SimulationProperties {
    static final HostType METAL = new HostType("metal", 16, 2000, 1, 65536, 10000, 2.0,
            new PowerCurve(100, 150, 200, 250), 120, 30);
    static final HostType SMALL = new HostType("small", 2, 1000, 0, 4096, 1000, 0.1, new PowerCurve(50, 80), 0, 0);
    static final HostType LARGE = new HostType("large", 4, 2500, 0, 8192, 1000, 0.2, new PowerCurve(80, 140), 0, 0);

    /** A random task-stream run. */
    record TaskRun(long seed, int hosts, int standby, int vmsPerHost, int vmLimit, double perHour, double meanS,
                   boolean crash, boolean flaky, boolean scaling, boolean resume, String placement, int slots,
                   String scorer) {

        SimulationSpec spec() {
            VmType worker = new VmType("worker", 4, 2000, 0, 16384, 1000, slots);
            TaskShape shape = new TaskShape(new Distribution.Uniform(500, 6000), new Distribution.Fixed(0),
                    new Distribution.Uniform(512, 12000), new Distribution.Exponential(meanS), 3);
            TaskSource source = new TaskSource.PoissonArrivals(perHour / 3600, null,
                    List.of(new Surge(1800, 3600, 3)), shape);
            List<Faults.HostCrash> crashes = crash ? List.of(new Faults.HostCrash(Faults.HostCrash.BUSIEST, 2400, 600),
                    new Faults.HostCrash(0, 4000, Double.POSITIVE_INFINITY)) : List.of();
            List<Faults.FlakyHost> flakyHosts = flaky ? List.of(new Faults.FlakyHost(0, 600, 3000, 0.7)) : List.of();
            List<HostGroup> groups = new ArrayList<>(List.of(new HostGroup(METAL, hosts, HostState.ACTIVE)));
            if (standby > 0) {
                groups.add(new HostGroup(METAL, standby, HostState.STANDBY));
            }
            return new SimulationSpec("tasks", seed, 2 * 3600, 60, groups,
                    new TaskStreamWorkload(source, resume ? TaskRecovery.RESUME : TaskRecovery.RESTART, 3,
                            Double.POSITIVE_INFINITY, TaskCeiling.NONE),
                    MigrationModel.STUDY, 10, new Faults(crashes,
                            crash && seed % 2 == 0 ? new Faults.RandomCrashes(3600, 600) : null, flakyHosts));
        }

        EngineSettings engine() {
            ScalingSettings scale = scaling ? new ScalingSettings(0.7, 0.2, 300, 300, 1, hosts + 4, 1, METAL,
                    Math.min(1, standby), false) : null;
            return new EngineSettings(new FleetRules(vmLimit, VmSizing.RESERVATION), scorer,
                    LoadWeights.DEFAULT, placement, null, null, null, false, scale, 3,
                    new CircuitBreakerSettings(0.5, 4, 300, 120), new VmTemplate(
                    new VmType("worker", 4, 2000, 0, 16384, 1000, slots), vmsPerHost), new PolicyContext(60, 0.5, seed));
        }
    }

    @Provide
    Arbitrary<TaskRun> taskRuns() {
        return Combinators.combine(
                Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(3, 4), Arbitraries.doubles().between(20, 600),
                        Arbitraries.doubles().between(30, 900), Arbitraries.of(true, false))
                        .as((seed, hosts, standby, perHost, limit, rate, mean, crash) ->
                                new Object[] {seed, hosts, standby, perHost, limit, rate, mean, crash}),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of("least-loaded", "first-fit", "best-fit", "worst-fit", "first-fit-decreasing", "pabfd",
                        "cheapest"),
                Arbitraries.integers().between(1, 6),
                Arbitraries.of(EngineSettings.WEIGHTED_SCORER, "dominant-resource"))
                .as((a, flaky, scaling, resume, placement, slots, scorer) -> new TaskRun((long) a[0], (int) a[1],
                        (int) a[2], Math.min((int) a[3], (int) a[4]), (int) a[4], (double) a[5], (double) a[6],
                        (boolean) a[7], flaky, scaling, resume, placement, slots, scorer));
    }

    @Property(tries = 60)
    void taskRuns_keepEveryInvariantAfterEveryPlan(@ForAll("taskRuns") TaskRun run) {
        SimulationResult result = new Simulation(run.spec(), run.engine().newEngine(), row -> { }, null)
                .checkingInvariantsAfterEveryPlan().run();

        assertThat(result.endStateConsistent()).isTrue();
        Map<String, Number> s = result.summary();
        long arrived = s.get("tasksArrived").longValue();
        assertThat(s.get("tasksCompleted").longValue() + s.get("tasksDropped").longValue())
                .isLessThanOrEqualTo(arrived);
        assertThat(s.get("failoversUnrecovered").longValue()).isBetween(0L, s.get("failovers").longValue());
        // A time to recover exactly when some failover recovered.
        boolean anyRecovered = s.get("failoversUnrecovered").longValue() < s.get("failovers").longValue();
        assertThat(Double.isNaN(s.get("meanTimeToRecoverS").doubleValue())).isEqualTo(!anyRecovered);
        // The peak of servers running is reached at some instant: at least what any sample shows, at most every
        // server there ever was, and never below the mean of active ones.
        var columns = result.timeseries().columns();
        int active = columns.indexOf("activeHosts");
        int booting = columns.indexOf("bootingHosts");
        int draining = columns.indexOf("drainingHosts");
        long sampledPeak = result.timeseries().rows().stream().mapToLong(r -> r.get(active).longValue()
                + r.get(booting).longValue() + r.get(draining).longValue()).max().orElse(0);
        assertThat(s.get("peakHosts").longValue()).isBetween(sampledPeak, s.get("hosts").longValue());
        assertThat(s.get("peakHosts").doubleValue())
                .isGreaterThanOrEqualTo(s.get("activeHostsMean").doubleValue() * (1 - 1e-12));
        assertThat(s.get("standbyHostsMean").doubleValue()).isBetween(0.0, s.get("hosts").doubleValue());
    }

    /**
     * The engine's per-task path is only a faster way to the choices of whole decisions: a run that takes every
     * decision whole gives the same events and summary, for every placement, scorer, breaker, scaling and crash.
     */
    @Property(tries = 60)
    void taskRuns_decideTheSameWithOrWithoutThePerTaskPath(@ForAll("taskRuns") TaskRun run) {
        List<EventRow> fast = new ArrayList<>();
        List<EventRow> whole = new ArrayList<>();
        SimulationResult a = new Simulation(run.spec(), run.engine().newEngine(), fast::add, null).run();
        SimulationResult b = new Simulation(run.spec(), run.engine().newEngine(), whole::add, null)
                .decidingWholeOnly().run();

        assertThat(fast).isEqualTo(whole);
        assertThat(a.summary()).isEqualTo(b.summary());
        Statistics.label("tasks assigned").collect(fast.stream().anyMatch(e -> e.kind().equals("AssignTask")));
    }

    @Property(tries = 40)
    void taskRuns_everyCrashIsFencedWithinTheMissedChecksAndFailedServersHoldNothing(@ForAll("taskRuns") TaskRun run) {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(run.spec(), run.engine().newEngine(), events::add, null).run();

        double detection = 3 * 10 + 10; // three missed checks at 10 s, plus the check that starts counting
        for (EventRow crash : events) {
            if (!crash.kind().equals("HostCrashed") || crash.timeS() + detection > run.spec().durationS()) {
                continue;
            }
            // Fenced in time, unless scaling retired it first (an idle crashed server simply leaves).
            boolean handled = events.stream().anyMatch(e -> e.host() == crash.host()
                    && (e.kind().equals("FenceHost") || e.kind().equals("DrainHost"))
                    && e.timeS() >= crash.timeS() && e.timeS() <= crash.timeS() + detection);
            assertThat(handled).as("host-%d crashed at %.0f s and was fenced within %.0f s", crash.host(),
                    crash.timeS(), detection).isTrue();
        }
        VirtualFleet fleet = result.finalFleet();
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hostState(h) == HostState.FAILED) {
                assertThat(fleet.hostVmCount(h)).as("VMs on failed host-%d", h).isZero();
                assertThat(fleet.hostIncomingVmCount(h)).as("VMs arriving on failed host-%d", h).isZero();
            }
        }
    }

    @Property(tries = 25)
    void taskRuns_withTheSameSeedAreIdentical(@ForAll("taskRuns") TaskRun run) {
        List<EventRow> first = new ArrayList<>();
        List<EventRow> second = new ArrayList<>();
        SimulationResult a = new Simulation(run.spec(), run.engine().newEngine(), first::add, null).run();
        SimulationResult b = new Simulation(run.spec(), run.engine().newEngine(), second::add, null).run();

        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.timeseries()).isEqualTo(a.timeseries());
        assertThat(second).isEqualTo(first);
    }

    /**
     * A random run of VMs following synthetic utilisation traces, with consolidation by any detector and VM
     * selector of the study ({@code overload} null: no consolidation, as DVFS).
     */
    record TraceRun(long seed, int vms, int hosts, PolicyChoice overload, String selector, String placement,
                    boolean spareTargets, boolean untilIdle, boolean reservedRam, int vmLimit) {

        SimulationSpec spec() {
            SplittableRandom random = new SplittableRandom(seed);
            byte[][] percent = new byte[vms][48];
            List<String> names = new ArrayList<>();
            for (int v = 0; v < vms; v++) {
                names.add("vm" + v);
                int level = random.nextInt(0, 60);
                for (int k = 0; k < 48; k++) {
                    level = Math.max(0, Math.min(100, level + random.nextInt(-20, 21)));
                    percent[v][k] = (byte) (random.nextInt(10) == 0 ? 0 : level);
                }
            }
            UtilizationTrace trace = new UtilizationTrace(names, percent, 300);
            List<VmType> types = List.of(new VmType("a", 1, 2500, 0, 870, 100, 1),
                    new VmType("b", 1, 1000, 0, 1740, 100, 1), new VmType("c", 1, 500, 0, 613, 100, 1));
            return new SimulationSpec("trace", seed, 48 * 300, 300,
                    List.of(new HostGroup(SMALL, hosts, HostState.STANDBY), new HostGroup(LARGE, hosts, HostState.STANDBY)),
                    new VmTraceWorkload(trace, types, reservedRam ? RamModel.RESERVED : RamModel.INITIAL_ONLY,
                            untilIdle ? VmLifetime.UNTIL_IDLE : VmLifetime.WHOLE_TRACE, 1),
                    MigrationModel.STUDY, 10, Faults.NONE);
        }

        EngineSettings engine() {
            return new EngineSettings(new FleetRules(vmLimit, VmSizing.DEMAND), EngineSettings.WEIGHTED_SCORER,
                    LoadWeights.DEFAULT, placement, overload, overload == null ? null : PolicyChoice.of(selector),
                    overload == null ? null : new PolicyChoice("least-utilized",
                            Map.of("spareTargets", spareTargets)),
                    true, null, 3, null, null, new PolicyContext(300, 0.5, seed));
        }
    }

    /** Every overload detector of the study, and ldist's forecast one, with a spread of parameters, and none. */
    private static Arbitrary<PolicyChoice> detectors() {
        Arbitrary<Double> fallback = Arbitraries.of(0.5, 0.7, 0.9);
        return Arbitraries.oneOf(
                Arbitraries.of(0.6, 0.7, 0.8, 0.9, 1.0).map(t -> new PolicyChoice("thr", Map.of("threshold", t))),
                Combinators.combine(Arbitraries.of(0.5, 1.5, 3.0), fallback).as((safety, f) ->
                        new PolicyChoice("iqr", Map.of("safety", safety, "fallback", f))),
                Combinators.combine(Arbitraries.of(1.0, 2.5, 4.0), fallback).as((safety, f) ->
                        new PolicyChoice("mad", Map.of("safety", safety, "fallback", f))),
                Combinators.combine(Arbitraries.of(1.0, 1.2, 1.5), fallback, Arbitraries.of(false, true))
                        .as((safety, f, tricube) -> new PolicyChoice("lr",
                                Map.of("safety", safety, "fallback", f, "tricube", tricube))),
                Combinators.combine(Arbitraries.of(1.0, 1.2, 1.5), fallback).as((safety, f) ->
                        new PolicyChoice("lrr", Map.of("safety", safety, "fallback", f))),
                Combinators.combine(Arbitraries.of(0.8, 0.9, 1.0), Arbitraries.of(0.75, 0.9),
                                Arbitraries.of("median", "last-value", "ewma"), fallback)
                        .as((threshold, confidence, forecaster, f) -> new PolicyChoice("forecast", Map.of(
                                "threshold", threshold, "confidence", confidence, "forecaster", forecaster,
                                "fallback", f))),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<TraceRun> traceRuns() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(2, 30), detectors(), Arbitraries.of("mmt", "rs", "mc", "mu"),
                Arbitraries.of("pabfd", "least-loaded", "first-fit", "best-fit", "worst-fit", "first-fit-decreasing"),
                Arbitraries.integers().between(0, 7))
                .as((seed, vms, hosts, detector, selector, placement, flags) ->
                        new TraceRun(seed, vms, hosts, detector, selector, placement, (flags & 1) != 0,
                                (flags & 2) != 0, (flags & 4) != 0,
                                (int) (seed % 3 == 0 ? FleetRules.NO_VM_LIMIT : 3 + seed % 5)));
    }

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = true)
    void traceRuns_keepEveryInvariantAndLoseNoVm(@ForAll("traceRuns") TraceRun run) {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(run.spec(), run.engine().newEngine(), events::add, null)
                .checkingInvariantsAfterEveryPlan().run();

        VirtualFleet fleet = result.finalFleet();
        long finished = events.stream().filter(e -> e.kind().equals("VmFinished")).count();
        long placedOrWaiting = 0;
        for (int v = 0; v < fleet.vmCount(); v++) {
            VmStatus status = fleet.vmStatus(v);
            if (status != VmStatus.FINISHED) {
                placedOrWaiting++;
            }
        }
        assertThat(fleet.vmCount()).isEqualTo(run.vms());
        assertThat(placedOrWaiting + finished).as("every VM is somewhere or finished, once").isEqualTo(run.vms());
        long migrations = events.stream().filter(e -> e.kind().equals("MigrateVm")).count();
        assertThat(result.summary().get("migrations").longValue()).isEqualTo(migrations);
        assertThat(result.metric("energyKWh")).isGreaterThanOrEqualTo(0);
        assertThat(result.metric("slatah")).isBetween(0.0, 1.0);
        assertThat(result.metric("pdm")).isBetween(0.0, 1.0);
        // Every detector and selector must really move VMs off overloaded servers in some of the runs, or the
        // property proves little about them (underload consolidation migrates without either).
        long overloadMigrations = events.stream()
                .filter(e -> e.kind().equals("MigrateVm") && e.reason().equals("OVERLOAD")).count();
        Statistics.label("detector migrates").collect(run.overload() == null ? "none" : run.overload().name(),
                overloadMigrations > 0);
        Statistics.label("selector migrates").collect(run.selector(), overloadMigrations > 0 && run.overload() != null);
        Statistics.label("detector migrates").coverage(coverage -> {
            for (String detector : List.of("thr", "iqr", "mad", "lr", "lrr", "forecast")) {
                coverage.check(detector, true).count(n -> n > 0);
            }
            coverage.check("none", true).count(n -> n == 0);
        });
        Statistics.label("selector migrates").coverage(coverage -> {
            for (String selector : List.of("mmt", "rs", "mc", "mu")) {
                coverage.check(selector, true).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 25)
    void traceRuns_withTheSameSeedAreIdentical(@ForAll("traceRuns") TraceRun run) {
        List<EventRow> first = new ArrayList<>();
        List<EventRow> second = new ArrayList<>();
        SimulationResult a = new Simulation(run.spec(), run.engine().newEngine(), first::add, null).run();
        SimulationResult b = new Simulation(run.spec(), run.engine().newEngine(), second::add, null).run();

        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(second).isEqualTo(first);
    }
}
