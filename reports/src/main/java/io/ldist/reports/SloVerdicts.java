package io.ldist.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which variants meet every service-level objective on every one of their runs (every day and seed), and the
 * cheapest of them by mean cost: the answer to "what should I buy", where the cheapest variant overall may be
 * the one that drops thousands of tasks.
 */
public final class SloVerdicts {
    /** The metric "cheapest" is measured by. */
    public static final String COST = "costUsd";

    /** One variant against the objectives: how many of its runs met each, and its mean cost. */
    public record Verdict(Variant variant, int runs, List<Integer> runsMeeting, double meanCost) {
        public boolean meetsAll() {
            return runs > 0 && runsMeeting.stream().allMatch(n -> n == runs);
        }
    }

    private final List<Slo> slos;
    private final List<Verdict> verdicts;

    /** An objective on a metric no run measured is met by none (see {@link #unmeasured}). */
    public SloVerdicts(ResultsTable results, Variants variants, List<Slo> slos) {
        this.slos = List.copyOf(slos);
        List<Verdict> all = new ArrayList<>();
        for (Variant variant : variants.all()) {
            List<ResultsTable.Row> rows = variants.rowsOf(variant);
            List<Integer> meeting = slos.stream().map(slo -> (int) rows.stream().filter(slo::metBy).count()).toList();
            double cost = rows.stream().mapToDouble(r -> r.metric(COST)).filter(Double::isFinite).average()
                    .orElse(Double.NaN);
            all.add(new Verdict(variant, rows.size(), meeting, cost));
        }
        this.verdicts = List.copyOf(all);
    }

    /**
     * One sentence per objective on a metric no run measured, which no variant can meet: {@code ldist report}
     * refuses it, compare (whose runs are done by then) says it.
     */
    public static List<String> unmeasured(ResultsTable results, List<Slo> slos) {
        List<String> measured = Metrics.measured(results).stream().map(Metric::name).toList();
        return slos.stream()
                .filter(slo -> results.rows().stream().noneMatch(r -> Double.isFinite(r.metric(slo.metric().name()))))
                .map(slo -> "--slo '" + slo + "': no run measured " + slo.metric().name() + ", so no variant meets "
                        + "it (these runs measured " + String.join(", ", measured) + ")").toList();
    }

    public List<Slo> slos() {
        return slos;
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** Whether the runs had a cost to compare (servers with a price per hour). */
    public boolean costMeasured() {
        return verdicts.stream().anyMatch(v -> Double.isFinite(v.meanCost()) && v.meanCost() > 0);
    }

    /** The variant of least mean cost among those meeting every objective; the first of equals. */
    public Optional<Verdict> cheapestMeetingAll() {
        if (!costMeasured()) {
            return Optional.empty();
        }
        Verdict cheapest = null;
        for (Verdict verdict : verdicts) {
            if (verdict.meetsAll() && (cheapest == null || verdict.meanCost() < cheapest.meanCost())) {
                cheapest = verdict;
            }
        }
        return Optional.ofNullable(cheapest);
    }
}
