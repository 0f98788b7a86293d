package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.LoadWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What an engine remembers carries it across a restart: two engines of the same settings run the same random
 * task stream (threshold scaling with its window and cooldown, circuit breakers on flaky outcomes, VM
 * templates, whole decisions at ticks and the per-task path between them); at a random step one is replaced
 * by a fresh engine given the other's memory ({@link Engine#remember}, {@link Engine#recall}), and from then
 * on both must plan exactly alike.
 */
class EngineMemoryProperties {
    private static final HostType HOST = new HostType("h", 16, 2500, 0, 65536, 10000, 1.0,
            new PowerCurve(100, 160, 190, 220, 240, 250), 0, 0);
    private static final VmType WORKER = TestFleet.vmType("worker", 4, 2500, 16384, 4);

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of(PlacementPolicies.family(new DominantResourceScorer()).names());
    }

    @Property(tries = 150)
    void anEngineGivenAnothersMemory_decidesAsItWould(@ForAll("placements") String placement,
                                                      @ForAll @IntRange(min = 1, max = 59) int restartAt,
                                                      @ForAll long seed) {
        EngineSettings settings = new EngineSettings(new FleetRules(3, VmSizing.RESERVATION),
                EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, placement, null, null, null, true,
                new ScalingSettings(0.6, 0.2, 120, 60, 1, 8, 1, HOST, 1, false), 3,
                new CircuitBreakerSettings(0.4, 3, 120, 60), new VmTemplate(WORKER, 2),
                new PolicyContext(30, 0.5, seed));
        TestFleet first = fleet();
        TestFleet second = fleet();
        Engine kept = settings.newEngine();
        Engine restarted = settings.newEngine();
        SplittableRandom random = new SplittableRandom(seed);
        double t = 0;
        long nextTask = 0;
        for (int step = 0; step < 60; step++) {
            if (step == restartAt) {
                Engine fresh = settings.newEngine();
                fresh.recall(restarted.remember());
                restarted = fresh;
            }
            t += 5 + random.nextInt(30);
            first.at(t);
            second.at(t);
            boolean tick = step % 4 == 0;
            TaskChanges changes = new TaskChanges();
            boolean queued = false;
            for (int e = random.nextInt(4); e > 0; e--) {
                int vm = busyVm(random, first);
                if (vm < 0) {
                    break;
                }
                int i = random.nextInt(first.tasksOn(vm).size());
                boolean success = random.nextInt(3) > 0;
                first.endTask(vm, i, success);
                second.endTask(vm, i, success);
                changes.taskEnded(first.vmHost(vm));
            }
            for (int a = random.nextInt(6); a > 0; a--) {
                TaskRequest task = new TaskRequest(new TaskId(nextTask++),
                        new Resources(1000 + random.nextInt(8) * 1000, 0, 1024 * (1 + random.nextInt(8)), 0), t,
                        Double.POSITIVE_INFINITY, 0);
                first.withQueuedTask(task);
                second.withQueuedTask(task);
                changes.queued(task);
                queued = true;
            }
            Trigger trigger = queued ? Trigger.TASKS_QUEUED : Trigger.CAPACITY_FREED;
            Plan a = tick ? kept.decide(first, Trigger.TICK) : kept.dispatch(first, changes);
            Plan b = tick ? restarted.decide(second, Trigger.TICK) : restarted.dispatch(second, changes);
            assertThat(b).as("step %d (%s), restarted at %d", step, tick ? "tick" : trigger, restartAt).isEqualTo(a);
            first.apply(a);
            second.apply(b);
        }
    }

    private static TestFleet fleet() {
        TestFleet fleet = TestFleet.aFleet();
        for (int h = 0; h < 3; h++) {
            int host = fleet.withHost(HOST, HostState.ACTIVE);
            fleet.withVmOn(host, WORKER, 0, 0);
            fleet.withVmOn(host, WORKER, 0, 0);
        }
        fleet.withHost(HOST, HostState.STANDBY);
        return fleet;
    }

    private static int busyVm(SplittableRandom random, TestFleet fleet) {
        List<Integer> busy = new ArrayList<>();
        for (int v = 0; v < fleet.vmCount(); v++) {
            if (fleet.vmRunningTasks(v) > 0) {
                busy.add(v);
            }
        }
        return busy.isEmpty() ? -1 : busy.get(random.nextInt(busy.size()));
    }
}
