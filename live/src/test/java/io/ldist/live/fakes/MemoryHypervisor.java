package io.ldist.live.fakes;

import io.ldist.live.hypervisor.HostedVm;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.hypervisor.HypervisorException;
import io.ldist.live.hypervisor.VmPowerState;
import io.ldist.live.hypervisor.VmSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** VMs kept in memory per instance, for the driver's own tests; a host can be made unreachable. */
public final class MemoryHypervisor implements Hypervisor {
    private final Map<String, Map<String, HostedVm>> hosts = new TreeMap<>();
    private final Set<String> unreachable = new HashSet<>();
    public int calls;

    public synchronized void setUnreachable(String instanceId, boolean down) {
        if (down) {
            unreachable.add(instanceId);
        } else {
            unreachable.remove(instanceId);
        }
    }

    public synchronized List<String> vmNames(String instanceId) {
        return new ArrayList<>(hosts.getOrDefault(instanceId, Map.of()).keySet());
    }

    private Map<String, HostedVm> on(String instanceId) {
        if (unreachable.contains(instanceId)) {
            throw new HypervisorException(instanceId, "did not answer");
        }
        return hosts.computeIfAbsent(instanceId, k -> new TreeMap<>());
    }

    @Override
    public synchronized List<HostedVm> list(String instanceId) {
        return new ArrayList<>(on(instanceId).values());
    }

    @Override
    public synchronized void create(String instanceId, VmSpec spec) {
        calls++;
        on(instanceId).putIfAbsent(spec.name(), new HostedVm(spec.name(), VmPowerState.OFF, 0, 0, 0,
                spec.processorCount()));
    }

    @Override
    public synchronized void start(String instanceId, String vmName) {
        calls++;
        HostedVm vm = on(instanceId).get(vmName);
        if (vm == null) {
            throw new HypervisorException(instanceId, "no VM " + vmName);
        }
        on(instanceId).put(vmName, new HostedVm(vmName, VmPowerState.RUNNING, 5, 1L << 30, 1, vm.processorCount()));
    }

    @Override
    public synchronized void stop(String instanceId, String vmName) {
        calls++;
        HostedVm vm = on(instanceId).get(vmName);
        if (vm != null) {
            on(instanceId).put(vmName, new HostedVm(vmName, VmPowerState.OFF, 0, 0, 0, vm.processorCount()));
        }
    }

    @Override
    public synchronized void remove(String instanceId, String vmName) {
        calls++;
        on(instanceId).remove(vmName);
    }

    @Override
    public synchronized void move(String fromInstanceId, String vmName, String toInstanceId) {
        calls++;
        HostedVm vm = on(fromInstanceId).remove(vmName);
        if (vm == null) {
            if (on(toInstanceId).containsKey(vmName)) {
                return;
            }
            throw new HypervisorException(fromInstanceId, "no VM " + vmName + " to move");
        }
        on(toInstanceId).put(vmName, vm);
    }
}
