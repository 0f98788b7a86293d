package io.ldist.engine.provision;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;
import io.ldist.engine.util.StableOrder;

import java.util.function.IntPredicate;

/**
 * VMs that wait for a server (pending, or displaced by a failover) and the new servers they need: what
 * threshold scaling, or without it failover, launches or resumes for them.
 */
public final class WaitingVms {
    private WaitingVms() {
    }

    /** VMs of the view that have no server in the plan so far. */
    public static IntList of(PlanningState plan) {
        return of(plan, v -> true);
    }

    /** The VMs of {@link #of(PlanningState)} that {@code which} accepts (one pool's, say). */
    public static IntList of(PlanningState plan, IntPredicate which) {
        IntList waiting = new IntList();
        for (int v = 0; v < plan.view().vmCount(); v++) {
            if (plan.view().vmStatus(v) != VmStatus.FINISHED && plan.vmHost(v) < 0 && which.test(v)) {
                waiting.add(v);
            }
        }
        return waiting;
    }

    /**
     * Empty servers of {@code type} that the {@code waiting} VMs need, packed largest first onto the first server
     * with room (within the fleet's VM limit); VMs that would not fit even an empty one need none.
     */
    public static int serversFor(IntList waiting, HostType type, PlanningState plan) {
        int[] order = StableOrder.byKey(waiting.size(), i -> -plan.vmCpu(waiting.get(i)));
        int limit = plan.rules().maxVmsPerHost();
        double[] cpu = new double[waiting.size()];
        double[] ram = new double[waiting.size()];
        double[] gpu = new double[waiting.size()];
        int[] count = new int[waiting.size()];
        int servers = 0;
        for (int position : order) {
            int v = waiting.get(position);
            if (!fitsEmpty(v, type, plan)) {
                continue;
            }
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

    private static boolean fitsEmpty(int v, HostType type, PlanningState plan) {
        VmType vm = plan.vmType(v);
        return vm.cores() <= type.cores() && plan.vmCpu(v) / vm.cores() <= type.mipsPerCore()
                && plan.vmCpu(v) <= type.totalMips() && plan.vmRam(v) <= type.ramMb() && plan.vmGpu(v) <= type.gpus();
    }
}
