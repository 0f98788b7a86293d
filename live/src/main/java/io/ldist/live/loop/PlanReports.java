package io.ldist.live.loop;

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
import io.ldist.live.api.PlanReport;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plans in words, for GET /plan, {@code ldist live plan} and the log. */
public final class PlanReports {
    private PlanReports() {
    }

    static PlanReport of(Plan plan, LiveFleet fleet, String status, List<String> refusals,
                         List<ActionOutcome> outcomes) {
        List<PlanReport.ActionReport> actions = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            Action action = plan.actions().get(i);
            String outcome = i < outcomes.size() ? outcomes.get(i).outcomeName() : null;
            actions.add(new PlanReport.ActionReport(action.kind(), target(action, fleet), detail(action, fleet),
                    action.reason().name().toLowerCase(Locale.ROOT), outcome));
        }
        return new PlanReport(plan.atS(), status, actions, refusals);
    }

    static PlanReport withOutcomes(PlanReport described, List<ActionOutcome> outcomes) {
        List<PlanReport.ActionReport> actions = new ArrayList<>();
        for (int i = 0; i < described.actions().size(); i++) {
            PlanReport.ActionReport a = described.actions().get(i);
            ActionOutcome o = i < outcomes.size() ? outcomes.get(i) : null;
            String detail = o == null || o.detail() == null ? a.detail() : o.detail();
            actions.add(new PlanReport.ActionReport(a.kind(), a.target(), detail, a.reason(),
                    o == null ? null : o.outcomeName()));
        }
        return new PlanReport(described.atS(), described.status(), actions, described.refusals());
    }

    private static String host(int index, LiveFleet fleet) {
        if (index < fleet.hostCount() && fleet.host(index).instanceId() != null) {
            return "host-" + index + " (" + fleet.host(index).instanceId() + ")";
        }
        return "host-" + index;
    }

    private static String target(Action action, LiveFleet fleet) {
        if (action instanceof LaunchHost a) {
            return "host-" + a.host().index() + " (new)";
        } else if (action instanceof ResumeHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof StopHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof TerminateHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof DrainHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof UpdateHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof FenceHost a) {
            return host(a.host().index(), fleet);
        } else if (action instanceof PlaceVm a) {
            return LiveNames.vmName(fleet.cluster(), a.vm().index());
        } else if (action instanceof MigrateVm a) {
            return LiveNames.vmName(fleet.cluster(), a.vm().index());
        } else if (action instanceof AssignTask a) {
            return TaskTickets.idOf(a.task().value());
        }
        return "";
    }

    private static String detail(Action action, LiveFleet fleet) {
        if (action instanceof LaunchHost a) {
            return a.type().name() + (a.intoStandby() ? ", into the warm pool" : "");
        } else if (action instanceof DrainHost a) {
            return "then " + a.then().name().toLowerCase(Locale.ROOT);
        } else if (action instanceof UpdateHost) {
            return LiveExecutor.REFUSED_UPDATE;
        } else if (action instanceof PlaceVm a) {
            return a.type().name() + " on " + host(a.host().index(), fleet);
        } else if (action instanceof MigrateVm a) {
            return host(a.from().index(), fleet) + " -> " + host(a.to().index(), fleet);
        } else if (action instanceof AssignTask a) {
            return "on " + LiveNames.vmName(fleet.cluster(), a.vm().index());
        }
        return "";
    }
}
