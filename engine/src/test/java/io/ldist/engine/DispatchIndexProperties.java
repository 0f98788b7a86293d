package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.dispatch.DispatchIndex;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.score.WeightedLoadScorer;
import io.ldist.engine.model.VmId;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The dispatch index always agrees with a full scan (the naive oracle: every server in index order, the
 * policy's rank, ties to the lowest index, the roomiest VM on the server): same server and VM, over random
 * fleets of up to 200 servers of three types (one with GPUs, power curves that rise unevenly), mixed at random
 * or in blocks of one type (so that whole groups of the index share a type, and its bounds per type are used
 * above the leaves; one block is a fleet of one type), random loads,
 * and random sequences of task starts, task ends (read back from the view), servers changing state and gates
 * (circuit breakers) opening and closing, for every placement policy of the registry and both scorers.
 */
class DispatchIndexProperties {
    /** Prices for the cheapest placement (host types carry their on-demand prices; one has a licence). */
    private static final PolicyContext PRICED = PolicyContext.DEFAULT.withCosts(new CostModel(
            Map.of("g", new HostTypeCosts(0.4, 0, 0, 0), "gpu", new HostTypeCosts(0.4, 0, 0, 0)), 0.15, 0, 0, 0, 0, 0));
    private static final FleetRules RULES = new FleetRules(3, VmSizing.RESERVATION);
    private static final HostType[] HOST_TYPES = {
        new HostType("a", 16, 2500, 0, 65536, 10000, 0.8, new PowerCurve(100, 160, 190, 220, 240, 250), 0, 0),
        new HostType("b", 32, 2000, 0, 131072, 10000, 1.1, new PowerCurve(90, 100, 180, 200), 0, 0),
        new HostType("g", 24, 2000, 4, 131072, 10000, 2.5, new PowerCurve(150, 230, 260, 330), 0, 0),
    };
    private static final VmType[] VM_TYPES = {
        TestFleet.vmType("small", 4, 2500, 16384, 2),
        TestFleet.vmType("large", 8, 2000, 32768, 4),
        new VmType("gpu-vm", 8, 2000, 1, 32768, 1000, 3),
    };

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of(PlacementPolicies.family(new DominantResourceScorer()).names());
    }

    @Property(tries = 300)
    void indexChoosesAsAFullScan(@ForAll("placements") String placement, @ForAll boolean dominant,
                                 @ForAll boolean typesInBlocks, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Scorer scorer = dominant ? new DominantResourceScorer() : new WeightedLoadScorer(LoadWeights.DEFAULT);
        PlacementPolicy policy = PlacementPolicies.family(scorer).create(PolicyChoice.of(placement),
                PRICED);
        TestFleet fleet = TestFleet.aFleet();
        int hosts = 1 + random.nextInt(200);
        int blockSize = 1 + random.nextInt(hosts);
        int firstType = random.nextInt(3);
        for (int h = 0; h < hosts; h++) {
            HostType type = HOST_TYPES[typesInBlocks ? (firstType + h / blockSize) % 3 : random.nextInt(3)];
            int host = fleet.withHost(type, random.nextInt(8) == 0 ? HostState.DRAINING : HostState.ACTIVE);
            for (int v = 1 + random.nextInt(3); v > 0; v--) {
                fleet.withVmOn(host, VM_TYPES[type.gpus() > 0 ? random.nextInt(3) : random.nextInt(2)], 0, 0);
            }
        }
        BitSet closed = new BitSet();
        HostGate gate = new HostGate() {
            @Override
            public boolean admits(int host) {
                return !closed.get(host);
            }

            @Override
            public void routed(int host) {
            }
        };
        DispatchIndex index = new DispatchIndex(policy);
        PlanningState plan = new PlanningState(fleet, RULES, Trigger.TASKS_QUEUED);
        index.load(plan, gate);
        long nextTask = 0;
        for (int step = 0; step < 150; step++) {
            int roll = random.nextInt(10);
            if (roll < 6) {
                Resources demand = new Resources(random.nextInt(20) * 500, random.nextInt(5) == 0 ? 1 : 0,
                        1024 * random.nextInt(24), 0);
                int expected = fullScan(demand, plan, policy, gate);
                int chosen = index.choose(demand);
                assertThat(chosen).as("VM for %s at step %d", demand, step).isEqualTo(expected);
                if (chosen >= 0) {
                    plan.assignTask(chosen, demand);
                    index.assign(chosen, demand);
                    TaskRequest task = new TaskRequest(new TaskId(nextTask++), demand, 0, Double.POSITIVE_INFINITY, 0);
                    fleet.withQueuedTask(task);
                    fleet.apply(new Plan(0, List.of(new AssignTask(task.id(), VmId.of(chosen), Reason.DISPATCH))));
                }
            } else if (roll < 8) {
                int vm = random.nextInt(fleet.vmCount());
                if (fleet.vmRunningTasks(vm) > 0) {
                    fleet.endTask(vm, random.nextInt(fleet.vmRunningTasks(vm)), true);
                }
                plan = resync(fleet, index, gate);
            } else if (roll < 9) {
                int host = random.nextInt(hosts);
                closed.flip(host);
                index.gateChanged(host);
            } else {
                int host = random.nextInt(hosts);
                fleet.withHostState(host, fleet.hostState(host) == HostState.ACTIVE ? HostState.DRAINING
                        : HostState.ACTIVE);
                plan = resync(fleet, index, gate);
            }
        }
    }

    /** The view changed: a fresh planning state for the oracle, and every server read again by the index. */
    private static PlanningState resync(TestFleet fleet, DispatchIndex index, HostGate gate) {
        for (int h = 0; h < fleet.hostCount(); h++) {
            index.refresh(h, fleet);
        }
        return new PlanningState(fleet, RULES, Trigger.CAPACITY_FREED);
    }

    private static int fullScan(Resources demand, PlanningState plan, PlacementPolicy policy, HostGate gate) {
        return NaiveDispatchStep.chooseVm(demand, plan, policy, gate);
    }
}
