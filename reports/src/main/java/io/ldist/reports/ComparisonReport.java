package io.ldist.reports;

import io.ldist.engine.util.Plural;
import io.ldist.reports.charts.BoxPlotChart;
import io.ldist.reports.charts.CostBreakdownChart;
import io.ldist.reports.charts.Chart;
import io.ldist.reports.charts.ParetoChart;
import io.ldist.reports.charts.PolicyStyle;
import io.ldist.reports.charts.SweepChart;
import io.ldist.reports.charts.TimeSeriesChart;
import io.ldist.reports.charts.WaitsChart;
import io.ldist.reports.stats.PairedTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The report of a comparison, built from its results.csv and its runs' time series: a summary table per group
 * of metrics (mean, 95 % confidence interval, best value, paired test against a baseline), energy against SLA
 * violation with the Pareto front, box plots, time series of one run per policy, and a sweep's metrics against
 * its parameter. The HTML carries its charts inside it (so it can be mailed as one file); the same charts are
 * written beside it as PNG and SVG.
 */
public final class ComparisonReport {
    /** Metrics per summary table (see {@link #summaryTable(StringBuilder, String)}). */
    private final ResultsTable results;
    private final Variants variants;
    private final Variants.Baseline baseline;
    private final BaselineTests tests;
    private final PolicyStyle style;
    private final List<Metric> shown;
    private final UnaryOperator<String> parameterUnit;
    private final ProvenanceSection provenance;
    /** The objectives' verdicts; empty when none was given. */
    private final Optional<SloVerdicts> objectives;

    /** A report's page and its charts as files, before anything is written. */
    public record Built(String html, List<ChartFiles> charts) {
    }

    /** A chart drawn once: embedded in the page as PNG, and written beside it as PNG and SVG. */
    public record ChartFiles(String stem, byte[] png, byte[] svg) {
    }

    /**
     * @param baseline the policy (or variant label) others are tested against; null: the first
     * @param test     the paired test
     */
    public ComparisonReport(ResultsTable results, String baseline, PairedTest test) {
        this(results, baseline, test, parameter -> "", Optional.empty(), List.of());
    }

    /**
     * @param parameterUnit the unit of a swept scenario field ("s" for a duration), "" when none is known
     * @param provenance    how the results were made; empty when the results folder does not say
     * @param slos          service-level objectives, to name the cheapest variant meeting them all; may be empty
     */
    public ComparisonReport(ResultsTable results, String baseline, PairedTest test,
                            UnaryOperator<String> parameterUnit, Optional<Provenance> provenance, List<Slo> slos) {
        this.parameterUnit = parameterUnit;
        this.provenance = new ProvenanceSection(provenance);
        this.results = results;
        this.variants = new Variants(results);
        this.baseline = variants.baseline(baseline);
        this.tests = new BaselineTests(variants, this.baseline, test);
        this.style = new PolicyStyle(variants.series());
        this.shown = Metrics.measured(results);
        this.objectives = slos.isEmpty() ? Optional.empty() : Optional.of(new SloVerdicts(results, variants, slos));
    }

    /** Builds the page with the time series of the first swept value (if any); see the other build. */
    public Built build(Path resultsFolder, String run) {
        return build(resultsFolder, run, null);
    }

    /**
     * Builds the page. {@code runsFolder} resolves the time series results.csv names; {@code run} picks the day
     * (and seed, "DAY/SEED") whose runs the time series show, null for the first; {@code runValue} the swept
     * value, null for the first.
     */
    public Built build(Path resultsFolder, String run, String runValue) {
        List<ChartFiles> charts = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        head(html);
        overview(html);
        objectives.ifPresent(verdicts -> html.append(new SloSection(verdicts).html()));
        SummaryTables tables = new SummaryTables(variants, shown, style, tests, baseline, objectives);
        for (String group : groups()) {
            section(html, group);
            html.append(tables.html(group));
        }
        for (GroupSection groups : List.of(GroupSection.tiers(variants, results), GroupSection.pools(variants, results))) {
            if (groups.applies()) {
                html.append(groups.html());
            }
        }
        Optional<Metric> paretoX = paretoX();
        List<Chart> pareto = paretoCharts(paretoX);
        if (!pareto.isEmpty()) {
            section(html, (paretoX.get().name().equals("costUsd") ? "Cost" : "Energy") + " and service level, run by run");
            pareto.forEach(chart -> figure(html, charts, chart));
        }
        List<Metric> costParts = CostBreakdownChart.paidParts(shown);
        if (costParts.size() > 1) {
            section(html, "What the cost is made of");
            figure(html, charts, CostBreakdownChart.of(variants, costParts));
        }
        section(html, "Spread over days and seeds");
        for (Metric metric : shown) {
            // the parts of the cost are in its stacked bars; a box each would only repeat them
            if (varies(metric) && !Metrics.COST_PARTS.contains(metric.name())) {
                BoxPlotChart.of(variants, style, metric).forEach(chart -> figure(html, charts, chart));
            }
        }
        if (variants.swept() && SweepChart.numeric(results)) {
            section(html, "Metrics against " + variants.parameterLabel());
            for (String name : Metrics.HEADLINE) {
                shown.stream().filter(m -> m.name().equals(name)).findFirst()
                        .ifPresent(metric -> figure(html, charts, SweepChart.of(variants, style, metric,
                                parameterUnit.apply(variants.parameter()))));
            }
        }
        Map<String, RunWaits> waits = RunWaits.pooled(variants, resultsFolder);
        if (!waits.isEmpty()) {
            section(html, "Task waits, dropped tasks counted");
            // in a sweep a curve per swept value, each its own colour; otherwise the policies' colours
            figure(html, charts, WaitsChart.of(waits, variants.swept() ? new PolicyStyle(List.copyOf(waits.keySet()))
                    : style));
        }
        timeSeries(resultsFolder, run, runValue).ifPresent(chart -> {
            section(html, "Over time");
            figure(html, charts, chart);
        });
        definitions(html);
        html.append(provenance.footer());
        html.append("</main>\n</body>\n</html>\n");
        return new Built(html.toString(), charts);
    }

    // ------------------------------------------------------------------ what is shown

    private boolean varies(Metric metric) {
        return results.rows().stream().mapToDouble(r -> r.metric(metric.name())).filter(Double::isFinite).distinct()
                .count() > 1;
    }

    private List<String> groups() {
        return shown.stream().map(Metric::group).distinct().toList();
    }

    private Optional<Metric> metric(String name) {
        return shown.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Energy (or cost) against SLA violation (or waits), and a closer view when some policies lie far off. */
    /**
     * What the trade-off chart puts against the service level: for task streams that were priced, cost, what a
     * planner buys; otherwise energy, the study's measure (and cost when energy was not measured).
     */
    private Optional<Metric> paretoX() {
        if (metric("slav").isEmpty() && metric("costUsd").isPresent()) {
            return metric("costUsd");
        }
        return metric("energyKWh").or(() -> metric("costUsd"));
    }

    private List<Chart> paretoCharts(Optional<Metric> x) {
        Optional<Metric> y = metric("slav").or(() -> metric("p95WaitS")).or(() -> metric("tasksLate"));
        if (x.isEmpty() || y.isEmpty()) {
            return List.of();
        }
        return ParetoChart.of(variants, style, x.get(), y.get());
    }

    private Optional<Chart> timeSeries(Path resultsFolder, String run, String runValue) {
        Variants.RunChoice chosen = run == null ? null : variants.run(run);
        String value = runValue != null ? variants.sweptValue(runValue)
                : variants.swept() ? variants.all().get(0).value() : "";
        Map<String, RunSeries> runs = new LinkedHashMap<>();
        String which = null;
        for (Variant variant : variants.all()) {
            if (!variant.value().equals(value) || runs.containsKey(variant.series())) {
                continue;
            }
            for (ResultsTable.Row row : variants.rowsOf(variant)) {
                boolean matches = chosen != null ? chosen.holds(row) : which == null || which.equals(describe(row));
                if (matches && !row.timeseries().isEmpty()) {
                    runs.put(variant.series(), RunSeries.read(resultsFolder.resolve(row.timeseries())));
                    which = describe(row);
                    break;
                }
            }
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        String label = which + (value.isEmpty() ? "" : ", " + variants.parameterLabel() + " = " + value);
        return Optional.of(TimeSeriesChart.of(runs, style, label));
    }

    private static String describe(ResultsTable.Row row) {
        return (row.day().equals(ResultsTable.OWN_WORKLOAD) ? "" : "day " + row.day() + ", ") + "seed " + row.seed();
    }

    // ------------------------------------------------------------------ the page

    private void head(StringBuilder html) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>ldist comparison</title>
                <style>
                body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; margin: 2em auto;
                       max-width: 1100px; padding: 0 1em; line-height: 1.45; }
                h1 { font-size: 1.6em; margin-bottom: 0.2em; }
                h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #999; }
                table { border-collapse: collapse; margin: 0.8em 0 1.5em; font-size: 0.92em; }
                th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: right; vertical-align: top; }
                th { background: #eee; }
                td.policy, th.policy { text-align: left; min-width: 9em; max-width: 18em; overflow-wrap: anywhere; }
                td.best { background: #dcefd9; font-weight: bold; }
                .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em;
                          vertical-align: -0.1em; border: 1px solid #333; }
                .ci { color: #444; }
                .value { white-space: nowrap; }
                .test { display: block; font-size: 0.85em; color: #444; font-weight: normal; }
                .significant { color: #000; font-weight: bold; }
                figure { margin: 1.5em 0; page-break-inside: avoid; }
                figure img { max-width: 100%; height: auto; border: 1px solid #ddd; box-sizing: border-box; }
                figcaption { font-size: 0.9em; color: #333; max-width: 900px; }
                .files { font-size: 0.85em; }
                .note { border-left: 4px solid #b35900; padding: 0.3em 0.8em; background: #fff4e5; }
                .legend { font-size: 0.85em; color: #333; margin-top: -0.8em; }
                table.tiers td.policy { max-width: 12em; }
                .provenance { font-size: 0.85em; color: #333; }
                td.path, td.hash { text-align: left; word-break: break-all; }
                dl { font-size: 0.9em; } dt { font-weight: bold; } dd { margin: 0 0 0.5em 1.5em; }
                @media print {
                  body { max-width: none; margin: 0; padding: 0; }
                  h2 { page-break-after: avoid; }
                  table { font-size: 0.7em; }
                  th, td { padding: 0.2em 0.35em; }
                  td.policy, th.policy { min-width: 6em; }
                  /* two wide charts and their captions to a page, on Letter as on A4; tall ones keep the width */
                  figure.wide img { max-height: 9.5cm; width: auto; }
                }
                </style>
                </head>
                <body>
                <main>
                """);
    }

    private void overview(StringBuilder html) {
        List<String> scenarios = results.rows().stream().map(ResultsTable.Row::scenario).distinct().toList();
        long seeds = results.rows().stream().mapToLong(ResultsTable.Row::seed).distinct().count();
        html.append("<h1>").append(Html.escape(title())).append("</h1>\n<p>")
                .append(Plural.of(results.rows().size(), "run")).append(": ")
                .append(Html.escape(String.join(", ", variants.series())));
        if (variants.swept()) {
            html.append("; ").append(Html.escape(variants.parameterLabel())).append(" (<code>")
                    .append(Html.escape(variants.parameter())).append("</code>) swept over ")
                    .append(Html.escape(String.join(", ", results.rows().stream().map(ResultsTable.Row::value)
                            .distinct().toList())));
        }
        html.append(" &mdash; on ").append(results.days().isEmpty() ? "the scenario's own workload"
                : Plural.of(results.days().size(), "trace day") + " ("
                + Html.escape(String.join(", ", results.days())) + ")");
        html.append(", ").append(Plural.of(seeds, "seed")).append(". Scenario")
                .append(scenarios.size() == 1 ? ": " : "s: ").append(Html.escape(String.join(", ", scenarios)))
                .append(".</p>\n");
        html.append(provenance.header());
        html.append("<p>Each table gives, per policy, the mean of each metric over its runs and the 95 % confidence "
                + "interval of that mean (&plusmn;, Student's t). The best mean of each column is highlighted when "
                + "one direction is better (the definitions at the end say which) and the means differ")
                .append(objectives.isPresent() ? "; the cost column marks instead the cheapest variant that meets "
                        + "every objective, none if none does" : "").append(". Under each "
                + "value: how the policy differs from the baseline, <b>").append(Html.escape(baseline.describe()))
                .append("</b>, as a change of the mean over the runs they share (same day and seed), and the p-value "
                + "of a two-sided ").append(Html.escape(tests.testName())).append(" on those pairs; ")
                .append("<span class=\"significant\">bold</span> when p &lt; 0.05. Charts follow, each also saved "
                + "as PNG and SVG beside this page; metric definitions are at the end.</p>\n");
        identicalRuns(html);
        html.append(tests.tooFewPairs());
    }

    /** A sweep of one policy is a sweep, not a comparison of one policy: "Sweep of maximum servers: 5 values". */
    private String title() {
        int series = variants.series().size();
        if (variants.swept() && series == 1) {
            long values = variants.all().stream().map(Variant::value).distinct().count();
            return "Sweep of " + variants.parameterLabel() + ": " + Plural.of(values, "value");
        }
        return "Comparison of " + series + " " + (series == 1 ? "policy" : "policies");
    }

    private void identicalRuns(StringBuilder html) {
        for (List<Variant> group : IdenticalVariants.of(results, variants)) {
            int runs = variants.rowsOf(group.get(0)).size();
            html.append("<p class=\"note\"><b>Identical runs:</b> ")
                    .append(Html.escape(IdenticalVariants.names(group))).append(" gave the same value of every "
                            + "metric on every run (").append(Plural.of(runs, "run"))
                    .append(" each, on the same days and seeds). They tie in every table and no test can tell them "
                            + "apart: what sets them apart had no effect on these runs.</p>\n");
        }
    }

    private static void section(StringBuilder html, String title) {
        html.append("<h2>").append(Html.escape(title)).append("</h2>\n");
    }

    private static void figure(StringBuilder html, List<ChartFiles> charts, Chart chart) {
        byte[] png = chart.png();
        charts.add(new ChartFiles(chart.stem(), png, chart.svg()));
        html.append("<figure id=\"").append(Html.escape(chart.stem())).append("\" class=\"")
                .append(chart.width() >= chart.height() ? "wide" : "tall").append("\">\n<img alt=\"")
                .append(Html.escape(chart.title())).append("\" width=\"").append(chart.width()).append("\" height=\"")
                .append(chart.height()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>")
                .append(Html.escape(chart.caption())).append(" <span class=\"files\">(<a href=\"").append(CHARTS)
                .append('/').append(Html.escape(chart.stem())).append(".png\">PNG</a>, <a href=\"").append(CHARTS)
                .append('/').append(Html.escape(chart.stem())).append(".svg\">SVG</a>)</span></figcaption>\n")
                .append("</figure>\n");
    }

    /** The folder beside report.html that holds the charts as files. */
    public static final String CHARTS = "charts";

    private void definitions(StringBuilder html) {
        section(html, "Metric definitions");
        html.append("<dl>\n");
        for (Metric metric : shown) {
            html.append("<dt>").append(Html.escape(metric.label())).append(" (<code>").append(metric.name())
                    .append("</code>)</dt><dd>").append(Html.escape(metric.definition())).append(' ')
                    .append(Html.escape(metric.direction().sentence())).append("</dd>\n");
        }
        html.append("</dl>\n<p>The runs behind this report: <a href=\"results.csv\">results.csv</a>, one row per "
                + "run, and each run's time series in <code>runs/</code>.</p>\n");
    }
}
