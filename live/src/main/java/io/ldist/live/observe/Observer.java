package io.ldist.live.observe;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.cloud.CloudInstance;
import io.ldist.live.cloud.MetricPoint;
import io.ldist.live.cloud.StatusChecks;
import io.ldist.live.cloud.Tags;
import io.ldist.live.hypervisor.HostedVm;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.hypervisor.HypervisorException;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveNames;
import io.ldist.live.state.LiveHost;
import io.ldist.live.state.LiveVm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the fleet in line with what EC2, CloudWatch and each server's hypervisor report: which of the cluster's
 * instances exist and in what state, whether they pass their status checks, their CPU utilisation, and which of
 * ldist's VMs run where.
 *
 * <p><b>The health rule</b>, one for every server that should be serving (active or draining): it answers its
 * health check when EC2 says it runs, neither status check is impaired, and its hypervisor lists its VMs. Otherwise
 * it misses one; after the failover policy's {@code missedChecks} in a row the engine fences it and places its VMs
 * again. <b>The metrics rule</b>: a server's CPU utilisation is CloudWatch's newest CPUUtilization when younger
 * than {@code metricsStaleAfterS}; otherwise the mean of its VMs' CPU as Hyper-V reports it, weighted by their
 * cores, and the server is marked stale (shown in GET /cluster and the metrics). Stale metrics alone never fail a
 * server. Memory and GPU in use are read from the CloudWatch agent ({@value #AGENT_NAMESPACE}, with the InstanceId
 * dimension) when it publishes them, by the same staleness rule, and shown; the engine sizes by what tasks reserve.
 */
public final class Observer {
    public static final String NAMESPACE = "AWS/EC2";
    public static final String CPU_METRIC = "CPUUtilization";
    public static final String AGENT_NAMESPACE = "CWAgent";
    /** The Windows agent's memory counter, in percent. */
    public static final String MEMORY_METRIC = "Memory % Committed Bytes In Use";
    /** The agent's nvidia_smi plugin: GPU utilisation in percent (the mean over a server's GPUs). */
    public static final String GPU_METRIC = "nvidia_smi_utilization_gpu";

    private final Cloud cloud;
    private final Hypervisor hypervisor;
    private final HostType hostType;
    private final Map<String, VmType> vmTypes;
    private final double metricsStaleAfterS;

    public Observer(Cloud cloud, Hypervisor hypervisor, HostType hostType, Map<String, VmType> vmTypes,
                    double metricsStaleAfterS) {
        this.cloud = cloud;
        this.hypervisor = hypervisor;
        this.hostType = hostType;
        this.vmTypes = Map.copyOf(vmTypes);
        this.metricsStaleAfterS = metricsStaleAfterS;
    }

    /**
     * Observes once, at {@code epochS} (wall time, for CloudWatch) which is {@code fleet.nowS()} in driver time.
     * Returns what changed, for the journal and the log.
     */
    public Observation observe(LiveFleet fleet, long epochS) {
        Observation seen = new Observation();
        List<CloudInstance> instances = new ArrayList<>(cloud.clusterInstances());
        instances.sort(Comparator.comparingLong(CloudInstance::launchEpochS).thenComparing(CloudInstance::instanceId));
        Set<Integer> listed = new HashSet<>();
        Set<String> running = new HashSet<>();
        for (CloudInstance instance : instances) {
            LiveHost host = match(fleet, instance, seen);
            if (host != null) {
                listed.add(host.index());
                followState(fleet, host, instance, seen);
                if ("running".equals(instance.state())) {
                    running.add(instance.instanceId());
                }
            }
        }
        for (LiveHost host : fleet.hosts()) {
            if (!listed.contains(host.index()) && host.instanceId() != null && host.state() != HostState.TERMINATED) {
                // Gone from the listing: terminated long ago, or someone removed the cluster tag.
                missed(fleet, host, "not listed as the cluster's any more", seen);
            }
        }
        List<String> serving = new ArrayList<>();
        for (LiveHost host : fleet.hosts()) {
            if (host.state() == HostState.ACTIVE || host.state() == HostState.DRAINING
                    || host.state() == HostState.BOOTING) {
                if (host.instanceId() != null && running.contains(host.instanceId())) {
                    serving.add(host.instanceId());
                }
            }
        }
        Map<String, StatusChecks> checks = serving.isEmpty() ? Map.of() : cloud.statusChecks(serving);
        Map<String, MetricPoint> cpu = serving.isEmpty() ? Map.of()
                : cloud.latest(NAMESPACE, CPU_METRIC, serving, epochS, 300);
        Map<String, MetricPoint> memory = serving.isEmpty() ? Map.of()
                : cloud.latest(AGENT_NAMESPACE, MEMORY_METRIC, serving, epochS, 300);
        Map<String, MetricPoint> gpu = serving.isEmpty() || hostType.gpus() <= 0 ? Map.of()
                : cloud.latest(AGENT_NAMESPACE, GPU_METRIC, serving, epochS, 300);
        for (LiveHost host : fleet.hosts()) {
            if (host.instanceId() == null || !serving.contains(host.instanceId())) {
                continue;
            }
            StatusChecks status = checks.get(host.instanceId());
            List<HostedVm> vms = listVms(host, seen);
            boolean answered = vms != null && (status == null || !status.impaired());
            if (host.state() == HostState.BOOTING) {
                if (answered) {
                    fleet.setHostState(host.index(), HostState.ACTIVE);
                    seen.booted.add(host.index());
                }
            } else if (answered) {
                fleet.healthChecked(host.index(), true);
            } else {
                missed(fleet, host, status != null && status.impaired() ? "status check impaired"
                        : "hypervisor did not answer", seen);
            }
            if (vms != null) {
                followVms(fleet, host, vms, seen);
            }
            utilization(fleet, host, cpu.get(host.instanceId()), vms, epochS);
            fleet.setMeasuredMemoryAndGpu(host.index(), fresh(memory.get(host.instanceId()), epochS),
                    fresh(gpu.get(host.instanceId()), epochS));
        }
        return seen;
    }

    /** The fleet's server for this instance, adopting a cluster instance ldist has no record of. */
    private LiveHost match(LiveFleet fleet, CloudInstance instance, Observation seen) {
        LiveHost host = fleet.hostOfInstance(instance.instanceId());
        if (host != null) {
            return host;
        }
        String token = instance.tag(Tags.LAUNCH_TOKEN);
        if (token != null) {
            for (LiveHost known : fleet.hosts()) {
                if (token.equals(known.launchToken())) {
                    fleet.setInstance(known.index(), instance.instanceId());
                    return known;
                }
            }
        }
        if (isGone(instance.state())) {
            return null;
        }
        if (!hostType.name().equals(instance.instanceType())) {
            seen.notes.add(instance.instanceId() + " is tagged as the cluster's but is a " + instance.instanceType()
                    + ", not the configured " + hostType.name() + ": left alone");
            return null;
        }
        HostState state = "stopped".equals(instance.state()) || "stopping".equals(instance.state())
                ? HostState.STANDBY : HostState.BOOTING;
        LiveHost adopted = fleet.addHost(hostType, token, instance.instanceId(), state);
        seen.adopted.add(adopted.index());
        return adopted;
    }

    private static boolean isGone(String state) {
        return "terminated".equals(state) || "shutting-down".equals(state);
    }

    /** Follows EC2's state; a server that stops or vanishes without ldist asking misses its health check. */
    private void followState(LiveFleet fleet, LiveHost host, CloudInstance instance, Observation seen) {
        String state = instance.state();
        HostState known = host.state();
        if (isGone(state)) {
            if (known == HostState.ACTIVE || known == HostState.DRAINING) {
                missed(fleet, host, "instance " + state + " behind ldist's back", seen);
            } else if (known != HostState.TERMINATED && (known != HostState.FAILED || host.vmCount() == 0)) {
                fleet.setHostState(host.index(), HostState.TERMINATED);
            }
            return;
        }
        boolean stopped = "stopped".equals(state) || "stopping".equals(state);
        if (stopped) {
            boolean ours = "true".equals(instance.tag(Tags.STANDBY));
            if (known == HostState.ACTIVE || known == HostState.DRAINING) {
                if (ours && host.vmCount() == 0) {
                    fleet.setHostState(host.index(), HostState.STANDBY); // a stop whose record a crash lost
                } else {
                    missed(fleet, host, "instance " + state + " behind ldist's back", seen);
                }
            } else if (known == HostState.BOOTING && ours) {
                fleet.setHostState(host.index(), HostState.STANDBY);
            }
        } else if (known == HostState.STANDBY && ("running".equals(state) || "pending".equals(state))) {
            // Started meanwhile (a resume whose record a crash lost, or by someone else): it boots into service.
            fleet.setHostState(host.index(), HostState.BOOTING);
        }
    }

    private void missed(LiveFleet fleet, LiveHost host, String why, Observation seen) {
        if (host.state() == HostState.ACTIVE || host.state() == HostState.DRAINING) {
            fleet.healthChecked(host.index(), false);
            seen.missed.put(host.index(), why);
        }
    }

    private List<HostedVm> listVms(LiveHost host, Observation seen) {
        try {
            return hypervisor.list(host.instanceId());
        } catch (HypervisorException e) {
            seen.notes.add(e.getMessage());
            return null;
        }
    }

    /** Takes ldist's VMs where the hypervisor says they are; a VM gone from its server is placed again. */
    private void followVms(LiveFleet fleet, LiveHost host, List<HostedVm> vms, Observation seen) {
        Set<Integer> here = new HashSet<>();
        for (HostedVm hosted : vms) {
            int index = LiveNames.vmIndexOf(fleet.cluster(), hosted.name());
            if (index < 0) {
                seen.foreignVms.merge(host.index(), 1, Integer::sum);
                continue;
            }
            if (index >= fleet.vmCount()) {
                VmType type = vmTypes.size() == 1 ? vmTypes.values().iterator().next() : null;
                if (type == null) {
                    seen.notes.add(hosted.name() + " on " + host.instanceId() + " has no record: left alone");
                    continue;
                }
                while (fleet.vmCount() <= index) {
                    fleet.addVm(type);
                }
                seen.foundVms.add(index);
            }
            LiveVm vm = fleet.vm(index);
            if (!hosted.state().isRunning() || vm.status() == VmStatus.FINISHED) {
                continue;
            }
            here.add(index);
            if (vm.host() != host.index() && vm.status() != VmStatus.MIGRATING) {
                fleet.placements().place(index, host.index()); // placed or moved by a call whose record a crash lost
                seen.foundVms.add(index);
            }
            fleet.recordVmUtilization(index, hosted.cpuUsagePercent() / 100.0);
        }
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < host.vmCount(); i++) {
            int vm = host.vm(i);
            if (!here.contains(vm) && fleet.vm(vm).status() == VmStatus.RUNNING) {
                lost.add(vm);
            }
        }
        for (int vm : lost) {
            fleet.placements().displaceRequeueing(vm);
            seen.lostVms.add(vm);
        }
    }

    /** A percentage as a fraction when younger than the staleness limit, else NaN (not measured). */
    private double fresh(MetricPoint point, long epochS) {
        return point != null && epochS - point.epochS() <= metricsStaleAfterS ? point.value() / 100.0 : Double.NaN;
    }

    private void utilization(LiveFleet fleet, LiveHost host, MetricPoint point, List<HostedVm> vms, long epochS) {
        double nowS = fleet.nowS();
        if (point != null && epochS - point.epochS() <= metricsStaleAfterS) {
            fleet.setCpuUtilization(host.index(), point.value() / 100.0, nowS - (epochS - point.epochS()), false);
            return;
        }
        double used = 0;
        for (HostedVm vm : vms == null ? List.<HostedVm>of() : vms) {
            used += vm.cpuUsagePercent() / 100.0 * Math.max(1, vm.processorCount());
        }
        double estimate = vms == null ? host.cpuUtilization() : used / host.type().cores();
        fleet.setCpuUtilization(host.index(), estimate, nowS, true);
    }

    /** What one observation changed. */
    public static final class Observation {
        public final List<Integer> adopted = new ArrayList<>();
        public final List<Integer> booted = new ArrayList<>();
        public final Map<Integer, String> missed = new HashMap<>();
        public final List<Integer> foundVms = new ArrayList<>();
        public final List<Integer> lostVms = new ArrayList<>();
        public final Map<Integer, Integer> foreignVms = new HashMap<>();
        public final List<String> notes = new ArrayList<>();

        /** True when anything but utilisation changed: the engine should decide on it. */
        public boolean changedFleet() {
            return !adopted.isEmpty() || !booted.isEmpty() || !missed.isEmpty() || !foundVms.isEmpty()
                    || !lostVms.isEmpty();
        }
    }
}
