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
        return groupTable(summary, Metrics.TIERS, Metrics.TIER_PREFIX, Metrics.tiers(summary.keySet()),
                List.of("tier", "arrived", "completed", "late", "dropped", "p95 wait (s)", "started in time"),
                new int[] {-12, 9, 10, 8, 8, 12, 16},
                List.of("tasksArrived", "tasksCompleted", "tasksLate", "tasksDropped", "p95WaitS", "startedInTime"));
    }

    /** With pools, one line per pool: its servers and its tasks ("" without pools). */
    private static String poolTable(Map<String, Number> summary) {
        return groupTable(summary, Metrics.POOLS, Metrics.POOL_PREFIX, Metrics.pools(summary.keySet()),
                List.of("pool", "peak", "mean active", "arrived", "late", "dropped", "p95 wait (s)"),
                new int[] {-12, 6, 12, 9, 8, 8, 12},
                List.of("peakHosts", "activeHostsMean", "tasksArrived", "tasksLate", "tasksDropped", "p95WaitS"));
    }

    /**
     * One line per group (a tier, a pool) of the metrics named {@code prefix GROUP.METRIC}, under its headers, in
     * columns of the given widths (negative: left-aligned); "" without groups.
     */
    private static String groupTable(Map<String, Number> summary, String title, String prefix, List<String> groups,
                                     List<String> headers, int[] widths, List<String> metrics) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder format = new StringBuilder("   ");
        for (int width : widths) {
            format.append(" %").append(width).append('s');
        }
        StringBuilder out = new StringBuilder("\n  ").append(title).append('\n');
        out.append(String.format(Locale.ROOT, format + "%n", headers.toArray()));
        for (String group : groups) {
            Object[] cells = new Object[metrics.size() + 1];
            cells[0] = group;
            for (int m = 0; m < metrics.size(); m++) {
                cells[m + 1] = cell(summary, prefix + group + "." + metrics.get(m));
            }
            out.append(String.format(Locale.ROOT, format.toString(), cells).stripTrailing()).append('\n');
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
