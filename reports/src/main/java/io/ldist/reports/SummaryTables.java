package io.ldist.reports;

import io.ldist.reports.charts.PolicyStyle;
import io.ldist.reports.stats.Summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's summary tables: per variant, each metric's mean over its runs with the 95 % confidence interval
 * of that mean, the best mean of a column highlighted (with objectives, the cost column marks the cheapest variant
 * meeting them) and, under each value, the paired test against the baseline.
 */
final class SummaryTables {
    private static final int COLUMNS_PER_TABLE = 4;

    private final Variants variants;
    private final List<Metric> shown;
    private final PolicyStyle style;
    private final BaselineTests tests;
    private final Variants.Baseline baseline;
    private final Optional<SloVerdicts> objectives;

    SummaryTables(Variants variants, List<Metric> shown, PolicyStyle style, BaselineTests tests,
                  Variants.Baseline baseline, Optional<SloVerdicts> objectives) {
        this.variants = variants;
        this.shown = shown;
        this.style = style;
        this.tests = tests;
        this.baseline = baseline;
        this.objectives = objectives;
    }

    /**
     * A group's metrics, in tables of at most {@value #COLUMNS_PER_TABLE} metrics each: with its confidence
     * interval and its test against the baseline, a column needs about 150 px, so that many keep a table within an
     * A4 page and a 1,400 px window beside a long variant name.
     */
    String html(String group) {
        StringBuilder html = new StringBuilder();
        List<Metric> all = shown.stream().filter(m -> m.group().equals(group)).toList();
        for (int from = 0; from < all.size(); from += COLUMNS_PER_TABLE) {
            table(html, all.subList(from, Math.min(all.size(), from + COLUMNS_PER_TABLE)));
        }
        return html.append(tests.legendOnce()).toString();
    }

    private void table(StringBuilder html, List<Metric> metrics) {
        html.append("<table class=\"summary\">\n<thead><tr><th class=\"policy\">policy</th><th>runs</th>");
        for (Metric metric : metrics) {
            html.append("<th>").append(Html.escape(metric.label()))
                    .append(metric.unit().isEmpty() ? "" : " (" + Html.escape(metric.unit()) + ")").append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        Map<Metric, Double> best = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            best.put(metric, bestMean(metric).orElse(Double.NaN));
        }
        for (Variant variant : variants.all()) {
            List<ResultsTable.Row> rows = variants.rowsOf(variant);
            html.append("<tr><td class=\"policy\"><span class=\"swatch\" style=\"background:")
                    .append(style.cssColour(variant.series())).append("\"></span>").append(Html.escape(variant.label()))
                    .append(isBaseline(variant) ? " <i>(baseline)</i>" : "").append("</td><td>").append(rows.size())
                    .append("</td>");
            for (Metric metric : metrics) {
                Summary s = summary(rows, metric);
                boolean isBest = highlightsCheapestMeetingObjectives(metric) ? isCheapestMeetingObjectives(variant)
                        : s.n() > 0 && s.mean() == best.get(metric);
                // A mean and its interval stay on one line: "23,790 ± / 3,877" reads as two numbers.
                html.append(isBest ? "<td class=\"best\">" : "<td>").append("<span class=\"value\">")
                        .append(display(metric, s.mean()));
                if (s.n() > 1 && Double.isFinite(s.ciHalfWidth())) {
                    html.append(" <span class=\"ci\">&plusmn; ").append(display(metric, s.ciHalfWidth()))
                            .append("</span>");
                }
                html.append("</span>");
                html.append(tests.versusBaseline(variant, metric)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** With objectives, the cost column marks the cheapest variant that meets them, not the cheapest overall. */
    private boolean highlightsCheapestMeetingObjectives(Metric metric) {
        return objectives.isPresent() && metric.name().equals(SloVerdicts.COST);
    }

    private boolean isCheapestMeetingObjectives(Variant variant) {
        return objectives.flatMap(SloVerdicts::cheapestMeetingAll).map(v -> v.variant().equals(variant))
                .orElse(false);
    }

    private boolean isBaseline(Variant variant) {
        return baseline.variant() != null ? baseline.variant().equals(variant)
                : variant.series().equals(baseline.series());
    }

    /**
     * The best mean of a column, to highlight: none for a metric with no better direction, nor when every variant
     * has the same mean (nothing is better then).
     */
    private Optional<Double> bestMean(Metric metric) {
        List<Double> means = variants.all().stream().map(v -> summary(variants.rowsOf(v), metric).mean())
                .filter(Double::isFinite).toList();
        if (metric.direction() == Metric.Direction.NONE || means.stream().distinct().count() < 2) {
            return Optional.empty();
        }
        double best = means.get(0);
        for (double mean : means) {
            best = metric.better(mean, best) ? mean : best;
        }
        return Optional.of(best);
    }

    private static Summary summary(List<ResultsTable.Row> rows, Metric metric) {
        return Summary.of(rows.stream().mapToDouble(r -> r.metric(metric.name()) * metric.scale()).toArray());
    }

    /** A value already scaled for display, with the metric's decimals. */
    private static String display(Metric metric, double scaledValue) {
        return metric.format(scaledValue / metric.scale());
    }
}
