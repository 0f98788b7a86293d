package io.ldist.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.sim.record.RunRecorder;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;
import org.junit.jupiter.api.Test;

/**
 * Energy is integrated per server, lazily, yet as the study defines it: over each stretch between instants,
 * the mean of the power at its start (after the instant's events) and at its end (demand at the next
 * instant). A server whose demand moves at every instant while nothing else happens (a trace VM that never
 * migrates) must start each stretch from the utilisation it ended the last one with.
 */
class FleetIntegralsTest {
    private static final HostType HOST = new HostType("h", 4, 1000, 0, 8192, 1000, 3.6, new PowerCurve(100, 200), 0, 0);
    private static final VmType VM = new VmType("vm", 4, 1000, 0, 1024, 100, 1);

    @Test
    void aServerWhoseDemandMovesEveryInstant_isIntegratedStretchByStretch() {
        VirtualFleet fleet = new VirtualFleet(MigrationModel.STUDY, new TaskBook());
        RunRecorder recorder = new RunRecorder();
        int host = fleet.addHost(HOST, HostState.ACTIVE);
        int vm = fleet.addVm(VM);
        fleet.place(vm, host);
        double[] utilizations = {0.2, 0.6, 0.4, 0.9, 0.9, 0.1};
        fleet.setNow(0);
        fleet.setDemand(vm, utilizations[0] * 4000, 0, 0);
        fleet.allocate();
        recorder.closeStretch(0, fleet);
        recorder.openStretch(fleet);
        double expectedJ = 0;
        for (int i = 1; i < utilizations.length; i++) {
            double t = 300.0 * i;
            fleet.setNow(t);
            fleet.setDemand(vm, utilizations[i] * 4000, 0, 0); // the trace's next value, before any event
            fleet.allocate();
            recorder.closeStretch(t, fleet);
            fleet.allocate(); // no event at this instant
            recorder.openStretch(fleet);
            expectedJ += (watts(utilizations[i - 1]) + watts(utilizations[i])) / 2 * 300;
        }

        assertThat(recorder.energyKWh()).isCloseTo(expectedJ / 3_600_000, within(1e-12));
        assertThat(recorder.costs(1500).totalUsd()).isCloseTo(3.6 * 1500 / 3600, within(1e-12));
    }

    private static double watts(double u) {
        return 100 + 100 * u;
    }
}
