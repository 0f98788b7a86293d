package io.ldist.engine.decide;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmId;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;

/**
 * Records a VM move in the planning state and adds the matching actions, switching a standby target on
 * first. Every step that moves VMs goes through here so the state and the plan never disagree.
 */
public final class Moves {
    private Moves() {
    }

    /** Starts VM {@code vm} (pending, displaced or new, on no server in the plan) on server {@code host}. */
    public static void start(int vm, int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        resumeIfStandby(host, reason, plan, actions);
        plan.place(vm, host);
        plan.setActionOf(vm, actions.addAt(new PlaceVm(VmId.of(vm), plan.vmType(vm), HostId.of(host), reason)));
    }

    /**
     * Live-migrates VM {@code vm} from its planned server to {@code host}. A VM the plan already moves is
     * moved once, from where it runs now to its final server: a plan holds only net moves.
     */
    public static void migrate(int vm, int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        resumeIfStandby(host, reason, plan, actions);
        plan.remove(vm);
        plan.place(vm, host);
        recordNetMove(vm, host, reason, plan, actions);
    }

    /**
     * Adds the actions for VM {@code vm}, which the plan has already put on {@code host} (a step that tried
     * moves out and keeps them); as {@link #migrate}, a plan holds only net moves. The host must be one that
     * ran before the plan: nothing here switches it on.
     */
    public static void migrated(int vm, int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        if (plan.vmHost(vm) != host || plan.resumePlanned(host)) {
            throw new IllegalStateException("vm-" + vm + " is not on host-" + host
                    + ", or that host is being switched on");
        }
        recordNetMove(vm, host, reason, plan, actions);
    }

    private static void recordNetMove(int vm, int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        Action earlier = plan.actionOf(vm) >= 0 ? actions.withdraw(plan.actionOf(vm)) : null;
        if (earlier instanceof PlaceVm started) {
            // Started by this very plan (new, pending or displaced by a failover): start it on its final server.
            plan.setActionOf(vm, actions.addAt(new PlaceVm(started.vm(), started.type(), HostId.of(host),
                    started.reason())));
            return;
        }
        int runsOn = plan.view().vmHost(vm);
        if (host != runsOn) {
            if (reason != Reason.FAILOVER) {
                plan.disrupt(runsOn);
            }
            plan.setActionOf(vm, actions.addAt(new MigrateVm(VmId.of(vm), HostId.of(runsOn), HostId.of(host),
                    reason)));
        } else {
            plan.setActionOf(vm, -1); // back where it runs: nothing to do
        }
    }

    private static void resumeIfStandby(int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        if (plan.hostState(host) == HostState.STANDBY) {
            actions.add(new ResumeHost(HostId.of(host), reason));
        }
    }
}
