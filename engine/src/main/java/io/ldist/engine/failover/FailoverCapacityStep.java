package io.ldist.engine.failover;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.provision.WaitingVms;

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
        int needed = WaitingVms.serversFor(WaitingVms.of(plan), type, plan) - booting;
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
}
