package io.ldist.reports;

import java.util.List;

/**
 * One table of each variant's service tiers, or pools (means over its runs): what each tier got, so that the cost
 * of serving gold first is read off bronze's row; what each pool needed and gave, so that the GPU pool's size is
 * read off its own row.
 */
final class GroupSection {
    private final Variants variants;
    private final String title;
    private final String intro;
    private final String prefix;
    private final String groupHeader;
    private final List<String> groups;
    private final List<String> metrics;
    private final List<String> headers;

    private GroupSection(Variants variants, ResultsTable results, String title, String intro, String prefix,
                         String groupHeader, List<String> metrics, List<String> headers) {
        this.variants = variants;
        this.title = title;
        this.intro = intro;
        this.prefix = prefix;
        this.groupHeader = groupHeader;
        this.groups = prefix.equals(Metrics.TIER_PREFIX) ? Metrics.tiers(results.metricNames())
                : Metrics.pools(results.metricNames());
        this.metrics = metrics;
        this.headers = headers;
    }

    /** The service tiers' table. Short headers, in the order of {@link Metrics#perTier()}: nine columns fit A4. */
    static GroupSection tiers(Variants variants, ResultsTable results) {
        return new GroupSection(variants, results, Metrics.TIERS, "Each tier's tasks, means over the variant's runs. "
                + "Freed capacity goes to the tier of the highest weight first (unless the scenario's "
                + "<code>tierOrder</code> is <code>arrival</code>); \"started in time\" counts the tasks that "
                + "started within the tier's wait objective, of all that arrived.", Metrics.TIER_PREFIX, "tier",
                Metrics.perTier(), List.of("arrived", "completed", "late", "dropped", "median wait (s)",
                        "p95 wait (s)", "started in time (%)"));
    }

    /** The pools' table: each pool's servers and tasks. */
    static GroupSection pools(Variants variants, ResultsTable results) {
        return new GroupSection(variants, results, Metrics.POOLS, "Each pool's servers and tasks, means over the "
                + "variant's runs. A server belongs to the pool of its type; a task counts in the pool it is routed "
                + "to (the first, when it may run in several). \"peak servers\" counts every server paid for, "
                + "booting and draining ones included.", Metrics.POOL_PREFIX, "pool",
                List.of("peakHosts", "activeHostsMean", "tasksArrived", "tasksLate", "tasksDropped", "p50WaitS",
                        "p95WaitS"), List.of("peak servers", "mean active servers", "arrived", "late", "dropped",
                        "median wait (s)", "p95 wait (s)"));
    }

    boolean applies() {
        return !groups.isEmpty();
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2>").append(title).append("</h2>\n");
        html.append("<p>").append(intro).append("</p>\n<table class=\"tiers\">\n<thead><tr><th class=\"policy\">"
                + "variant</th><th>").append(groupHeader).append("</th>");
        for (String header : headers) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Variant variant : variants.all()) {
            List<ResultsTable.Row> rows = variants.rowsOf(variant);
            for (int g = 0; g < groups.size(); g++) {
                html.append("<tr>").append(g == 0 ? "<td class=\"policy\" rowspan=\"" + groups.size() + "\">"
                        + Html.escape(variant.label()) + "</td>" : "").append("<td>")
                        .append(Html.escape(groups.get(g))).append("</td>");
                for (String name : metrics) {
                    String column = prefix + groups.get(g) + "." + name;
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
