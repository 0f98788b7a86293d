package io.ldist.live.hypervisor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hyper-V hosts kept in memory, one map of VMs per instance id: for tests and for {@code --hypervisor simulated}
 * against an endpoint with no real hosts. Same idempotency and same errors as {@link SsmHyperV}; in addition, VM
 * names are unique across instances (ldist names VMs so), and creating a name that lives on another instance is a
 * {@link HypervisorException.Kind#CONFLICT}, which keeps a VM from ever being on two instances.
 *
 * <p>Tests drive it with {@link #setCpuUsage}, {@link #setState}, {@link #setUnreachable} (every call that touches
 * the instance then throws, as a host that stops answering) and {@link #failNextCall}; {@link #calls()} lists what
 * was asked. All methods are thread-safe (one lock: a move touches two instances at once).
 */
public final class SimulatedHypervisor implements Hypervisor {

    /** One VM's mutable state; only touched under the hypervisor's lock. */
    private static final class SimVm {
        final VmSpec spec;
        VmPowerState state = VmPowerState.OFF;
        double cpuUsagePercent;
        long startedAtS;

        SimVm(VmSpec spec) {
            this.spec = spec;
        }
    }

    private final Clock clock;
    private final Map<String, Map<String, SimVm>> vmsByInstance = new HashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private final Map<String, String> nextFailure = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    public SimulatedHypervisor() {
        this(Clock.systemUTC());
    }

    /** @param clock what uptimes are counted by */
    public SimulatedHypervisor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<HostedVm> list(String instanceId) {
        answer(instanceId, "list VMs");
        long nowS = clock.millis() / 1000;
        List<HostedVm> vms = new ArrayList<>();
        vmsOf(instanceId).forEach((name, vm) -> vms.add(hosted(name, vm, nowS)));
        return List.copyOf(vms);
    }

    @Override
    public synchronized void create(String instanceId, VmSpec spec) {
        answer(instanceId, "create " + spec.name());
        Optional<String> home = instanceOf(spec.name());
        if (home.isPresent() && !home.get().equals(instanceId)) {
            throw new HypervisorException(instanceId, HypervisorException.Kind.CONFLICT,
                    "create " + spec.name() + ": a VM of that name is on " + home.get());
        }
        vmsOf(instanceId).putIfAbsent(spec.name(), new SimVm(spec));
    }

    @Override
    public synchronized void start(String instanceId, String vmName) {
        String operation = "start " + VmSpec.requireSafeName(vmName);
        answer(instanceId, operation);
        SimVm vm = vmsOf(instanceId).get(vmName);
        if (vm == null) {
            throw VmChecks.noSuchVm(instanceId, operation);
        }
        if (!vm.state.isRunning()) {
            vm.state = VmPowerState.RUNNING;
            vm.startedAtS = clock.millis() / 1000;
        }
    }

    @Override
    public synchronized void stop(String instanceId, String vmName) {
        answer(instanceId, "stop " + VmSpec.requireSafeName(vmName));
        SimVm vm = vmsOf(instanceId).get(vmName);
        if (vm != null) {
            vm.state = VmPowerState.OFF;
            vm.cpuUsagePercent = 0;
        }
    }

    @Override
    public synchronized void remove(String instanceId, String vmName) {
        answer(instanceId, "remove " + VmSpec.requireSafeName(vmName));
        vmsOf(instanceId).remove(vmName);
    }

    @Override
    public synchronized void move(String fromInstanceId, String vmName, String toInstanceId) {
        String operation = "move " + VmSpec.requireSafeName(vmName) + " to " + toInstanceId;
        answer(fromInstanceId, operation);
        if (!fromInstanceId.equals(toInstanceId)) {
            answer(toInstanceId, operation);
        }
        if (vmsOf(toInstanceId).containsKey(vmName)) {
            return; // there already (also when from == to)
        }
        SimVm vm = vmsOf(fromInstanceId).remove(vmName);
        if (vm == null) {
            throw VmChecks.notOnEitherHost(fromInstanceId, vmName, toInstanceId);
        }
        vmsOf(toInstanceId).put(vmName, vm); // a live migration: state, usage and uptime go with the VM
    }

    /** Sets what a VM's CPUUsage reads while it runs (percent of its processors). */
    public synchronized void setCpuUsage(String instanceId, String vmName, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("CPU usage must be in [0, 100] %, was " + percent);
        }
        existing(instanceId, vmName).cpuUsagePercent = percent;
    }

    /** Puts a VM in any state, as if something other than ldist had (Saved, Paused, ...). */
    public synchronized void setState(String instanceId, String vmName, VmPowerState state) {
        SimVm vm = existing(instanceId, vmName);
        vm.state = Objects.requireNonNull(state, "state");
        if (state.isRunning()) {
            vm.startedAtS = clock.millis() / 1000;
        }
    }

    /** While unreachable, every call touching the instance throws {@link HypervisorException.Kind#UNREACHABLE}. */
    public synchronized void setUnreachable(String instanceId, boolean isUnreachable) {
        if (isUnreachable) {
            unreachable.add(instanceId);
        } else {
            unreachable.remove(instanceId);
        }
    }

    /** The next call touching the instance fails with {@link HypervisorException.Kind#FAILED} and changes nothing. */
    public synchronized void failNextCall(String instanceId, String message) {
        nextFailure.put(instanceId, Objects.requireNonNull(message, "message"));
    }

    /** Every call so far, as "instance: operation", in order (refused ones included). */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The instance holding the named VM, if any. */
    public synchronized Optional<String> instanceOf(String vmName) {
        return vmsByInstance.entrySet().stream().filter(e -> e.getValue().containsKey(vmName))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every instance's VMs (instances that never had one omitted), ignoring reachability: what a test asserts on. */
    public synchronized Map<String, List<HostedVm>> snapshot() {
        long nowS = clock.millis() / 1000;
        Map<String, List<HostedVm>> all = new TreeMap<>();
        vmsByInstance.forEach((instance, vms) -> {
            if (!vms.isEmpty()) {
                List<HostedVm> hosted = new ArrayList<>();
                vms.forEach((name, vm) -> hosted.add(hosted(name, vm, nowS)));
                all.put(instance, List.copyOf(hosted));
            }
        });
        return all;
    }

    private void answer(String instanceId, String operation) {
        Objects.requireNonNull(instanceId, "instanceId");
        calls.add(instanceId + ": " + operation);
        if (unreachable.contains(instanceId)) {
            throw new HypervisorException(instanceId, HypervisorException.Kind.UNREACHABLE,
                    operation + ": the host does not answer (simulated)");
        }
        String failure = nextFailure.remove(instanceId);
        if (failure != null) {
            throw new HypervisorException(instanceId, operation + ": " + failure + " (simulated)");
        }
    }

    private Map<String, SimVm> vmsOf(String instanceId) {
        return vmsByInstance.computeIfAbsent(instanceId, id -> new TreeMap<>()); // name order, as list() promises
    }

    private SimVm existing(String instanceId, String vmName) {
        SimVm vm = vmsOf(instanceId).get(vmName);
        if (vm == null) {
            throw VmChecks.noSuchVm(instanceId, "set " + vmName);
        }
        return vm;
    }

    private static HostedVm hosted(String name, SimVm vm, long nowS) {
        boolean running = vm.state.isRunning();
        return new HostedVm(name, vm.state, running ? vm.cpuUsagePercent : 0,
                running ? vm.spec.memoryStartupBytes() : 0, running ? Math.max(0, nowS - vm.startedAtS) : 0,
                vm.spec.processorCount());
    }
}
