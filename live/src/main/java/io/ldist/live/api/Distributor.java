package io.ldist.live.api;

import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP API asks of the live distributor. Every method is safe to call from many request threads at once;
 * the implementation serialises what touches the engine. Methods that refuse raise {@link ApiProblem}, which
 * carries the HTTP status and a message for the client, and change nothing.
 */
public interface Distributor {

    /**
     * Hands a task to the engine's dispatch path (no whole decision): answers the server and VM it was given, or
     * that it is queued. Raises {@link ApiProblem} 429 when the queue is full, 400 for a task no server type could
     * ever run.
     */
    TaskTicket submit(TaskSubmission submission);

    /** The task's state now, or empty for an id never given out (or long forgotten). */
    Optional<TaskTicket> task(String id);

    /**
     * The client says the task ended ({@code failed} when it failed); frees its VM slot and lets queued tasks in.
     * Raises 404 for an unknown id, 409 for a task that is not running.
     */
    TaskTicket finish(String id, boolean failed);

    /** Servers, VMs and tasks as the engine sees them now. */
    ClusterReport cluster();

    /** The last whole decision's plan: what was applied, shown (dry run) or refused, and why. */
    PlanReport lastPlan();

    /** True when the last observation is recent enough to answer from (see the live-mode README). */
    Health health();

    /**
     * Running totals by name, exported as Prometheus counters {@code ldist_<name>_total}: tasks_submitted,
     * tasks_assigned, tasks_queued, tasks_finished, tasks_failed, tasks_expired, plans_applied, plans_refused,
     * actions_applied, actions_failed, observations, observation_errors.
     */
    Map<String, Long> counters();
}
