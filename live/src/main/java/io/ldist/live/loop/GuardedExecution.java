package io.ldist.live.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.live.api.PlanReport;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.execute.PlanGuard;
import io.ldist.live.state.LiveFleet;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A whole decision's way to the fleet: checked against the safety caps, then refused (and journaled), only shown
 * (dry run: no mutating call at all), or applied. Keeps the newest report for GET /plan. Called under the
 * distributor's lock.
 */
final class GuardedExecution {
    private final LiveFleet fleet;
    private final PlanGuard guard;
    private final LiveExecutor executor;
    private final Journal journal;
    private final boolean apply;
    private final LongSupplier clockMs;
    private final LiveCounters counters;
    private final List<RoundListener> listeners;
    private final Consumer<String> log;
    private PlanReport lastPlan = new PlanReport(0, "none", List.of(), List.of());

    GuardedExecution(LiveFleet fleet, PlanGuard guard, LiveExecutor executor, Journal journal, boolean apply,
                     LongSupplier clockMs, LiveCounters counters, List<RoundListener> listeners, Consumer<String> log) {
        this.fleet = fleet;
        this.guard = guard;
        this.executor = executor;
        this.journal = journal;
        this.apply = apply;
        this.clockMs = clockMs;
        this.counters = counters;
        this.listeners = listeners;
        this.log = log;
    }

    /** Checks the plan, then refuses, shows or applies it; returns its report. */
    PlanReport run(Plan plan) {
        List<String> refusals = guard.refusals(plan, fleet);
        PlanReport report;
        List<ActionOutcome> outcomes = List.of();
        if (plan.isEmpty()) {
            report = new PlanReport(plan.atS(), apply ? "applied" : "dry-run", List.of(), List.of());
        } else if (!refusals.isEmpty()) {
            counters.count("plans_refused");
            ObjectNode refused = journal.entry("refused");
            refused.put("atS", fleet.nowS());
            refused.put("actions", plan.size());
            refused.put("why", String.join("; ", refusals));
            journal.append(refused);
            log.accept("plan of " + plan.size() + " action(s) refused: " + String.join("; ", refusals));
            report = PlanReports.of(plan, fleet, "refused", refusals, List.of());
        } else if (!apply) {
            counters.count("plans_shown");
            report = PlanReports.of(plan, fleet, "dry-run", List.of(), List.of());
        } else {
            PlanReport described = PlanReports.of(plan, fleet, "applied", List.of(), List.of());
            outcomes = executor.apply(plan);
            guard.applied(plan, fleet.nowS());
            counters.count("plans_applied");
            countOutcomes(outcomes);
            report = PlanReports.withOutcomes(described, outcomes);
        }
        if (!plan.isEmpty() || "none".equals(lastPlan.status())) {
            lastPlan = report; // an empty plan leaves the last plan that had actions on show
        }
        for (RoundListener listener : listeners) {
            listener.roundDone(fleet, clockMs.getAsLong(), plan, outcomes);
        }
        return report;
    }

    PlanReport lastPlan() {
        return lastPlan;
    }

    private void countOutcomes(List<ActionOutcome> outcomes) {
        for (ActionOutcome outcome : outcomes) {
            counters.count(switch (outcome.result()) {
                case APPLIED -> "actions_applied";
                case SKIPPED -> "actions_skipped";
                case FAILED -> "actions_failed";
            });
            if (outcome.result() != ActionOutcome.Result.APPLIED) {
                log.accept(outcome.action().kind() + " " + outcome.outcomeName() + ": " + outcome.detail());
            }
            if (outcome.action() instanceof AssignTask) {
                counters.count("tasks_assigned");
            }
        }
    }
}
