package io.ldist.live.loop;

import io.ldist.engine.model.HostState;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each applying round finishes for the servers, before the engine decides: servers that booted into the warm
 * pool are stopped; drains that emptied finish; a server booting for longer than {@link #bootTimeoutS} is given up
 * (terminated), so that its capacity is replaced rather than awaited.
 */
final class Housekeeping {
    private static final double BOOT_TIMEOUT_FLOOR_S = 600;

    private final LiveFleet fleet;
    private final LiveExecutor executor;
    private final LiveCounters counters;
    private final Consumer<String> log;
    /** Driver time each booting server was first seen booting by this process. */
    private final Map<Integer, Double> bootingSinceS = new HashMap<>();

    Housekeeping(LiveFleet fleet, LiveExecutor executor, LiveCounters counters, Consumer<String> log) {
        this.fleet = fleet;
        this.executor = executor;
        this.counters = counters;
        this.log = log;
    }

    /** One pass over every server; a call that fails is logged and counted, and the pass goes on. */
    void run() {
        for (LiveHost host : fleet.hosts()) {
            try {
                if (host.state() == HostState.ACTIVE && host.intoStandby()) {
                    if (host.vmCount() == 0) {
                        executor.stopIntoStandby(host);
                    } else {
                        fleet.setIntoStandby(host.index(), false); // in service already: stopping would lose its VMs
                    }
                } else if (host.state() == HostState.DRAINING) {
                    executor.finishDrainIfDone(host);
                } else if (bootedTooLong(host)) {
                    String why = "still booting after " + Math.round(fleet.nowS() - bootingSinceS.get(host.index()))
                            + " s (the limit is " + Math.round(bootTimeoutS(host)) + " s)";
                    executor.abandonBoot(host, why);
                    bootingSinceS.remove(host.index());
                    counters.count("boots_abandoned");
                    log.accept("host-" + host.index() + " " + host.instanceId() + " " + why + ": terminated");
                }
            } catch (RuntimeException e) {
                counters.count("actions_failed");
                log.accept("host-" + host.index() + ": " + e.getMessage());
            }
        }
    }

    /**
     * True for a server seen booting, with no VM on it, for longer than {@link #bootTimeoutS}. The clock starts at the
     * first round this process sees it booting (so a restart gives a boot the whole time again, never less); a
     * server holding VMs has been up, whatever its state says, and is never given up here.
     */
    private boolean bootedTooLong(LiveHost host) {
        if (host.state() != HostState.BOOTING || host.vmCount() > 0) {
            bootingSinceS.remove(host.index());
            return false;
        }
        double since = bootingSinceS.computeIfAbsent(host.index(), h -> fleet.nowS());
        return fleet.nowS() - since > bootTimeoutS(host);
    }

    /**
     * How long a server may boot (a launch or a resume) before it is given up: three times its type's boot time (the
     * slower of boot and resume), and never less than ten minutes, since bare-metal boots vary widely.
     */
    private static double bootTimeoutS(LiveHost host) {
        return Math.max(BOOT_TIMEOUT_FLOOR_S, 3 * Math.max(host.type().bootTimeS(), host.type().resumeTimeS()));
    }
}
