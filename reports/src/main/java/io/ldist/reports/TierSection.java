package io.ldist.reports;

import java.util.List;

/**
 * With service tiers, one table of each variant's tiers (means over its runs): what each tier got, so that
 * the cost of serving gold first is read off bronze's row.
 */
final class TierSection {
    /** Short headers, in the order of {@link Metrics#perTier()}: nine columns must fit an A4 page. */
    private static final List<String> HEADERS = List.of("arrived", "completed", "late", "dropped", "median wait (s)",
            "p95 wait (s)", "started in time (%)");
    private final Variants variants;
    private final List<String> tiers;

    TierSection(Variants variants, ResultsTable results) {
        this.variants = variants;
        this.tiers = Metrics.tiers(results.metricNames());
    }

    boolean applies() {
        return !tiers.isEmpty();
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2>").append(Metrics.TIERS).append("</h2>\n");
        html.append("<p>Each tier's tasks, means over the variant's runs. Freed capacity goes to the tier of the "
                + "highest weight first (unless the scenario's <code>tierOrder</code> is <code>arrival</code>); "
                + "\"started in time\" counts the tasks that started within the tier's wait objective, of all "
                + "that arrived.</p>\n<table class=\"tiers\">\n<thead><tr><th class=\"policy\">variant</th>"
                + "<th>tier</th>");
        List<String> perTier = Metrics.perTier();
        for (String header : HEADERS) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Variant variant : variants.all()) {
            List<ResultsTable.Row> rows = variants.rowsOf(variant);
            for (int t = 0; t < tiers.size(); t++) {
                html.append("<tr>").append(t == 0 ? "<td class=\"policy\" rowspan=\"" + tiers.size() + "\">"
                        + Html.escape(variant.label()) + "</td>" : "").append("<td>")
                        .append(Html.escape(tiers.get(t))).append("</td>");
                for (String name : perTier) {
                    String column = Metrics.TIER_PREFIX + tiers.get(t) + "." + name;
                    Metric metric = Metrics.named(column).orElseThrow();
                    double mean = rows.stream().mapToDouble(r -> r.metric(column)).filter(Double::isFinite)
                            .average().orElse(Double.NaN);
                    html.append("<td>").append(Double.isNaN(mean) ? "&ndash;" : metric.format(mean)).append("</td>");
                }
                html.append("</tr>\n");
            }
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
