package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.dispatch.TaskDispatcher;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.failover.CircuitBreakers;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.score.WeightedLoadScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The per-task path ({@link Engine#dispatch}) decides exactly as whole decisions do: over random fleets (two
 * server types, one with GPUs; servers active, standby or draining; one to three VMs of several sizes) and
 * random sequences of arrivals (of one to three service tiers), task ends (successes and failures, feeding circuit breakers), withdrawals and
 * occasional whole decisions, one engine answers every task-only step through the per-task path and a twin
 * engine through a whole decision, and a third, the oracle, through whole decisions whose dispatch scans every
 * queued task over every server ({@link NaiveDispatchStep}). Their plans (assignments and breaker notes) must be
 * equal at every step, for every placement policy of the registry and both scorers.
 */
class TaskPathProperties {
    /** Prices for the cheapest placement (host types carry their on-demand prices; one has a licence). */
    private static final PolicyContext PRICED = PolicyContext.DEFAULT.withCosts(new CostModel(
            Map.of("g", new HostTypeCosts(0.4, 0, 0, 0), "gpu", new HostTypeCosts(0.4, 0, 0, 0)), 0.15, 0, 0, 0, 0, 0));
    private static final HostType PLAIN = new HostType("plain", 16, 2500, 0, 65536, 10000, 0.8,
            new PowerCurve(100, 160, 190, 220, 240, 250), 0, 0);
    private static final HostType GPU = new HostType("gpu", 24, 2000, 4, 131072, 10000, 2.5,
            new PowerCurve(150, 230, 260, 330), 0, 0);
    private static final VmType[] VM_TYPES = {
        TestFleet.vmType("small", 4, 2500, 16384, 2),
        TestFleet.vmType("large", 8, 2000, 32768, 4),
        new VmType("gpu-vm", 8, 2000, 1, 32768, 1000, 3),
    };

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of(PlacementPolicies.family(new DominantResourceScorer()).names());
    }

    @Property(tries = 400)
    void perTaskPathDecidesAsWholeDecisions(@ForAll("placements") String placement, @ForAll boolean dominant,
                                            @ForAll boolean breakers, @ForAll @IntRange(min = 1, max = 3) int tiers,
                                            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TestFleet fast = TestFleet.aFleet();
        TestFleet slow = TestFleet.aFleet();
        buildFleet(new SplittableRandom(seed + 1), fast);
        buildFleet(new SplittableRandom(seed + 1), slow);
        TestFleet naive = TestFleet.aFleet();
        buildFleet(new SplittableRandom(seed + 1), naive);
        Engine perTask = engine(placement, dominant, breakers, false);
        Engine whole = engine(placement, dominant, breakers, false);
        Engine oracle = engine(placement, dominant, breakers, true);
        double t = 0;
        long nextTask = 0;
        Plan first = perTask.decide(fast.at(t), Trigger.TICK);
        assertThat(first).isEqualTo(whole.decide(slow.at(t), Trigger.TICK));
        assertThat(first).isEqualTo(oracle.decide(naive.at(t), Trigger.TICK));
        fast.apply(first);
        slow.apply(first);
        naive.apply(first);
        for (int step = 0; step < 60; step++) {
            t += 1 + random.nextInt(40);
            fast.at(t);
            slow.at(t);
            naive.at(t);
            if (random.nextInt(10) == 0) {
                Plan a = perTask.decide(fast, Trigger.TICK);
                Plan b = whole.decide(slow, Trigger.TICK);
                assertThat(a).as("whole decision at step %d", step).isEqualTo(b);
                assertThat(a).as("whole decision at step %d, against the oracle", step)
                        .isEqualTo(oracle.decide(naive, Trigger.TICK));
                fast.apply(a);
                slow.apply(b);
                naive.apply(a);
                continue;
            }
            TaskChanges changes = new TaskChanges();
            boolean queued = false;
            for (int e = random.nextInt(4); e > 0; e--) {
                int vm = randomBusyVm(random, fast);
                if (vm < 0) {
                    break;
                }
                int i = random.nextInt(fast.tasksOn(vm).size());
                boolean success = random.nextInt(3) > 0;
                fast.endTask(vm, i, success);
                slow.endTask(vm, i, success);
                naive.endTask(vm, i, success);
                changes.taskEnded(fast.vmHost(vm));
            }
            for (int a = random.nextInt(5); a > 0; a--) {
                TaskRequest task = new TaskRequest(new TaskId(nextTask++), randomDemand(random), t,
                        Double.POSITIVE_INFINITY, 0, random.nextInt(tiers), Double.POSITIVE_INFINITY);
                fast.withQueuedTask(task);
                slow.withQueuedTask(task);
                naive.withQueuedTask(task);
                changes.queued(task);
                queued = true;
            }
            if (fast.queuedTaskCount() > 0 && random.nextInt(6) == 0) {
                TaskId dropped = fast.queuedTask(random.nextInt(fast.queuedTaskCount())).id();
                fast.withdraw(dropped);
                slow.withdraw(dropped);
                naive.withdraw(dropped);
                changes.withdrawn(dropped);
            }
            Plan a = perTask.dispatch(fast, changes);
            Trigger trigger = queued ? Trigger.TASKS_QUEUED : Trigger.CAPACITY_FREED;
            Plan b = whole.decide(slow, trigger);
            Plan c = oracle.decide(naive, trigger);
            assertThat(a.actions()).as("assignments at step %d", step).isEqualTo(b.actions());
            assertThat(a.actions()).as("assignments at step %d, against the oracle", step).isEqualTo(c.actions());
            assertThat(a.breakerChanges()).as("breaker notes at step %d", step).isEqualTo(b.breakerChanges());
            assertThat(a.breakerChanges()).as("breaker notes at step %d, against the oracle", step)
                    .isEqualTo(c.breakerChanges());
            assertThat(a.actions()).allMatch(AssignTask.class::isInstance);
            fast.apply(a);
            slow.apply(b);
            naive.apply(c);
        }
    }

    private static void buildFleet(SplittableRandom random, TestFleet fleet) {
        int hosts = 1 + random.nextInt(12);
        for (int h = 0; h < hosts; h++) {
            boolean gpu = random.nextInt(4) == 0;
            int roll = random.nextInt(10);
            HostState state = roll < 7 ? HostState.ACTIVE : roll < 9 ? HostState.STANDBY : HostState.DRAINING;
            int host = fleet.withHost(gpu ? GPU : PLAIN, state);
            if (state == HostState.STANDBY) {
                continue;
            }
            int vms = 1 + random.nextInt(3);
            for (int v = 0; v < vms; v++) {
                VmType type = VM_TYPES[gpu ? random.nextInt(3) : random.nextInt(2)];
                fleet.withVmOn(host, type, 0, 0);
            }
        }
    }

    private static int randomBusyVm(SplittableRandom random, TestFleet fleet) {
        List<Integer> busy = new ArrayList<>();
        for (int v = 0; v < fleet.vmCount(); v++) {
            if (fleet.vmRunningTasks(v) > 0) {
                busy.add(v);
            }
        }
        return busy.isEmpty() ? -1 : busy.get(random.nextInt(busy.size()));
    }

    private static Resources randomDemand(SplittableRandom random) {
        double cpu = 500 + random.nextInt(12) * 1000;
        double ram = 1024 * (1 + random.nextInt(20));
        double gpus = random.nextInt(6) == 0 ? 1 : 0;
        return new Resources(cpu, gpus, ram, 0);
    }

    private static Engine engine(String placement, boolean dominant, boolean withBreakers, boolean naive) {
        Scorer scorer = dominant ? new DominantResourceScorer() : new WeightedLoadScorer(LoadWeights.DEFAULT);
        PlacementPolicy policy = PlacementPolicies.family(scorer).create(PolicyChoice.of(placement),
                PRICED);
        FleetRules rules = new FleetRules(3, VmSizing.RESERVATION);
        List<DecisionStep> steps = new ArrayList<>();
        HostGate gate = HostGate.ALWAYS_OPEN;
        if (withBreakers) {
            CircuitBreakers breakers = new CircuitBreakers(new CircuitBreakerSettings(0.4, 3, 120, 60));
            steps.add(breakers);
            gate = breakers;
        }
        if (naive) {
            steps.add(new NaiveDispatchStep(policy, gate));
            return new Engine(rules, steps);
        }
        TaskDispatcher dispatcher = new TaskDispatcher(policy, gate);
        steps.add(new DispatchStep(dispatcher));
        return new Engine(rules, steps, dispatcher);
    }
}
