package io.ldist.live.hypervisor;

import java.util.Locale;

/**
 * Power state of a VM, read by name (Hyper-V's numbers above 32780 differ between Windows versions, so numbers
 * are never trusted). Anything unknown is {@link #OTHER}.
 */
public enum VmPowerState {
    RUNNING, OFF, STOPPING, SAVED, PAUSED, STARTING, SAVING, PAUSING, RESUMING, RESET, OTHER;

    /** Hyper-V's state name ("Running", "Off", "FastSaved" ...) to a state. */
    public static VmPowerState ofHyperVName(String name) {
        if (name == null) {
            return OTHER;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "running" -> RUNNING;
            case "off" -> OFF;
            case "stopping" -> STOPPING;
            case "saved", "fastsaved" -> SAVED;
            case "paused" -> PAUSED;
            case "starting" -> STARTING;
            case "saving", "fastsaving" -> SAVING;
            case "pausing" -> PAUSING;
            case "resuming" -> RESUMING;
            case "reset" -> RESET;
            default -> OTHER;
        };
    }

    /** True when the VM serves work. */
    public boolean isRunning() {
        return this == RUNNING;
    }
}
