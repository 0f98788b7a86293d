package io.ldist.live.api;

import java.util.List;

/**
 * One whole decision's plan, for GET /plan and {@code ldist live plan --json}.
 *
 * @param status   "applied", "dry-run" (shown, not applied), "refused" (a safety cap said no) or "none" (no
 *                 decision yet)
 * @param refusals why the plan was refused, one line per broken cap; empty otherwise
 */
public record PlanReport(double atS, String status, List<ActionReport> actions, List<String> refusals) {
    /** One action: its kind, what it acts on, and why. */
    public record ActionReport(String kind, String target, String detail, String reason, String outcome) {
    }
}
