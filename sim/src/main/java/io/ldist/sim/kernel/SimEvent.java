package io.ldist.sim.kernel;

/** Something that happens at a point of simulated time. Past-tense names: events are facts. */
public sealed interface SimEvent {
    /** The periodic decision interval came round. */
    record DecisionDue() implements SimEvent { }

    /** Servers are probed. */
    record HealthCheckDue() implements SimEvent { }

    /** A live migration finished. */
    record MigrationCompleted(int vm) implements SimEvent { }

    /** A server finished booting (or resuming). */
    record BootCompleted(int host) implements SimEvent { }

    /** A server crashed. */
    record HostCrashed(int host, double repairAfterS) implements SimEvent { }

    /** A crashed server's repair is done. */
    record HostRepaired(int host) implements SimEvent { }

    /** A task arrived. */
    record TaskArrived(io.ldist.scenario.spec.TaskSpec task) implements SimEvent { }

    /** A task's run ends (it succeeded or failed); stale when the task has moved on since. */
    record TaskRunEnded(long task, long runSerial) implements SimEvent { }

    /** The operator asks for the scenario's {@code index}-th rolling update. */
    record UpdateRequested(int index) implements SimEvent { }

    /** A server's update is done: it returns to service. */
    record HostUpdated(int host) implements SimEvent { }

    /** Ask the engine again at the same time (the last plan freed capacity or queued tasks). */
    record FollowUpDue() implements SimEvent { }
}
