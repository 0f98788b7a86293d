package io.ldist.engine.plan;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;

/**
 * The checks every driver makes before it applies an action: whether the fleet, as the driver's view shows it
 * at that moment (after the plan's earlier actions), allows it. An action that fails them means the engine
 * proposed something impossible; a driver refuses it rather than act on a fleet it no longer understands.
 * Checks that need a driver's own records (is this task still queued?) stay with the driver.
 */
public final class PlanValidator {
    private PlanValidator() {
    }

    /**
     * What forbids applying {@code action} to the fleet as {@code view} shows it now, or null when nothing does.
     *
     * @param maxVmsPerHost the fleet's VM limit per server
     */
    public static String problem(Action action, ClusterView view, int maxVmsPerHost) {
        if (action instanceof PlaceVm a) {
            return placeVm(a, view, maxVmsPerHost);
        } else if (action instanceof MigrateVm a) {
            int vm = a.vm().index();
            if (vm >= view.vmCount() || view.vmStatus(vm) != VmStatus.RUNNING) {
                return "the VM is not running";
            }
            if (view.vmHost(vm) != a.from().index()) {
                return "the VM is on host-" + view.vmHost(vm);
            }
            return acceptsVm(a.to().index(), view, maxVmsPerHost);
        } else if (action instanceof AssignTask a) {
            int vm = a.vm().index();
            if (vm >= view.vmCount() || view.vmStatus(vm) != VmStatus.RUNNING) {
                return "the VM is not running";
            }
            HostState state = view.hostState(view.vmHost(vm));
            if (state != HostState.ACTIVE) {
                return "the VM's host is " + state;
            }
            return view.vmRunningTasks(vm) < view.vmType(vm).taskSlots() ? null : "the VM has no free task slot";
        } else if (action instanceof LaunchHost a) {
            return a.host().index() == view.hostCount() ? null
                    : "new hosts must take the next index " + view.hostCount();
        } else if (action instanceof ResumeHost a) {
            return inState(a.host().index(), view, HostState.STANDBY);
        } else if (action instanceof StopHost a) {
            String state = inState(a.host().index(), view, HostState.ACTIVE);
            return state != null ? state : empty(a.host().index(), view);
        } else if (action instanceof TerminateHost a) {
            String state = inState(a.host().index(), view, HostState.ACTIVE, HostState.STANDBY);
            return state != null ? state : empty(a.host().index(), view);
        } else if (action instanceof DrainHost a) {
            return inState(a.host().index(), view, HostState.ACTIVE);
        } else if (action instanceof FenceHost a) {
            return inState(a.host().index(), view, HostState.ACTIVE, HostState.DRAINING);
        } else if (action instanceof UpdateHost a) {
            return inState(a.host().index(), view, HostState.ACTIVE);
        }
        return "no driver applies " + action.kind();
    }

    private static String placeVm(PlaceVm a, ClusterView view, int maxVmsPerHost) {
        int vm = a.vm().index();
        if (vm > view.vmCount()) {
            return "unknown VM";
        }
        if (vm < view.vmCount()) {
            if (view.vmStatus(vm) != VmStatus.PENDING) {
                return "the VM is " + view.vmStatus(vm) + ", not pending";
            }
            if (!view.vmType(vm).equals(a.type())) {
                return "the VM's type is " + view.vmType(vm).name();
            }
        }
        return acceptsVm(a.host().index(), view, maxVmsPerHost);
    }

    /** An active server below the VM limit, counting VMs on their way in. */
    private static String acceptsVm(int host, ClusterView view, int maxVmsPerHost) {
        if (host >= view.hostCount()) {
            return "unknown host";
        }
        if (view.hostState(host) != HostState.ACTIVE) {
            return "the host is " + view.hostState(host);
        }
        int holding = view.hostVmCount(host) + view.hostIncomingVmCount(host);
        return holding < maxVmsPerHost ? null
                : "the host already holds " + holding + " VMs (limit " + maxVmsPerHost + ")";
    }

    private static String inState(int host, ClusterView view, HostState... allowed) {
        if (host >= view.hostCount()) {
            return "unknown host";
        }
        HostState state = view.hostState(host);
        for (HostState ok : allowed) {
            if (state == ok) {
                return null;
            }
        }
        return "the host is " + state;
    }

    private static String empty(int host, ClusterView view) {
        return view.hostVmCount(host) == 0 && view.hostIncomingVmCount(host) == 0 ? null : "the host still holds VMs";
    }
}
