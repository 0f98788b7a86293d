package io.ldist.sim.kernel;

import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

/** What the parts of one run share: the fleet and its tasks, the event queue, the recorder, the executor, the log. */
record RunWorld(VirtualFleet fleet, TaskBook tasks, EventQueue events, RunRecorder recorder, SimExecutor executor,
                EventLog log) {
}
