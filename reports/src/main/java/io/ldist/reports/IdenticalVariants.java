package io.ldist.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variants whose runs gave the same value of every metric on every day and seed: whatever sets them apart had
 * no effect on these runs (two placement policies that choose alike on a small fleet, say), so every table ties
 * them and no test can separate them. Reports name them, lest a reader take the tie for a finding.
 */
public final class IdenticalVariants {
    private IdenticalVariants() {
    }

    /** The groups of two or more identical variants, each in the variants' order. */
    public static List<List<Variant>> of(ResultsTable results, Variants variants) {
        Map<Map<String, List<Double>>, List<Variant>> groups = new LinkedHashMap<>();
        for (Variant variant : variants.all()) {
            groups.computeIfAbsent(runs(results, variants, variant), k -> new ArrayList<>()).add(variant);
        }
        return groups.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    /** Each run's metrics, by day and seed (Double's equality: NaN equals NaN, a metric measured by neither). */
    private static Map<String, List<Double>> runs(ResultsTable results, Variants variants, Variant variant) {
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        for (ResultsTable.Row row : variants.rowsOf(variant)) {
            runs.put(row.day() + "/" + row.seed(), results.metricNames().stream().map(row::metric).toList());
        }
        return runs;
    }

    /** "a and b", "a, b and c". */
    public static String names(List<Variant> group) {
        List<String> labels = group.stream().map(Variant::label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
