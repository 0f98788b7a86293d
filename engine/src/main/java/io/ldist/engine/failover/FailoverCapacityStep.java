package io.ldist.engine.failover;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.util.IntList;
import io.ldist.engine.util.StableOrder;

/**
 * Brings back the capacity a failure took, for a fleet without a scaling policy (threshold scaling does this
 * itself, within its maximum). Such a fleet keeps the size it started with: when VMs wait for a server and
 * fewer servers run (or boot) than at the start, it resumes servers from the warm pool (a repaired server
 * waits there), or else launches servers of a failed one's type, as many as the waiting VMs need.
 */
public final class FailoverCapacityStep implements DecisionStep {
    /** Servers running or booting when the first decision was asked for; -1 before it. */
    private int startingSize = -1;

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        int running = 0;
        int booting = 0;
        HostType launchType = null;
        for (int h = 0; h < plan.hostCount(); h++) {
            switch (plan.hostState(h)) {
                case ACTIVE, DRAINING -> running++;
                case BOOTING -> booting++;
                case FAILED -> launchType = launchType == null ? plan.hostType(h) : launchType;
                default -> { }
            }
        }
        if (startingSize < 0) {
            startingSize = runningInView(plan); // before this plan fenced anything
        }
        if (running + booting >= startingSize) {
            return;
        }
        HostType type = launchType != null ? launchType : plan.hostType(0);
        int needed = serversFor(waitingVms(plan, type), type, plan) - booting;
        int wanted = Math.min(needed, startingSize - running - booting);
        for (int h = 0; h < plan.hostCount() && wanted > 0; h++) {
            if (plan.hostState(h) == HostState.STANDBY) {
                plan.setHostState(h, plan.hostType(h).resumeTimeS() == 0 ? HostState.ACTIVE : HostState.BOOTING);
                actions.add(new ResumeHost(HostId.of(h), Reason.FAILOVER));
                wanted--;
            }
        }
        for (; wanted > 0; wanted--) {
            actions.add(new LaunchHost(actions.nextLaunchedHost(plan.hostCount()), type, false, Reason.FAILOVER));
        }
    }

    private static int runningInView(PlanningState plan) {
        int running = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            HostState state = plan.view().hostState(h);
            running += state == HostState.ACTIVE || state == HostState.DRAINING || state == HostState.BOOTING ? 1 : 0;
        }
        return running;
    }

    /** VMs of the view that have no server in the plan and would fit an empty server of {@code type}. */
    private static IntList waitingVms(PlanningState plan, HostType type) {
        IntList waiting = new IntList();
        for (int v = 0; v < plan.view().vmCount(); v++) {
            if (plan.view().vmStatus(v) != VmStatus.FINISHED && plan.vmHost(v) < 0 && fitsEmpty(v, type, plan)) {
                waiting.add(v);
            }
        }
        return waiting;
    }

    private static boolean fitsEmpty(int v, HostType type, PlanningState plan) {
        VmType vm = plan.vmType(v);
        return vm.cores() <= type.cores() && plan.vmCpu(v) / vm.cores() <= type.mipsPerCore()
                && plan.vmCpu(v) <= type.totalMips() && plan.vmRam(v) <= type.ramMb() && plan.vmGpu(v) <= type.gpus();
    }

    /** Empty servers of {@code type} the VMs need, packed largest first onto the first server with room. */
    private static int serversFor(IntList vms, HostType type, PlanningState plan) {
        int[] order = StableOrder.byKey(vms.size(), i -> -plan.vmCpu(vms.get(i)));
        int limit = plan.rules().maxVmsPerHost();
        double[] cpu = new double[vms.size()];
        double[] ram = new double[vms.size()];
        double[] gpu = new double[vms.size()];
        int[] count = new int[vms.size()];
        int servers = 0;
        for (int position : order) {
            int v = vms.get(position);
            int s = 0;
            while (s < servers && (count[s] >= limit || cpu[s] + plan.vmCpu(v) > type.totalMips()
                    || ram[s] + plan.vmRam(v) > type.ramMb() || gpu[s] + plan.vmGpu(v) > type.gpus())) {
                s++;
            }
            servers = Math.max(servers, s + 1);
            cpu[s] += plan.vmCpu(v);
            ram[s] += plan.vmRam(v);
            gpu[s] += plan.vmGpu(v);
            count[s]++;
        }
        return servers;
    }
}
