package io.ldist.engine.scale;

import io.ldist.engine.TestFleet;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.util.IntList;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchTypeChoiceTest {
    private static final FleetRules RULES = new FleetRules(3, VmSizing.RESERVATION);
    /** Same CPU; the "lean" type has a quarter of the memory for 80 % of the price. */
    private static final HostType ROOMY = new HostType("roomy", 16, 1000, 0, 65536, 1000, 1.0,
            TestFleet.LINEAR_POWER, 0, 0);
    private static final HostType LEAN = new HostType("lean", 16, 1000, 0, 16384, 1000, 0.8,
            TestFleet.LINEAR_POWER, 0, 0);
    private static final HostType GPU = new HostType("gpu", 16, 1000, 4, 65536, 1000, 3.0,
            TestFleet.LINEAR_POWER, 0, 0);

    private static PlanningState waiting(Resources... tasks) {
        TestFleet fleet = TestFleet.aFleet();
        fleet.withHost(ROOMY, HostState.ACTIVE);
        for (int i = 0; i < tasks.length; i++) {
            fleet.withQueuedTask(i, tasks[i]);
        }
        return new PlanningState(fleet, RULES, Trigger.TICK);
    }

    @Test
    void cpuBoundDemandGoesToTheTypeThatIsCheaperPerCpu() {
        var choice = new LaunchTypeChoice(List.of(ROOMY, LEAN), CostModel.NONE, null);
        assertThat(choice.choose(waiting(new Resources(4000, 0, 1024, 0)), new IntList()).name()).isEqualTo("lean");
    }

    @Test
    void memoryBoundDemandGoesToTheTypeThatIsCheaperPerMemory() {
        var choice = new LaunchTypeChoice(List.of(ROOMY, LEAN), CostModel.NONE, null);
        // 1,000 MIPS and 8 GiB: a lean server carries 2 of them, a roomy one 8 (16 by CPU).
        assertThat(choice.choose(waiting(new Resources(1000, 0, 8192, 0)), new IntList()).name()).isEqualTo("roomy");
    }

    @Test
    void licencesCountInTheCost() {
        var costs = new CostModel(Map.of("lean", new HostTypeCosts(0.5, 0, 0, 0)), 0, 0, 0, 0, 0, 0);
        var choice = new LaunchTypeChoice(List.of(ROOMY, LEAN), costs, null);
        assertThat(choice.choose(waiting(new Resources(4000, 0, 1024, 0)), new IntList()).name()).isEqualTo("roomy");
    }

    @Test
    void gpuDemandNeedsATypeWithGpus() {
        var choice = new LaunchTypeChoice(List.of(ROOMY, GPU), CostModel.NONE, null);
        assertThat(choice.choose(waiting(new Resources(1000, 1, 1024, 0)), new IntList()).name()).isEqualTo("gpu");
        assertThat(choice.choose(waiting(new Resources(1000, 0, 1024, 0)), new IntList()).name()).isEqualTo("roomy");
    }

    @Test
    void inATaskStreamOnlyTheTemplatesVmsCarryTasks() {
        // Three 4-core VMs of 16 GiB fit a roomy server; only one fits a lean one: the lean type then carries a
        // third of the CPU for 80 % of the price.
        VmTemplate template = new VmTemplate(new VmType("worker", 4, 1000, 0, 16384, 100, 4), 3);
        var choice = new LaunchTypeChoice(List.of(LEAN, ROOMY), CostModel.NONE, template);
        assertThat(choice.choose(waiting(new Resources(1000, 0, 512, 0)), new IntList()).name()).isEqualTo("roomy");
    }

    @Test
    void withNothingWaitingTheFleetsCurrentDemandDecidesAndTiesGoToTheFirstType() {
        TestFleet fleet = TestFleet.aFleet();
        int host = fleet.withHost(ROOMY, HostState.ACTIVE);
        fleet.withVmOn(host, new VmType("big-memory", 2, 1000, 0, 32768, 100, 1), 1000, 32768);
        var plan = new PlanningState(fleet, RULES, Trigger.TICK);
        assertThat(new LaunchTypeChoice(List.of(LEAN, ROOMY), CostModel.NONE, null).choose(plan, new IntList())
                .name()).isEqualTo("roomy");

        var twin = new HostType("twin", 16, 1000, 0, 65536, 1000, 1.0, TestFleet.LINEAR_POWER, 0, 0);
        assertThat(new LaunchTypeChoice(List.of(twin, ROOMY), CostModel.NONE, null).choose(plan, new IntList())
                .name()).isEqualTo("twin");
    }
}
