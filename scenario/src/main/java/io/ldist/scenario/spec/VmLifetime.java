package io.ldist.scenario.spec;

/** When a trace VM leaves the fleet. */
public enum VmLifetime {
    /** Never before the end of the trace. */
    WHOLE_TRACE,
    /**
     * As soon as its trace shows a whole idle interval (two consecutive zero samples) at a decision: the VM is
     * taken to have finished its work. CloudSim 3.0.3 does this (it removes VMs whose requested MIPS is 0).
     */
    UNTIL_IDLE
}
