package io.ldist.cli.live;

import io.ldist.live.api.PlanReport;
import io.ldist.live.loop.LiveDistributor;

import java.util.Map;

/**
 * What one reconcile round did, from the distributor's counters before and after it: the plan, whether the fleet
 * could be observed, and how many actions were applied, skipped or failed.
 *
 * @param observeError why the fleet could not be observed (then nothing was decided), or null
 */
record RoundResult(int number, PlanReport plan, String observeError, long applied, long skipped, long failed) {

    static RoundResult reconcile(int number, LiveDistributor distributor) {
        Map<String, Long> before = distributor.counters();
        PlanReport plan = distributor.reconcile();
        Map<String, Long> after = distributor.counters();
        String observeError = delta(before, after, "observation_errors") > 0 ? distributor.health().detail() : null;
        return new RoundResult(number, plan, observeError, delta(before, after, "actions_applied"),
                delta(before, after, "actions_skipped"), delta(before, after, "actions_failed"));
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String counter) {
        return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
    }

    boolean refused() {
        return "refused".equals(plan.status());
    }

    /** Observed, not refused, and no action failed. */
    boolean succeeded() {
        return observeError == null && !refused() && failed == 0;
    }

    /** The round in one line, for the log. */
    String line() {
        String head = "round " + number + ": ";
        if (observeError != null) {
            return head + "no decision, " + observeError;
        }
        int size = plan.actions().size();
        if (size == 0) {
            return head + "plan of 0 actions";
        }
        String plural = size == 1 ? " action" : " actions";
        if (refused()) {
            return head + "plan of " + size + plural + " REFUSED: " + String.join("; ", plan.refusals());
        }
        if ("dry-run".equals(plan.status())) {
            return head + "plan of " + size + plural + ", not applied (dry run): " + kinds();
        }
        // The counts take in the follow-up decisions a round makes after an applied plan (their tasks, their VMs).
        return head + "plan of " + size + plural + " (" + kinds() + "); this round applied " + applied + ", skipped "
                + skipped + ", failed " + failed;
    }

    /** The actions' kinds and targets, e.g. "launch host-0 (new), launch host-1 (new)". */
    private String kinds() {
        StringBuilder text = new StringBuilder();
        for (PlanReport.ActionReport action : plan.actions()) {
            text.append(text.length() == 0 ? "" : ", ").append(action.kind()).append(' ').append(action.target());
        }
        return text.toString();
    }
}
