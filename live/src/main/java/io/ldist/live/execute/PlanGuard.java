package io.ldist.live.execute;

import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.StopHost;
import io.ldist.engine.plan.TerminateHost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a whole plan against the {@link SafetyCaps} before any of it is applied. A plan that breaks a cap is
 * refused whole, with one line per broken cap saying by how much: applying part of a plan could leave the fleet in
 * a state the engine never planned.
 *
 * <p>Voluntary disruption only counts against the disruption budget (drains, and migrations for any reason but a
 * failover): refusing a failover because servers are failing would make matters worse. Launches and terminations
 * are counted over a sliding hour of applied plans ({@link #applied}).
 */
public final class PlanGuard {
    private static final double HOUR_S = 3600;

    private final SafetyCaps caps;
    private final Deque<Double> launchesAtS = new ArrayDeque<>();
    private final Deque<Double> terminationsAtS = new ArrayDeque<>();

    public PlanGuard(SafetyCaps caps) {
        this.caps = caps;
    }

    public SafetyCaps caps() {
        return caps;
    }

    /** Why the plan may not be applied to the fleet as the view shows it, one line per broken cap; empty when it may. */
    public List<String> refusals(Plan plan, ClusterView view) {
        forgetBefore(view.nowS() - HOUR_S);
        int instances = 0;
        double costPerHour = 0;
        int active = 0;
        for (int h = 0; h < view.hostCount(); h++) {
            HostState state = view.hostState(h);
            if (state != HostState.TERMINATED) {
                instances++;
            }
            if (state.isRunning()) {
                costPerHour += view.hostType(h).priceUsdPerHour();
            }
            if (state == HostState.ACTIVE || state == HostState.DRAINING) {
                active++;
            }
        }
        int launches = 0;
        int terminations = 0;
        for (Action action : plan.actions()) {
            if (action instanceof LaunchHost a) {
                launches++;
                instances++;
                costPerHour += a.type().priceUsdPerHour();
            } else if (action instanceof ResumeHost a) {
                costPerHour += view.hostType(a.host().index()).priceUsdPerHour();
            } else if (action instanceof StopHost a) {
                costPerHour -= view.hostType(a.host().index()).priceUsdPerHour();
            } else if (action instanceof TerminateHost a) {
                terminations++;
                instances--;
                if (view.hostState(a.host().index()).isRunning()) {
                    costPerHour -= view.hostType(a.host().index()).priceUsdPerHour();
                }
            }
        }
        List<String> refusals = new ArrayList<>();
        if (instances > caps.maxInstances()) {
            refusals.add("instances: the plan leaves " + instances + " instances, cap maxInstances " + caps.maxInstances());
        }
        if (costPerHour > caps.maxCostPerHour() + 1e-9) {
            refusals.add(String.format(Locale.ROOT, "cost: the plan runs servers costing %.2f USD/h, cap maxCostPerHour %.2f",
                    costPerHour, caps.maxCostPerHour()));
        }
        if (launches > 0 && launchesAtS.size() + launches > caps.maxLaunchesPerHour()) {
            refusals.add("launches: " + launches + " in this plan after " + launchesAtS.size()
                    + " in the last hour, cap maxLaunchesPerHour " + caps.maxLaunchesPerHour());
        }
        if (terminations > 0 && terminationsAtS.size() + terminations > caps.maxTerminationsPerHour()) {
            refusals.add("terminations: " + terminations + " in this plan after " + terminationsAtS.size()
                    + " in the last hour, cap maxTerminationsPerHour " + caps.maxTerminationsPerHour());
        }
        // The engine's own count, so that a plan the engine made within this budget is never refused for it.
        DisruptionBudget budget = new DisruptionBudget(caps.disruptionBudget(), 0);
        Set<Integer> disrupted = DisruptionBudget.disruptedHosts(view, plan);
        int allowed = budget.allowed(DisruptionBudget.activeHosts(view));
        if (disrupted.size() > allowed) {
            refusals.add(String.format(Locale.ROOT,
                    "disruption budget: %d of %d active servers draining or giving up VMs at once, budget "
                            + "%.0f %% (%d)", disrupted.size(), active, caps.disruptionBudget() * 100, allowed));
        }
        return refusals;
    }

    /** The plan was applied at this time: its launches and terminations count against the hourly caps. */
    public void applied(Plan plan, double atS) {
        for (Action action : plan.actions()) {
            if (action instanceof LaunchHost) {
                launchesAtS.addLast(atS);
            } else if (action instanceof TerminateHost) {
                terminationsAtS.addLast(atS);
            }
        }
    }

    /** Takes back launch and termination times from the journal after a restart. */
    public void remember(boolean launch, double atS) {
        (launch ? launchesAtS : terminationsAtS).addLast(atS);
    }

    private void forgetBefore(double cutoffS) {
        while (!launchesAtS.isEmpty() && launchesAtS.peekFirst() <= cutoffS) {
            launchesAtS.removeFirst();
        }
        while (!terminationsAtS.isEmpty() && terminationsAtS.peekFirst() <= cutoffS) {
            terminationsAtS.removeFirst();
        }
    }
}
