package io.ldist.sim.world;

import io.ldist.engine.affinity.AffinityBreaches;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The invariants of DESIGN.md, checked on the simulated fleet: no server over its VM limit or (with reserved
 * sizing) its CPU, GPU or RAM capacity (network is shared); every VM exactly where its server says, never on two; servers that are failed,
 * stopped, terminated or booting hold nothing; no VM over its task slots or capacity; no task lost; no hard affinity rule broken.
 */
public final class FleetInvariants {
    private FleetInvariants() {
    }

    /** Throws, naming the first ten broken invariants, unless all hold; {@code when} says at what point of the run. */
    public static void require(VirtualFleet fleet, FleetRules rules, long tasksArrived, String when) {
        List<String> problems = violations(fleet, rules, tasksArrived);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("broken invariants " + when + " at t=" + fleet.nowS() + "s: "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    /** Every broken invariant, described; empty when all hold. */
    public static List<String> violations(VirtualFleet fleet, FleetRules rules, long tasksArrived) {
        List<String> problems = new ArrayList<>();
        int[] seenOn = new int[fleet.vmCount()];
        java.util.Arrays.fill(seenOn, -1);
        for (int h = 0; h < fleet.hostCount(); h++) {
            HostState state = fleet.hostState(h);
            int holding = fleet.hostVmCount(h) + fleet.hostIncomingVmCount(h);
            if (holding > rules.maxVmsPerHost()) {
                problems.add("host-" + h + " holds " + holding + " VMs, limit " + rules.maxVmsPerHost());
            }
            boolean mayHold = state == HostState.ACTIVE || state == HostState.DRAINING;
            if (!mayHold && holding > 0) {
                problems.add("host-" + h + " is " + state + " but holds " + holding + " VMs");
            }
            Resources reserved = Resources.ZERO;
            for (int i = 0; i < fleet.hostVmCount(h); i++) {
                int v = fleet.hostVm(h, i);
                if (seenOn[v] >= 0) {
                    problems.add("vm-" + v + " is on host-" + seenOn[v] + " and host-" + h);
                }
                seenOn[v] = h;
                if (fleet.vmHost(v) != h) {
                    problems.add("vm-" + v + " is listed on host-" + h + " but says host-" + fleet.vmHost(v));
                }
                reserved = reserved.plus(fleet.vmType(v).reservation());
            }
            for (int i = 0; i < fleet.hostIncomingVmCount(h); i++) {
                int v = fleet.incomingVm(h, i);
                if (fleet.vmMigrationTarget(v) != h || fleet.vmStatus(v) != VmStatus.MIGRATING) {
                    problems.add("vm-" + v + " is arriving on host-" + h + " but is " + fleet.vmStatus(v)
                            + " towards host-" + fleet.vmMigrationTarget(v));
                }
                reserved = reserved.plus(fleet.vmType(v).reservation());
            }
            // Network is shared bandwidth (it times migrations), not reserved: CPU, GPU and RAM are.
            Resources capacity = fleet.hostType(h).capacity();
            if (rules.sizing() == VmSizing.RESERVATION && (reserved.cpuMips() > capacity.cpuMips()
                    || reserved.gpus() > capacity.gpus() || reserved.ramMb() > capacity.ramMb())) {
                problems.add("host-" + h + " reserves " + reserved + " over its capacity " + fleet.hostType(h).capacity());
            }
        }
        TaskBook tasks = fleet.tasks();
        for (int v = 0; v < fleet.vmCount(); v++) {
            VmStatus status = fleet.vmStatus(v);
            boolean placed = status == VmStatus.RUNNING || status == VmStatus.MIGRATING;
            if (placed && seenOn[v] < 0) {
                problems.add("vm-" + v + " is " + status + " on host-" + fleet.vmHost(v) + " but no host lists it");
            }
            if (!placed && (seenOn[v] >= 0 || fleet.vmHost(v) >= 0)) {
                problems.add("vm-" + v + " is " + status + " but sits on host-" + seenOn[v]);
            }
            if (tasks.runningOn(v) > fleet.vmType(v).taskSlots()) {
                problems.add("vm-" + v + " runs " + tasks.runningOn(v) + " tasks in " + fleet.vmType(v).taskSlots() + " slots");
            }
            if (tasks.runningOn(v) > 0 && !placed) {
                problems.add("vm-" + v + " is " + status + " but runs " + tasks.runningOn(v) + " tasks");
            }
            double slack = 1e-6 * Math.max(1, fleet.vmType(v).totalMips());
            if (tasks.cpuOn(v) > fleet.vmType(v).totalMips() + slack || tasks.ramOn(v) > fleet.vmType(v).ramMb() + slack) {
                problems.add("vm-" + v + " tasks hold " + tasks.cpuOn(v) + " MIPS, " + tasks.ramOn(v)
                        + " MiB, over its " + fleet.vmType(v).reservation());
            }
        }
        long queued = 0;
        long running = 0;
        long done = 0;
        for (SimTask task : tasks.all()) {
            switch (task.status()) {
                case QUEUED -> queued++;
                case RUNNING -> {
                    running++;
                    if (task.vm() < 0 || fleet.vmHost(task.vm()) < 0) {
                        problems.add("task-" + task.id() + " runs on vm-" + task.vm() + ", which has no host");
                    }
                }
                default -> done++;
            }
        }
        if (!rules.affinity().isEmpty()) {
            for (String broken : AffinityBreaches.of(rules.affinity(), v -> v < fleet.vmCount() ? fleet.vmHost(v) : -1,
                    v -> v < fleet.vmCount() ? fleet.vmMigrationTarget(v) : -1, true)) {
                problems.add("hard affinity rule " + broken);
            }
        }
        if (queued + running + done != tasksArrived || tasks.size() != tasksArrived) {
            problems.add(tasksArrived + " tasks arrived but " + queued + " are queued, " + running + " running and "
                    + done + " done or dropped");
        }
        return problems;
    }
}
