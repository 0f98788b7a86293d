package io.ldist.scenario.spec;

/** What becomes of a task whose VM was lost in a failover. */
public enum TaskRecovery {
    /** Starts again from nothing. */
    RESTART,
    /** Continues from the progress it had made (checkpointed work). */
    RESUME
}
