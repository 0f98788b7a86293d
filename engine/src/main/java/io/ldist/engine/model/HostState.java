package io.ldist.engine.model;

/**
 * Life cycle of a server. Only ACTIVE servers accept new VMs and tasks; DRAINING servers finish or hand over
 * what they run and then stop; FAILED servers are fenced off until repaired; TERMINATED servers have left
 * the fleet for good (their index is never reused).
 */
public enum HostState {
    STANDBY, BOOTING, ACTIVE, DRAINING, FAILED, TERMINATED;

    /** States in which the server is powered and billed. */
    public boolean isRunning() {
        return this == BOOTING || this == ACTIVE || this == DRAINING;
    }
}
