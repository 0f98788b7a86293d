package io.ldist.engine;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.StopHost;
import io.ldist.engine.plan.TerminateHost;
import io.ldist.engine.plan.UpdateHost;

import java.util.ArrayList;
import java.util.List;

/**
 * A small in-memory fleet for engine tests: built with {@link #aFleet()}, read by the engine as a
 * {@link ClusterView}, and able to apply a plan naively (migrations complete at once) so that tests can check
 * the fleet a plan leaves behind.
 */
public final class TestFleet implements ClusterView {
    public static final PowerCurve LINEAR_POWER = new PowerCurve(100, 200);

    final class Host {
        HostType type;
        HostState state;
        int missedChecks;
        final List<Integer> vms = new ArrayList<>();
        long successes;
        long failures;
        double measuredDrift;
    }

    final class Vm {
        VmType type;
        VmStatus status;
        int host = -1;
        boolean displaced;
        double demandMips;
        double demandRam;
        /** Utilisation samples, newest first. */
        double[] history = new double[0];
        final List<TaskRequest> tasks = new ArrayList<>();
    }

    private final List<Host> hosts = new ArrayList<>();
    private final List<Vm> vms = new ArrayList<>();
    private final List<TaskRequest> queue = new ArrayList<>();
    private double now;

    public static TestFleet aFleet() {
        return new TestFleet();
    }

    public static HostType hostType(String name, int cores, double mipsPerCore, double ramMb) {
        return new HostType(name, cores, mipsPerCore, 0, ramMb, 1000, 1, LINEAR_POWER, 0, 0);
    }

    public static VmType vmType(String name, int cores, double mipsPerCore, double ramMb, int taskSlots) {
        return new VmType(name, cores, mipsPerCore, 0, ramMb, 100, taskSlots);
    }

    public TestFleet at(double t) {
        now = t;
        return this;
    }

    /** Adds a server; returns its index. */
    public int withHost(HostType type, HostState state) {
        Host host = new Host();
        host.type = type;
        host.state = state;
        hosts.add(host);
        return hosts.size() - 1;
    }

    /** Adds a VM waiting for a server; returns its index. */
    public int withPendingVm(VmType type) {
        Vm vm = new Vm();
        vm.type = type;
        vm.status = VmStatus.PENDING;
        vms.add(vm);
        return vms.size() - 1;
    }

    /** Adds a VM waiting for a server that asks for {@code demandMips}. */
    public int withPendingVm(VmType type, double demandMips) {
        int v = withPendingVm(type);
        vms.get(v).demandMips = demandMips;
        return v;
    }

    /** Adds a VM running on {@code host}, asking for {@code demandMips} and holding its type's RAM. */
    public int withVmOn(int host, VmType type, double demandMips) {
        return withVmOn(host, type, demandMips, type.ramMb());
    }

    /** Adds a VM running on {@code host}, asking for {@code demandMips} and holding {@code ramMb}. */
    public int withVmOn(int host, VmType type, double demandMips, double ramMb) {
        int v = withPendingVm(type);
        Vm vm = vms.get(v);
        vm.status = VmStatus.RUNNING;
        vm.host = host;
        vm.demandMips = demandMips;
        vm.demandRam = ramMb;
        hosts.get(host).vms.add(v);
        return v;
    }

    public TestFleet withQueuedTask(long id, Resources demand) {
        queue.add(new TaskRequest(new TaskId(id), demand, now, Double.POSITIVE_INFINITY, 0));
        return this;
    }

    /** Ends the {@code i}-th task running on {@code vm}, counting its outcome on the VM's server. */
    public TaskRequest endTask(int vm, int i, boolean success) {
        Vm v = vms.get(vm);
        TaskRequest task = v.tasks.remove(i);
        v.demandMips -= task.demand().cpuMips();
        if (v.tasks.isEmpty()) {
            v.demandMips = 0; // as a driver keeps an idle VM's sums exact
        }
        Host host = hosts.get(v.host);
        if (success) {
            host.successes++;
        } else {
            host.failures++;
        }
        return task;
    }

    /** Takes a task out of the queue (a driver dropping it); false when it was not queued. */
    public boolean withdraw(TaskId id) {
        return queue.removeIf(t -> t.id().equals(id));
    }

    public TestFleet withQueuedTask(TaskRequest task) {
        queue.add(task);
        return this;
    }

    public TestFleet withHostState(int host, HostState state) {
        hosts.get(host).state = state;
        return this;
    }

    public TestFleet withMissedChecks(int host, int missed) {
        hosts.get(host).missedChecks = missed;
        return this;
    }

    public TestFleet withTaskOutcomes(int host, long successes, long failures) {
        hosts.get(host).successes = successes;
        hosts.get(host).failures = failures;
        return this;
    }

    // ------------------------------------------------------------------ applying plans

    /** Applies a plan naively: every action takes effect at once. */
    public void apply(Plan plan) {
        for (Action action : plan.actions()) {
            if (action instanceof PlaceVm a) {
                int v = a.vm().index();
                if (v == vms.size()) {
                    withPendingVm(a.type());
                }
                Vm vm = vms.get(v);
                if (vm.host >= 0) {
                    throw new AssertionError(a + ": the VM is already on host-" + vm.host);
                }
                vm.host = a.host().index();
                vm.status = VmStatus.RUNNING;
                vm.displaced = false;
                hosts.get(vm.host).vms.add(v);
            } else if (action instanceof MigrateVm a) {
                Vm vm = vms.get(a.vm().index());
                if (vm.host != a.from().index()) {
                    throw new AssertionError(a + ": the VM is on host-" + vm.host);
                }
                hosts.get(vm.host).vms.remove(Integer.valueOf(a.vm().index()));
                vm.host = a.to().index();
                hosts.get(vm.host).vms.add(a.vm().index());
            } else if (action instanceof AssignTask a) {
                TaskRequest task = queue.stream().filter(t -> t.id().equals(a.task())).findFirst()
                        .orElseThrow(() -> new AssertionError(a + ": no such queued task"));
                queue.remove(task);
                Vm vm = vms.get(a.vm().index());
                vm.tasks.add(task);
                vm.demandMips += task.demand().cpuMips();
            } else if (action instanceof LaunchHost a) {
                if (a.host().index() != hosts.size()) {
                    throw new AssertionError(a + ": expected index " + hosts.size());
                }
                withHost(a.type(), a.intoStandby() ? HostState.STANDBY : HostState.BOOTING);
            } else if (action instanceof ResumeHost a) {
                hosts.get(a.host().index()).state = HostState.ACTIVE;
            } else if (action instanceof StopHost a) {
                hosts.get(a.host().index()).state = HostState.STANDBY;
            } else if (action instanceof TerminateHost a) {
                hosts.get(a.host().index()).state = HostState.TERMINATED;
            } else if (action instanceof DrainHost a) {
                hosts.get(a.host().index()).state = HostState.DRAINING;
            } else if (action instanceof UpdateHost a) {
                hosts.get(a.host().index()).state = HostState.DRAINING; // a test moves it on (withHostState)
            } else if (action instanceof FenceHost a) {
                Host host = hosts.get(a.host().index());
                host.state = HostState.FAILED;
                for (int v : host.vms) {
                    Vm vm = vms.get(v);
                    vm.host = -1;
                    vm.status = VmStatus.PENDING;
                    vm.displaced = true;
                }
                host.vms.clear();
            }
        }
    }

    /** VMs on a server, for checks. */
    public List<Integer> vmsOn(int host) {
        return List.copyOf(hosts.get(host).vms);
    }

    public List<TaskRequest> tasksOn(int vm) {
        return List.copyOf(vms.get(vm).tasks);
    }

    // ------------------------------------------------------------------ ClusterView

    @Override
    public double nowS() {
        return now;
    }

    @Override
    public int hostCount() {
        return hosts.size();
    }

    @Override
    public HostType hostType(int host) {
        return hosts.get(host).type;
    }

    @Override
    public HostState hostState(int host) {
        return hosts.get(host).state;
    }

    @Override
    public int missedHealthChecks(int host) {
        return hosts.get(host).missedChecks;
    }

    @Override
    public double hostCpuUtilization(int host) {
        double demand = 0;
        for (int v : hosts.get(host).vms) {
            demand += vms.get(v).demandMips;
        }
        return Math.min(1, demand / hosts.get(host).type.totalMips()) + hosts.get(host).measuredDrift;
    }

    /**
     * Makes the measured utilisation of {@code host} differ from its VMs' demand by {@code drift}, as a real
     * measurement does by rounding (or by load not yet accounted for).
     */
    public TestFleet withMeasuredDrift(int host, double drift) {
        hosts.get(host).measuredDrift = drift;
        return this;
    }

    @Override
    public int hostVmCount(int host) {
        return hosts.get(host).vms.size();
    }

    @Override
    public int hostVm(int host, int i) {
        return hosts.get(host).vms.get(i);
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return hosts.get(host).successes;
    }

    @Override
    public long hostTaskFailures(int host) {
        return hosts.get(host).failures;
    }

    @Override
    public int vmCount() {
        return vms.size();
    }

    @Override
    public VmType vmType(int vm) {
        return vms.get(vm).type;
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vms.get(vm).status;
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return vms.get(vm).displaced;
    }

    @Override
    public int vmHost(int vm) {
        return vms.get(vm).host;
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return -1;
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return vms.get(vm).demandMips;
    }

    @Override
    public double vmRamDemandMb(int vm) {
        Vm v = vms.get(vm);
        double tasks = v.tasks.stream().mapToDouble(t -> t.demand().ramMb()).sum();
        return v.tasks.isEmpty() ? v.demandRam : tasks;
    }

    @Override
    public double vmGpuDemand(int vm) {
        return vms.get(vm).tasks.stream().mapToDouble(t -> t.demand().gpus()).sum();
    }

    @Override
    public int vmRunningTasks(int vm) {
        return vms.get(vm).tasks.size();
    }

    /** Gives VM {@code vm} a utilisation history, newest sample first. */
    public TestFleet withHistory(int vm, double... newestFirst) {
        vms.get(vm).history = newestFirst.clone();
        return this;
    }

    @Override
    public int vmHistoryLength(int vm) {
        return vms.get(vm).history.length;
    }

    @Override
    public double vmHistory(int vm, int age) {
        return vms.get(vm).history[age];
    }

    @Override
    public int queuedTaskCount() {
        return queue.size();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return queue.get(i);
    }
}
