package io.ldist.sim;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.affinity.AffinityRule;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmType;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run says about VMs its hard affinity rules keep from a server, and what it counts. */
class AffinityEventsTest {

    /** Three light VMs on one active server that could hold them all, with {@code rules}. */
    private static SimulationResult run(List<AffinityRule> rules, List<EventRow> events) {
        byte[][] percent = new byte[3][12];
        for (byte[] series : percent) {
            java.util.Arrays.fill(series, (byte) 10);
        }
        UtilizationTrace trace = new UtilizationTrace(List.of("a", "b", "c"), percent, 300);
        VmType small = new VmType("small", 1, 500, 0, 512, 100, 1);
        SimulationSpec spec = new SimulationSpec("one-server", 1, 12 * 300, 300,
                List.of(new HostGroup(SimulationProperties.LARGE, 1, HostState.ACTIVE)),
                new VmTraceWorkload(trace, List.of(small), RamModel.RESERVED, VmLifetime.WHOLE_TRACE, 1),
                MigrationModel.STUDY, 10, Faults.NONE);
        FleetRules fleet = new FleetRules(FleetRules.NO_VM_LIMIT, VmSizing.DEMAND)
                .withAffinity(new AffinityRules(rules));
        EngineSettings engine = new EngineSettings(fleet, EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT,
                "pabfd", null, null, null, true, null, 3, null, null, new PolicyContext(300, 0.5, 1));
        return new Simulation(spec, engine.newEngine(), events::add, null).checkingInvariantsAfterEveryPlan().run();
    }

    @Test
    void hardApartRuleOnOneServer_secondVmWaitsAndTheEventNamesTheRule() {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = run(List.of(new AffinityRule("spread", AffinityRule.Kind.APART, AffinityRule.HARD,
                new int[] {0, 1})), events);

        assertThat(result.finalFleet().vmHost(0)).isZero();
        assertThat(result.finalFleet().vmHost(1)).isEqualTo(-1);
        assertThat(result.finalFleet().vmHost(2)).isZero();
        assertThat(events).filteredOn(e -> e.kind().equals("VmUnplaced"))
                .extracting(EventRow::vm, EventRow::reason, EventRow::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AFFINITY",
                        "waits for a server its hard affinity rules allow: spread"));
        assertThat(result.metric("unplaced")).isEqualTo(1);
        assertThat(result.metric("affinityHardViolations")).isZero();
    }

    @Test
    void softApartRuleOnOneServer_broken_countedEveryInterval() {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = run(List.of(new AffinityRule("spread", AffinityRule.Kind.APART, 0.5,
                new int[] {0, 1})), events);

        assertThat(result.finalFleet().vmHost(1)).isZero();
        assertThat(events).noneMatch(e -> e.kind().equals("VmUnplaced"));
        assertThat(result.metric("affinitySoftViolations")).isEqualTo(12);
        assertThat(result.metric("affinityHardViolations")).isZero();
    }

    @Test
    void noRules_noAffinityMetrics() {
        SimulationResult result = run(List.of(), new ArrayList<>());

        assertThat(result.summary()).doesNotContainKeys("affinityHardViolations", "affinitySoftViolations");
    }
}
