package io.ldist.engine.decide;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmId;
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
        plan.markActedOn(vm);
        actions.add(new PlaceVm(VmId.of(vm), plan.vmType(vm), HostId.of(host), reason));
    }

    /**
     * Live-migrates VM {@code vm} from its planned server to {@code host}. A VM the plan already moves is
     * moved once, from where it runs now to its final server: a plan holds only net moves.
     */
    public static void migrate(int vm, int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        resumeIfStandby(host, reason, plan, actions);
        plan.remove(vm);
        plan.place(vm, host);
        PlaceVm started = null;
        MigrateVm moved = null;
        if (plan.actedOn(vm)) {
            for (var action : actions.actions()) {
                if (action instanceof PlaceVm p && p.vm().index() == vm) {
                    started = p;
                } else if (action instanceof MigrateVm m && m.vm().index() == vm) {
                    moved = m;
                }
            }
        }
        plan.markActedOn(vm);
        if (started != null) {
            // Started by this very plan (new, pending or displaced by a failover): start it on its final server.
            actions.remove(started);
            actions.add(new PlaceVm(started.vm(), started.type(), HostId.of(host), started.reason()));
            return;
        }
        if (moved != null) {
            actions.remove(moved);
        }
        int runsOn = plan.view().vmHost(vm);
        if (host != runsOn) {
            actions.add(new MigrateVm(VmId.of(vm), HostId.of(runsOn), HostId.of(host), reason));
        }
    }

    private static void resumeIfStandby(int host, Reason reason, PlanningState plan, Plan.Builder actions) {
        if (plan.hostState(host) == HostState.STANDBY) {
            actions.add(new ResumeHost(HostId.of(host), reason));
        }
    }
}
