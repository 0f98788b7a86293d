package io.ldist.live.state;

import io.ldist.engine.model.HostState;
import io.ldist.live.fakes.LiveConfigs;

/** Small fleets for the state tests. */
final class TestFleets {
    private TestFleets() {
    }

    /** {@code servers} active servers, VM {@code i} running on server {@code i}. */
    static LiveFleet serversWithAVmEach(int servers) {
        LiveFleet fleet = new LiveFleet("c");
        for (int h = 0; h < servers; h++) {
            fleet.addHost(LiveConfigs.METAL, "t" + h, "i-" + h, HostState.ACTIVE);
            fleet.addVm(LiveConfigs.WORKER);
            fleet.placements().place(h, h);
        }
        return fleet;
    }

    /** A task of {@code cpuMips} and 1 GiB with a minute's lease, submitted now and started on the VM. */
    static LiveTask runningTask(LiveFleet fleet, double cpuMips, int vm) {
        LiveTask task = fleet.tasks().submit(cpuMips, 0, 1024, Double.POSITIVE_INFINITY, 60);
        fleet.tasks().start(task.id(), vm);
        return task;
    }
}
