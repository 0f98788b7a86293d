package io.ldist.reports;

import io.ldist.engine.util.NearestName;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level objective a variant must meet on every run, such as {@code p95WaitS<=60}: a metric of the
 * catalogue, an operator and a value in the metric's unit in results.csv (seconds for waits, a fraction for
 * SLATAH). A wait objective counts the tasks that did not complete against it, since the waits in results.csv
 * are over the tasks that started and a dropped task never did (see {@link #metBy}).
 */
public record Slo(Metric metric, Operator operator, double value, String text) {

    /** The comparisons an objective can make. */
    public enum Operator {
        AT_MOST("<="), BELOW("<"), AT_LEAST(">="), ABOVE(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double actual, double target) {
            return switch (this) {
                case AT_MOST -> actual <= target;
                case BELOW -> actual < target;
                case AT_LEAST -> actual >= target;
                case ABOVE -> actual > target;
            };
        }
    }

    /** The wait metrics and the quantile of the started tasks' waits each is. */
    private static final Map<String, Double> WAIT_QUANTILES = Map.of("p50WaitS", 0.50, "p95WaitS", 0.95,
            "p99WaitS", 0.99);
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*([<>=!]+)?\\s*(.*?)\\s*");
    private static final String OPERATORS = "<=, <, >= or >";

    /** Reads {@code METRIC<=VALUE}; refused with what was expected and found, and the nearest metric name. */
    public static Slo parse(String text) {
        Matcher form = FORM.matcher(text);
        if (text.isBlank() || !form.matches()) {
            throw refused(text, "expected METRIC OPERATOR VALUE, such as p95WaitS<=60");
        }
        String name = form.group(1);
        List<String> names = Metrics.ALL.stream().map(Metric::name).toList();
        Metric metric = Metrics.named(name).orElseThrow(() -> refused(text, "no metric '" + name + "'"
                + NearestName.didYouMean(names, name).map(hint -> "; " + hint).orElse("")
                + " (metrics: " + String.join(", ", names) + ")"));
        String symbol = form.group(2);
        if (symbol == null) {
            throw refused(text, "expected an operator (" + OPERATORS + ") after " + name + ", found '"
                    + form.group(3) + "'");
        }
        Operator operator = java.util.Arrays.stream(Operator.values()).filter(o -> o.symbol.equals(symbol))
                .findFirst().orElseThrow(() -> refused(text, "unknown operator '" + symbol + "' (expected "
                        + OPERATORS + ")"));
        double value;
        try {
            value = Double.parseDouble(form.group(3));
        } catch (NumberFormatException e) {
            throw refused(text, "expected a number after " + name + symbol + " (in " + unitOf(metric)
                    + "), found '" + form.group(3) + "'");
        }
        if (!Double.isFinite(value)) {
            throw refused(text, "expected a finite number after " + name + symbol + ", found '" + form.group(3) + "'");
        }
        return new Slo(metric, operator, value, name + symbol + form.group(3));
    }

    private static String unitOf(Metric metric) {
        return metric.scale() == 100 ? "a fraction, 0.05 for 5 %" : metric.unit().isEmpty() ? "a count"
                : metric.unit();
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException("--slo '" + text + "': " + why);
    }

    /** Whether this is an upper bound on a wait, which the tasks that did not complete count against. */
    public boolean boundsWaits() {
        return WAIT_QUANTILES.containsKey(baseName())
                && (operator == Operator.AT_MOST || operator == Operator.BELOW);
    }

    /**
     * Whether one run meets the objective; never when it measured nothing. A bound on a wait quantile q must
     * hold of all tasks that arrived, those that did not complete (dropped, or still queued or running at the
     * end) counted as having waited past it. results.csv holds quantiles of the started tasks only, so the run
     * meets it when one of them, at quantile k, is within the bound and k of the started tasks is at least q
     * of the arrived ones: then that many tasks are known to have started within the bound. Where results.csv
     * does not count the started tasks (it does for pools), the completed ones stand in for them: fewer, so the
     * check errs on the side of not met.
     */
    public boolean metBy(ResultsTable.Row row) {
        if (!boundsWaits()) {
            double actual = row.metric(metric.name());
            return Double.isFinite(actual) && operator.holds(actual, value);
        }
        String of = tierPrefix(); // a tier's bound is of the tier's tasks
        double arrived = row.metric(of + "tasksArrived");
        double counted = row.metric(of + "tasksStarted");
        double started = Double.isFinite(counted) ? counted : row.metric(of + "tasksCompleted");
        double needed = Math.ceil(WAIT_QUANTILES.get(baseName()) * arrived);
        for (Map.Entry<String, Double> quantile : WAIT_QUANTILES.entrySet()) {
            double wait = row.metric(of + quantile.getKey()); // NaN for p99 of a tier: it measures p50 and p95

            if (Double.isFinite(wait) && operator.holds(wait, value)
                    && Math.ceil(quantile.getValue() * started) >= needed) {
                return true;
            }
        }
        return false;
    }

    /** The metric's name without a service tier's {@code tier.NAME.} (or a pool's) in front. */
    private String baseName() {
        return metric.name().substring(tierPrefix().length());
    }

    private String tierPrefix() {
        String name = metric.name();
        return Metrics.groupPrefix(name).isEmpty() ? "" : name.substring(0, name.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The objective as a reader would say it: "95th percentile wait at most 60 s". */
    public String describe() {
        String words = switch (operator) {
            case AT_MOST -> "at most";
            case BELOW -> "below";
            case AT_LEAST -> "at least";
            case ABOVE -> "above";
        };
        return metric.label() + " " + words + " " + metric.format(value)
                + (metric.unit().isEmpty() ? "" : " " + metric.unit());
    }
}
