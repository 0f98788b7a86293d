package io.ldist.cli;

import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The headline metrics of one run as a readable table, grouped, leaving out groups with nothing to say. */
final class SummaryTable {
    private SummaryTable() {
    }

    static String render(String title, Map<String, Number> summary, boolean traceWorkload, boolean faults) {
        StringBuilder out = new StringBuilder(title).append("\n");
        String group = null;
        for (Metric metric : shown(summary, traceWorkload, faults)) {
            if (!metric.group().equals(group)) {
                group = metric.group();
                out.append("\n  ").append(group).append('\n');
            }
            Number value = summary.get(metric.name());
            out.append(String.format(Locale.ROOT, "    %-34s %14s %s%n", metric.label(),
                    metric.format(value == null ? Double.NaN : value.doubleValue()), metric.unit()).stripTrailing())
                    .append('\n');
        }
        out.append(tierTable(summary));
        out.append(poolTable(summary));
        return out.toString().replace("\n\n\n", "\n\n");
    }

    /** With service tiers, one line per tier, in the order they are served ("" without tiers). */
    private static String tierTable(Map<String, Number> summary) {
        List<String> tiers = Metrics.tiers(summary.keySet());
        if (tiers.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n  ").append(Metrics.TIERS).append('\n');
        out.append(String.format(Locale.ROOT, "    %-12s %9s %10s %8s %8s %12s %16s%n", "tier", "arrived",
                "completed", "late", "dropped", "p95 wait (s)", "started in time"));
        for (String tier : tiers) {
            String of = Metrics.TIER_PREFIX + tier + ".";
            out.append(String.format(Locale.ROOT, "    %-12s %9s %10s %8s %8s %12s %16s", tier,
                    cell(summary, of + "tasksArrived"), cell(summary, of + "tasksCompleted"),
                    cell(summary, of + "tasksLate"), cell(summary, of + "tasksDropped"),
                    cell(summary, of + "p95WaitS"), cell(summary, of + "startedInTime")).stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }

    /** With pools, one line per pool: its servers and its tasks ("" without pools). */
    private static String poolTable(Map<String, Number> summary) {
        List<String> pools = Metrics.pools(summary.keySet());
        if (pools.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n  ").append(Metrics.POOLS).append('\n');
        out.append(String.format(Locale.ROOT, "    %-12s %6s %12s %9s %8s %8s %12s%n", "pool", "peak",
                "mean active", "arrived", "late", "dropped", "p95 wait (s)"));
        for (String pool : pools) {
            String of = Metrics.POOL_PREFIX + pool + ".";
            out.append(String.format(Locale.ROOT, "    %-12s %6s %12s %9s %8s %8s %12s", pool,
                    cell(summary, of + "peakHosts"), cell(summary, of + "activeHostsMean"),
                    cell(summary, of + "tasksArrived"), cell(summary, of + "tasksLate"),
                    cell(summary, of + "tasksDropped"), cell(summary, of + "p95WaitS")).stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }

    private static String cell(Map<String, Number> summary, String name) {
        Number value = summary.get(name);
        if (value == null) {
            return "";
        }
        Metric metric = Metrics.named(name).orElseThrow();
        String shown = metric.format(value.doubleValue());
        return metric.scale() == 100 && !shown.equals("-") ? shown + " %" : shown;
    }

    private static List<Metric> shown(Map<String, Number> summary, boolean traceWorkload, boolean faults) {
        boolean tasks = summary.getOrDefault("tasksArrived", 0).longValue() > 0;
        boolean failovers = faults || summary.getOrDefault("failovers", 0).longValue() > 0;
        boolean priced = Metrics.priced(summary);
        List<Metric> shown = new ArrayList<>();
        for (Metric metric : Metrics.ALL) {
            if (Metrics.COST_PARTS.contains(metric.name())) {
                // the parts of a priced run that paid for them; an unpriced run's cost is its on-demand hours
                if (priced && summary.getOrDefault(metric.name(), 0).doubleValue() != 0) {
                    shown.add(metric);
                }
                continue;
            }
            Number capacity = summary.get(metric.name());
            if (metric.name().endsWith("TimeToCapacityS") && (capacity == null || Double.isNaN(capacity.doubleValue()))) {
                continue; // no scale-out asked for servers: nothing to say
            }
            switch (metric.group()) {
                case Metrics.SLA -> {
                    if (traceWorkload) {
                        shown.add(metric);
                    }
                }
                case Metrics.TASKS -> {
                    if (tasks) {
                        shown.add(metric);
                    }
                }
                case Metrics.FAILOVER -> {
                    if (failovers) {
                        shown.add(metric);
                    }
                }
                case Metrics.UPDATES -> {
                    // Only runs that asked for a rolling update measure them; SLAV only VM traces have.
                    if (summary.containsKey(metric.name()) && (traceWorkload || !metric.name().equals("updateSlav"))) {
                        shown.add(metric);
                    }
                }
                default -> {
                    // Metrics only some runs measure (affinity rules, say) are absent from the others' summary.
                    if (summary.containsKey(metric.name()) || !Metrics.onlyWhenAsked(metric)) {
                        shown.add(metric);
                    }
                }
            }
        }
        return shown;
    }
}
