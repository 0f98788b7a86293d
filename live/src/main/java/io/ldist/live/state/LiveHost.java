package io.ldist.live.state;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.util.IntList;

/** One server as the live driver knows it: its instance, its engine state, and what it was last seen doing. */
public final class LiveHost {
    final int index;
    final HostType type;
    final String launchToken;
    String instanceId;
    HostState state;
    int missedChecks;
    double cpuUtilization;
    /** Driver time of the newest CPU figure; NaN when none was ever seen. */
    double metricAtS = Double.NaN;
    boolean metricsStale;
    /** Memory and GPU in use as fractions, from the CloudWatch agent; NaN when it does not report them. */
    double memoryUtilization = Double.NaN;
    double gpuUtilization = Double.NaN;
    /** What a drain ends in, or null when the server is not draining. */
    DrainHost.AfterDrain afterDrain;
    /** Launched into the warm pool: stopped as soon as it has booted. */
    boolean intoStandby;
    double stateSinceS;
    long taskSuccesses;
    long taskFailures;
    final IntList vms = new IntList();

    LiveHost(int index, HostType type, String launchToken, String instanceId, HostState state, double nowS) {
        this.index = index;
        this.type = type;
        this.launchToken = launchToken;
        this.instanceId = instanceId;
        this.state = state;
        this.stateSinceS = nowS;
    }

    public int index() {
        return index;
    }

    public HostType type() {
        return type;
    }

    public String launchToken() {
        return launchToken;
    }

    /** The EC2 instance, or null while its launch is not confirmed. */
    public String instanceId() {
        return instanceId;
    }

    public HostState state() {
        return state;
    }

    public int missedChecks() {
        return missedChecks;
    }

    public double cpuUtilization() {
        return cpuUtilization;
    }

    public boolean metricsStale() {
        return metricsStale;
    }

    public DrainHost.AfterDrain afterDrain() {
        return afterDrain;
    }

    public boolean intoStandby() {
        return intoStandby;
    }

    /** Memory in use as a fraction, from the CloudWatch agent; NaN when not measured. */
    public double memoryUtilization() {
        return memoryUtilization;
    }

    /** GPU in use as a fraction, from the CloudWatch agent; NaN when not measured. */
    public double gpuUtilization() {
        return gpuUtilization;
    }

    public double stateSinceS() {
        return stateSinceS;
    }

    public int vmCount() {
        return vms.size();
    }

    public int vm(int i) {
        return vms.get(i);
    }
}
