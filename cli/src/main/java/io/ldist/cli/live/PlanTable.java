package io.ldist.cli.live;

import io.ldist.live.api.PlanReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plan as a table for people: one row per action (what, on which target, why), then the caps that refused it. */
final class PlanTable {
    private static final List<String> HEADERS = List.of("#", "action", "target", "detail", "why");

    private PlanTable() {
    }

    static void print(PlanReport plan, PrintWriter out) {
        if (plan.actions().isEmpty()) {
            out.println("plan: nothing to do (" + plan.status() + ")");
            return;
        }
        out.println("plan: " + plan.actions().size() + " action(s), " + statusInWords(plan.status()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (int i = 0; i < plan.actions().size(); i++) {
            PlanReport.ActionReport a = plan.actions().get(i);
            rows.add(List.of(Integer.toString(i + 1), a.kind(), a.target(), a.detail(), a.reason()));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(pad(row.get(c), widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (String refusal : plan.refusals()) {
            out.println("refused: " + refusal);
        }
    }

    private static String statusInWords(String status) {
        return switch (status) {
            case "dry-run" -> "not applied (dry run)";
            case "refused" -> "REFUSED whole by the safety caps below, nothing applied";
            default -> status;
        };
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
