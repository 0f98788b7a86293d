package io.ldist.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ClusterView} frozen at one instant, built field by field: what a driver that observes a fleet from
 * outside (the live adapter reading EC2, CloudWatch and Hyper-V) hands the engine, and what a Java user builds
 * to ask the engine about a fleet of their own. Immutable once built; indexes are dense and stable as the
 * builder hands them out.
 */
public final class ClusterSnapshot implements ClusterView {
    private final double nowS;
    private final HostType[] hostType;
    private final HostState[] hostState;
    private final int[] missedChecks;
    private final double[] utilization;
    private final long[] successes;
    private final long[] failures;
    private final int[][] vmsOn;
    private final int[] incoming;
    private final VmType[] vmType;
    private final VmStatus[] vmStatus;
    private final boolean[] displaced;
    private final int[] vmHost;
    private final int[] vmTarget;
    private final double[] cpu;
    private final double[] ram;
    private final double[] gpu;
    private final int[] tasks;
    private final double[][] history;
    private final List<TaskRequest> queue;

    private ClusterSnapshot(Builder b) {
        nowS = b.nowS;
        int hosts = b.hosts.size();
        hostType = new HostType[hosts];
        hostState = new HostState[hosts];
        missedChecks = new int[hosts];
        utilization = new double[hosts];
        successes = new long[hosts];
        failures = new long[hosts];
        vmsOn = new int[hosts][];
        incoming = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            Builder.Host host = b.hosts.get(h);
            hostType[h] = host.type;
            hostState[h] = host.state;
            missedChecks[h] = host.missedChecks;
            utilization[h] = host.utilization;
            successes[h] = host.successes;
            failures[h] = host.failures;
            vmsOn[h] = host.vms.stream().mapToInt(Integer::intValue).toArray();
        }
        int vms = b.vms.size();
        vmType = new VmType[vms];
        vmStatus = new VmStatus[vms];
        displaced = new boolean[vms];
        vmHost = new int[vms];
        vmTarget = new int[vms];
        cpu = new double[vms];
        ram = new double[vms];
        gpu = new double[vms];
        tasks = new int[vms];
        history = new double[vms][];
        for (int v = 0; v < vms; v++) {
            Builder.Vm vm = b.vms.get(v);
            vmType[v] = vm.type;
            vmStatus[v] = vm.target >= 0 ? VmStatus.MIGRATING : vm.host >= 0 ? VmStatus.RUNNING : vm.status;
            displaced[v] = vm.displaced;
            vmHost[v] = vm.host;
            vmTarget[v] = vm.target;
            cpu[v] = vm.cpu;
            ram[v] = vm.ram;
            gpu[v] = vm.gpu;
            tasks[v] = vm.tasks;
            history[v] = vm.history.clone();
            if (vm.target >= 0) {
                incoming[vm.target]++;
            }
        }
        queue = List.copyOf(b.queue);
    }

    /** Starts a snapshot taken at {@code nowS} (driver time). */
    public static Builder at(double nowS) {
        return new Builder(nowS);
    }

    /** Builds a snapshot: servers, then VMs on them (or waiting), then the queue. */
    public static final class Builder {
        private static final class Host {
            HostType type;
            HostState state;
            int missedChecks;
            double utilization;
            long successes;
            long failures;
            final List<Integer> vms = new ArrayList<>();
        }

        private static final class Vm {
            VmType type;
            VmStatus status = VmStatus.PENDING;
            boolean displaced;
            int host = -1;
            int target = -1;
            double cpu;
            double ram;
            double gpu;
            int tasks;
            double[] history = new double[0];
        }

        private final double nowS;
        private final List<Host> hosts = new ArrayList<>();
        private final List<Vm> vms = new ArrayList<>();
        private final List<TaskRequest> queue = new ArrayList<>();

        private Builder(double nowS) {
            if (!Double.isFinite(nowS) || nowS < 0) {
                throw new IllegalArgumentException("time must be finite and >= 0, was " + nowS);
            }
            this.nowS = nowS;
        }

        /** Adds a server; returns its index. */
        public int host(HostType type, HostState state) {
            Host host = new Host();
            host.type = Objects.requireNonNull(type, "type");
            host.state = Objects.requireNonNull(state, "state");
            hosts.add(host);
            return hosts.size() - 1;
        }

        /** The server's measured CPU utilisation, in [0, 1]. */
        public Builder utilization(int host, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("utilisation must be in [0, 1], was " + value);
            }
            host(host).utilization = value;
            return this;
        }

        /** Consecutive health checks the server missed. */
        public Builder missedChecks(int host, int missed) {
            host(host).missedChecks = requireNonNegative(missed, "missed checks");
            return this;
        }

        /** Task outcomes on the server since the start (cumulative counters). */
        public Builder taskOutcomes(int host, long succeeded, long failed) {
            Host h = host(host);
            h.successes = requireNonNegative(succeeded, "successes");
            h.failures = requireNonNegative(failed, "failures");
            return this;
        }

        /** Adds a VM waiting for a server; returns its index. */
        public int pendingVm(VmType type, boolean displacedByAFailover) {
            Vm vm = new Vm();
            vm.type = Objects.requireNonNull(type, "type");
            vm.displaced = displacedByAFailover;
            vms.add(vm);
            return vms.size() - 1;
        }

        /**
         * Adds a VM running on {@code host}, asking for {@code demand} (CPU, GPU, RAM) with {@code runningTasks}
         * tasks; returns its index.
         */
        public int vmOn(int host, VmType type, Resources demand, int runningTasks) {
            Host h = host(host);
            int v = pendingVm(type, false);
            Vm vm = vms.get(v);
            vm.host = host;
            vm.cpu = demand.cpuMips();
            vm.ram = demand.ramMb();
            vm.gpu = demand.gpus();
            vm.tasks = requireNonNegative(runningTasks, "running tasks");
            h.vms.add(v);
            return v;
        }

        /** The VM is migrating from its server to {@code target}. */
        public Builder migrating(int vm, int target) {
            Vm v = vm(vm);
            host(target);
            if (v.host < 0 || v.host == target) {
                throw new IllegalArgumentException("vm-" + vm + " must run on a server other than host-" + target
                        + " to migrate there");
            }
            v.target = target;
            return this;
        }

        /** The VM's CPU utilisation history, newest first (fractions of its own MIPS). */
        public Builder history(int vm, double... newestFirst) {
            vm(vm).history = newestFirst.clone();
            return this;
        }

        /** A task waiting for a VM, behind those added before it. */
        public Builder queued(TaskRequest task) {
            queue.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        public ClusterSnapshot build() {
            return new ClusterSnapshot(this);
        }

        private Host host(int host) {
            if (host < 0 || host >= hosts.size()) {
                throw new IllegalArgumentException("no host-" + host + " (" + hosts.size() + " servers)");
            }
            return hosts.get(host);
        }

        private Vm vm(int vm) {
            if (vm < 0 || vm >= vms.size()) {
                throw new IllegalArgumentException("no vm-" + vm + " (" + vms.size() + " VMs)");
            }
            return vms.get(vm);
        }

        private static int requireNonNegative(int value, String what) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, was " + value);
            }
            return value;
        }

        private static long requireNonNegative(long value, String what) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, was " + value);
            }
            return value;
        }
    }

    // ------------------------------------------------------------------ ClusterView

    @Override
    public double nowS() {
        return nowS;
    }

    @Override
    public int hostCount() {
        return hostType.length;
    }

    @Override
    public HostType hostType(int host) {
        return hostType[host];
    }

    @Override
    public HostState hostState(int host) {
        return hostState[host];
    }

    @Override
    public int missedHealthChecks(int host) {
        return missedChecks[host];
    }

    @Override
    public double hostCpuUtilization(int host) {
        return utilization[host];
    }

    @Override
    public int hostVmCount(int host) {
        return vmsOn[host].length;
    }

    @Override
    public int hostVm(int host, int i) {
        return vmsOn[host][i];
    }

    @Override
    public int hostIncomingVmCount(int host) {
        return incoming[host];
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return successes[host];
    }

    @Override
    public long hostTaskFailures(int host) {
        return failures[host];
    }

    @Override
    public int vmCount() {
        return vmType.length;
    }

    @Override
    public VmType vmType(int vm) {
        return vmType[vm];
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vmStatus[vm];
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return displaced[vm];
    }

    @Override
    public int vmHost(int vm) {
        return vmHost[vm];
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return vmTarget[vm];
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return cpu[vm];
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return ram[vm];
    }

    @Override
    public double vmGpuDemand(int vm) {
        return gpu[vm];
    }

    @Override
    public int vmRunningTasks(int vm) {
        return tasks[vm];
    }

    @Override
    public int vmHistoryLength(int vm) {
        return history[vm].length;
    }

    @Override
    public double vmHistory(int vm, int age) {
        return history[vm][age];
    }

    @Override
    public int queuedTaskCount() {
        return queue.size();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return queue.get(i);
    }

    @Override
    public String toString() {
        return "ClusterSnapshot[t=" + nowS + "s, " + hostType.length + " servers, " + vmType.length + " VMs, "
                + queue.size() + " queued; states " + Arrays.toString(hostState) + "]";
    }
}
