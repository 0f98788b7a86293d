package io.ldist.reports;

import java.util.Optional;

/** The report's answer to "the cheapest variant that meets the objectives": a sentence, then each variant's runs. */
final class SloSection {
    private final SloVerdicts verdicts;

    SloSection(SloVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2>Service-level objectives</h2>\n");
        Optional<SloVerdicts.Verdict> cheapest = verdicts.cheapestMeetingAll();
        Metric cost = Metrics.named(SloVerdicts.COST).orElseThrow();
        if (!verdicts.costMeasured()) {
            html.append("<p class=\"verdict\">These runs measured no cost (their servers have no price per hour), so "
                    + "no variant can be named the cheapest; the table says which meet every objective.</p>\n");
        } else if (cheapest.isPresent()) {
            html.append("<p class=\"verdict\"><b>Cheapest variant that meets every objective: ")
                    .append(Html.escape(cheapest.get().variant().label())).append("</b>, mean cost ")
                    .append(cost.format(cheapest.get().meanCost())).append(" USD over its ")
                    .append(cheapest.get().runs()).append(cheapest.get().runs() == 1 ? " run" : " runs")
                    .append(".</p>\n");
        } else {
            html.append("<p class=\"verdict\"><b>No variant meets every objective</b> on all of its runs; the table "
                    + "shows how many runs of each met each one.</p>\n");
        }
        html.append("<p>Objectives: ").append(String.join("; ", verdicts.slos().stream()
                .map(slo -> "<code>" + Html.escape(slo.toString()) + "</code> (" + Html.escape(slo.describe()) + ")")
                .toList())).append(". A variant meets one when every one of its runs does (every day and seed); "
                        + "the cheapest is by mean cost, <code>costUsd</code>.");
        if (verdicts.slos().stream().anyMatch(Slo::boundsWaits)) {
            html.append(" The waits in results.csv are those of the tasks that started, which leaves the dropped "
                    + "ones out; so here every task that did not complete (dropped, or still queued or running at "
                    + "the end) counts as having waited past the bound: a run meets <code>p95WaitS&lt;=60</code> "
                    + "only when at least 95 % of all the tasks that arrived are known to have started within "
                    + "60 s.");
            if (verdicts.slos().stream().anyMatch(slo -> slo.toString().startsWith(Metrics.POOL_PREFIX))) {
                html.append(" A pool's started tasks are counted (<code>tasksStarted</code>), so for its "
                        + "objectives only its tasks dropped or still queued at the end count so.");
            }
        }
        html.append("</p>\n<table class=\"slo\">\n<thead><tr><th class=\"policy\">variant</th><th>runs</th>"
                + "<th>mean cost (USD)</th>");
        for (Slo slo : verdicts.slos()) {
            html.append("<th><code>").append(Html.escape(slo.toString())).append("</code></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (SloVerdicts.Verdict verdict : verdicts.verdicts()) {
            boolean chosen = cheapest.isPresent() && cheapest.get() == verdict;
            html.append("<tr><td class=\"policy\">").append(Html.escape(verdict.variant().label())).append("</td><td>")
                    .append(verdict.runs()).append("</td>").append(chosen ? "<td class=\"best\">" : "<td>")
                    .append(cost.format(verdict.meanCost())).append("</td>");
            for (int met : verdict.runsMeeting()) {
                html.append("<td>").append(met == verdict.runs() ? "met"
                        : "missed on " + (verdict.runs() - met) + " of " + verdict.runs()).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
