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
    HEALTH_CHECK;

    /**
     * The trigger of one decision that answers both: triggers are ordered by the steps they run (tasks queued,
     * capacity freed, health check, tick), each running every step a weaker one runs, so a driver that gathers an
     * instant's triggers asks once, for the stronger.
     */
    public static Trigger stronger(Trigger a, Trigger b) {
        if (a == null) {
            return b;
        }
        return b == null || strength(a) >= strength(b) ? a : b;
    }

    private static int strength(Trigger trigger) {
        return switch (trigger) {
            case TASKS_QUEUED -> 0;
            case CAPACITY_FREED -> 1;
            case HEALTH_CHECK -> 2;
            case TICK -> 3;
        };
    }
}
