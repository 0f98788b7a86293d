package io.ldist.engine;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.LoadWeights;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of DESIGN.md, checked on the engine's plans over random fleets. */
class EngineProperties {

    /** A random fleet: servers of a few types, some with VMs, some pending VMs, some queued tasks. */
    record World(List<int[]> hosts, List<int[]> placedVms, List<Integer> pendingVms, List<int[]> tasks,
                 int vmLimit, String placement, double threshold, List<Integer> failedHosts) {

        static final HostType[] HOST_TYPES = {
                TestFleet.hostType("small", 2, 1000, 4096),
                TestFleet.hostType("large", 8, 2500, 32768),
                TestFleet.hostType("fast", 4, 3000, 8192)};
        static final VmType[] VM_TYPES = {
                TestFleet.vmType("tiny", 1, 500, 512, 2),
                TestFleet.vmType("medium", 2, 1000, 2048, 4),
                TestFleet.vmType("big", 4, 2000, 8192, 8)};

        TestFleet build() {
            TestFleet fleet = TestFleet.aFleet();
            for (int[] host : hosts) {
                fleet.withHost(HOST_TYPES[host[0]], host[1] == 0 ? HostState.ACTIVE : HostState.STANDBY);
            }
            int[] count = new int[hosts.size()];
            Resources[] reserved = new Resources[hosts.size()];
            java.util.Arrays.fill(reserved, Resources.ZERO);
            for (int[] vm : placedVms) {
                int host = vm[0] % hosts.size();
                VmType type = VM_TYPES[vm[1]];
                HostType hostType = fleet.hostType(host);
                Resources after = reserved[host].plus(type.reservation());
                // Start from a valid fleet: only the engine's own moves are under test.
                if (fleet.hostState(host) != HostState.ACTIVE || (vmLimit > 0 && count[host] >= vmLimit)
                        || after.cpuMips() > hostType.totalMips() || after.ramMb() > hostType.ramMb()
                        || type.mipsPerCore() > hostType.mipsPerCore()) {
                    continue;
                }
                reserved[host] = after;
                fleet.withVmOn(host, type, type.totalMips() * vm[2] / 100.0);
                count[host]++;
            }
            for (int type : pendingVms) {
                fleet.withPendingVm(VM_TYPES[type]);
            }
            long id = 0;
            for (int[] task : tasks) {
                fleet.withQueuedTask(id++, new Resources(task[0], 0, task[1], 0));
            }
            for (int host : failedHosts) {
                if (host < hosts.size()) {
                    fleet.withMissedChecks(host, 3);
                }
            }
            return fleet;
        }

        FleetRules rules(VmSizing sizing) {
            return new FleetRules(vmLimit == 0 ? FleetRules.NO_VM_LIMIT : vmLimit, sizing);
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<int[]>> hosts = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3)).as((t, s) -> new int[] {t, s}).list().ofMinSize(1).ofMaxSize(10);
        Arbitrary<List<int[]>> placed = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 100))
                .as((h, t, u) -> new int[] {h, t, u}).list().ofMaxSize(30);
        Arbitrary<List<Integer>> pending = Arbitraries.integers().between(0, 2).list().ofMaxSize(15);
        Arbitrary<List<int[]>> tasks = Combinators.combine(Arbitraries.integers().between(0, 4000),
                Arbitraries.integers().between(0, 4096)).as((c, r) -> new int[] {c, r}).list().ofMaxSize(25);
        Arbitrary<Integer> limit = Arbitraries.of(0, 1, 2, 3, 5);
        Arbitrary<String> placement = Arbitraries.of("least-loaded", "first-fit", "best-fit", "worst-fit",
                "first-fit-decreasing", "pabfd");
        Arbitrary<Double> threshold = Arbitraries.of(0.5, 0.7, 0.8, 0.9, 1.0);
        Arbitrary<List<Integer>> failed = Arbitraries.integers().between(0, 9).list().ofMaxSize(3);
        return Combinators.combine(hosts, placed, pending, tasks, limit, placement, threshold, failed)
                .as(World::new);
    }

    private static EngineSettings settings(World world, VmSizing sizing, boolean consolidate) {
        return new EngineSettings(world.rules(sizing), EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT,
                world.placement(),
                consolidate ? new PolicyChoice("thr", java.util.Map.of("threshold", world.threshold())) : null,
                consolidate ? PolicyChoice.of("mmt") : null,
                consolidate ? PolicyChoice.of("least-utilized") : null,
                true, null, 3, null, null, PolicyContext.DEFAULT);
    }

    @Property(tries = 300)
    void consolidation_disruptsNoMoreServersAtOnceThanTheBudgetAllows(@ForAll("worlds") World world,
            @ForAll("budgets") DisruptionBudget budget) {
        TestFleet fleet = world.build();
        FleetRules base = world.rules(VmSizing.DEMAND);
        Engine engine = settings(world, VmSizing.DEMAND, true)
                .withRules(new FleetRules(base.maxVmsPerHost(), base.sizing(), budget)).newEngine();

        Plan plan = engine.decide(fleet, Trigger.TICK);

        assertThat(DisruptionBudget.disruptedHosts(fleet, plan).size()).as(plan.actions().toString())
                .isLessThanOrEqualTo(budget.allowed(DisruptionBudget.activeHosts(fleet)));
    }

    @Provide
    Arbitrary<DisruptionBudget> budgets() {
        return Combinators.combine(Arbitraries.of(0.1, 0.25, 0.5, 1.0), Arbitraries.of(0, 1, 2))
                .as(DisruptionBudget::new);
    }

    @Property(tries = 300)
    void placement_neverExceedsVmLimitOrCapacity(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        Engine engine = settings(world, VmSizing.RESERVATION, false).newEngine();

        fleet.apply(engine.decide(fleet, Trigger.TICK));

        for (int h = 0; h < fleet.hostCount(); h++) {
            List<Integer> vms = fleet.vmsOn(h);
            assertThat(vms.size()).as("VMs on host-%d", h).isLessThanOrEqualTo(world.rules(VmSizing.RESERVATION)
                    .maxVmsPerHost());
            Resources reserved = vms.stream().map(v -> fleet.vmType(v).reservation())
                    .reduce(Resources.ZERO, Resources::plus);
            HostType type = fleet.hostType(h);
            assertThat(reserved.cpuMips()).as("CPU reserved on host-%d", h).isLessThanOrEqualTo(type.totalMips());
            assertThat(reserved.ramMb()).as("RAM reserved on host-%d", h).isLessThanOrEqualTo(type.ramMb());
            for (int v : vms) {
                assertThat(fleet.vmType(v).mipsPerCore()).isLessThanOrEqualTo(type.mipsPerCore());
            }
        }
    }

    @Property(tries = 300)
    void everyPlan_neverLosesOrDuplicatesAVm(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        int vmsBefore = fleet.vmCount();
        Engine engine = settings(world, VmSizing.DEMAND, true).newEngine();

        Plan plan = engine.decide(fleet, Trigger.TICK);
        fleet.apply(plan);

        Set<Integer> seen = new HashSet<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            for (int v : fleet.vmsOn(h)) {
                assertThat(seen.add(v)).as("vm-%d is on two hosts", v).isTrue();
                assertThat(fleet.vmHost(v)).isEqualTo(h);
            }
        }
        for (int v = 0; v < vmsBefore; v++) {
            boolean placed = fleet.vmHost(v) >= 0;
            assertThat(placed == seen.contains(v)).as("vm-%d placed consistently", v).isTrue();
        }
        Set<Integer> moved = new HashSet<>();
        for (Action action : plan.actions()) {
            if (action instanceof MigrateVm m) {
                assertThat(moved.add(m.vm().index())).as("%s moves twice in one plan", m.vm()).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void consolidation_neverMovesAVmOntoAServerItWouldOverload(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        Engine engine = settings(world, VmSizing.DEMAND, true).newEngine();

        Plan plan = engine.decide(fleet, Trigger.TICK);
        fleet.apply(plan);

        Set<Integer> targets = new HashSet<>();
        for (Action action : plan.actions()) {
            if (action instanceof MigrateVm m) {
                targets.add(m.to().index());
            }
        }
        for (int h : targets) {
            double demand = fleet.vmsOn(h).stream().mapToDouble(fleet::vmCpuDemandMips).sum();
            boolean single = fleet.vmsOn(h).size() == 1;
            assertThat(single || demand / fleet.hostType(h).totalMips() <= world.threshold())
                    .as("target host-%d ends at %.3f of its CPU, threshold %.2f", h,
                            demand / fleet.hostType(h).totalMips(), world.threshold())
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void failover_leavesFailedServersEmptyAndPlacesTheirVmsOnHealthyOnes(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        Engine engine = settings(world, VmSizing.RESERVATION, false).newEngine();

        Plan plan = engine.decide(fleet, Trigger.HEALTH_CHECK);
        fleet.apply(plan);

        Set<Integer> fenced = new HashSet<>();
        for (Action action : plan.actions()) {
            if (action instanceof FenceHost f) {
                fenced.add(f.host().index());
            }
        }
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.missedHealthChecks(h) >= 3 && world.hosts().get(h)[1] == 0) {
                assertThat(fenced).as("host-%d missed 3 checks", h).contains(h);
            }
        }
        for (int h : fenced) {
            assertThat(fleet.vmsOn(h)).as("failed host-%d", h).isEmpty();
            assertThat(fleet.hostState(h)).isEqualTo(HostState.FAILED);
        }
        for (Action action : plan.actions()) {
            if (action instanceof PlaceVm p) {
                assertThat(fenced).doesNotContain(p.host().index());
            }
        }
    }

    @Property(tries = 300)
    void dispatch_neverOverfillsAVm(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        Engine engine = settings(world, VmSizing.RESERVATION, false).newEngine();

        fleet.apply(engine.decide(fleet, Trigger.TASKS_QUEUED));

        for (int v = 0; v < fleet.vmCount(); v++) {
            List<TaskRequest> tasks = fleet.tasksOn(v);
            VmType type = fleet.vmType(v);
            assertThat(tasks.size()).as("tasks on vm-%d", v).isLessThanOrEqualTo(type.taskSlots());
            double cpu = tasks.stream().mapToDouble(t -> t.demand().cpuMips()).sum();
            double ram = tasks.stream().mapToDouble(t -> t.demand().ramMb()).sum();
            assertThat(cpu).as("task CPU on vm-%d", v).isLessThanOrEqualTo(type.totalMips());
            assertThat(ram).as("task RAM on vm-%d", v).isLessThanOrEqualTo(type.ramMb());
        }
    }

    @Property(tries = 200)
    void decide_givesTheSamePlanForTheSameView(@ForAll("worlds") World world) {
        Plan first = settings(world, VmSizing.DEMAND, true).newEngine().decide(world.build(), Trigger.TICK);
        Plan second = settings(world, VmSizing.DEMAND, true).newEngine().decide(world.build(), Trigger.TICK);

        assertThat(second).isEqualTo(first);
    }

    @Property(tries = 100)
    void aPlanOnlyNamesServersAndVmsThatExistOrItCreates(@ForAll("worlds") World world) {
        TestFleet fleet = world.build();
        Plan plan = settings(world, VmSizing.DEMAND, true).newEngine().decide(fleet, Trigger.TICK);

        List<Integer> newVms = new ArrayList<>();
        for (Action action : plan.actions()) {
            if (action instanceof PlaceVm p && p.vm().index() >= fleet.vmCount()) {
                newVms.add(p.vm().index());
            }
            if (action instanceof MigrateVm m) {
                assertThat(m.vm().index()).isLessThan(fleet.vmCount());
            }
        }
        for (int i = 0; i < newVms.size(); i++) {
            assertThat(newVms.get(i)).isEqualTo(fleet.vmCount() + i);
        }
    }
}
