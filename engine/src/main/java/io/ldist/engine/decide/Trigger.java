package io.ldist.engine.decide;

/** What made the driver ask for a decision; each step says which triggers it acts on. */
public enum Trigger {
    /** The periodic decision interval. */
    TICK,
    /** Tasks joined the queue (arrivals, retries, tasks handed back by a failover). */
    TASKS_QUEUED,
    /** Capacity freed up: a task finished, a server finished booting, a VM started. */
    CAPACITY_FREED,
    /** A round of health checks completed. */
    HEALTH_CHECK
}
