package io.ldist.engine.model;

/**
 * Life cycle of a server. Only ACTIVE servers accept new VMs and tasks; DRAINING servers finish or hand over
 * what they run and then stop; FAILED servers are fenced off until repaired; TERMINATED servers have left
 * the fleet for good (their index is never reused); UPDATING servers are out of service, drained, while a
 * rolling update applies its change (they are powered and billed, and come back ACTIVE and empty).
 */
public enum HostState {
    STANDBY, BOOTING, ACTIVE, DRAINING, FAILED, TERMINATED, UPDATING;

    /** States in which the server is powered and billed. */
    public boolean isRunning() {
        return this == BOOTING || this == ACTIVE || this == DRAINING || this == UPDATING;
    }
}
