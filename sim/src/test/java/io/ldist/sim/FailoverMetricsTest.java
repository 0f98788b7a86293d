package io.ldist.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskShape;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskStreamWorkload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failover metrics of the summary. Two servers with two VMs each and room for three VMs per server: when
 * one crashes, one of its VMs moves to the survivor at once and the other waits for a replacement server to boot
 * (120 s), so the failover recovers within a few minutes, unless the run ends first.
 */
class FailoverMetricsTest {
    private static final VmType WORKER = new VmType("worker", 4, 2000, 0, 16384, 1000, 4);
    private static final double RUN_S = 2 * 3600;

    private static SimulationResult runWithCrashAt(double crashS, List<EventRow> events) {
        TaskShape shape = new TaskShape(new Distribution.Fixed(1000), new Distribution.Fixed(0),
                new Distribution.Fixed(1024), new Distribution.Fixed(120), Double.POSITIVE_INFINITY);
        SimulationSpec spec = new SimulationSpec("failover", 3, RUN_S, 60,
                List.of(new HostGroup(SimulationProperties.METAL, 2, HostState.ACTIVE)),
                new TaskStreamWorkload(new TaskSource.PoissonArrivals(60.0 / 3600, null, List.of(), shape),
                        TaskRecovery.RESTART, 2, Double.POSITIVE_INFINITY, TaskCeiling.NONE),
                MigrationModel.STUDY, 10,
                new Faults(List.of(new Faults.HostCrash(0, crashS, Double.POSITIVE_INFINITY)), null, List.of()));
        EngineSettings engine = new EngineSettings(new FleetRules(3, VmSizing.RESERVATION),
                EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, "least-loaded", null, null, null, false, null, 3,
                null, new VmTemplate(WORKER, 2), new PolicyContext(60, 0.5, 3));
        return new Simulation(spec, engine.newEngine(), events::add, null).checkingInvariantsAfterEveryPlan().run();
    }

    @Test
    void aCrashThatRecovers_isTimedFromTheCrashUntilItsLastVmRuns() {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = runWithCrashAt(1800, events);

        assertThat(result.metric("failovers")).isEqualTo(1);
        assertThat(result.metric("failoversUnrecovered")).isZero();
        // Detection (the third missed check, 20 s after the crash) and the replacement's boot (120 s) come
        // before the last VM runs again; it is placed as a failover, not as a new VM.
        double recovery = result.metric("meanTimeToRecoverS");
        assertThat(recovery).isBetween(20.0 + 120.0, 600.0);
        assertThat(result.metric("maxTimeToRecoverS")).isEqualTo(recovery);
        List<EventRow> replaced = events.stream()
                .filter(e -> e.kind().equals("PlaceVm") && e.reason().equals("FAILOVER")).toList();
        assertThat(replaced).extracting(EventRow::vm).containsExactlyInAnyOrder(0, 1);
        assertThat(replaced.get(replaced.size() - 1).timeS()).isEqualTo(1800 + recovery);
    }

    @Test
    void aCrashTooCloseToTheEnd_isCountedUnrecovered_andLeftOutOfTheTimes() {
        SimulationResult result = runWithCrashAt(RUN_S - 100, new ArrayList<>());

        assertThat(result.metric("failovers")).isEqualTo(1);
        assertThat(result.metric("failoversUnrecovered")).isEqualTo(1);
        assertThat(result.metric("meanTimeToRecoverS")).isNaN();
        assertThat(result.metric("maxTimeToRecoverS")).isNaN();
    }
}
