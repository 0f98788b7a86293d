package io.ldist.engine.decide;

/**
 * How much of a server a running VM is taken to occupy when the engine plans placements.
 * A VM that is being created always occupies its full reservation.
 */
public enum VmSizing {
    /** What the VM uses now (trace replay: servers may be oversubscribed later as demand grows). */
    DEMAND,
    /** What the VM's type reserves (task streams on Hyper-V servers: no oversubscription). */
    RESERVATION
}
