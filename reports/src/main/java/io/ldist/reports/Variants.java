package io.ldist.reports;

import io.ldist.engine.util.Numbers;
import io.ldist.engine.util.NearestName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The variants of a results table, in the order their runs first appear, and how each is paired with the
 * baseline for a paired test: run for run on the same day and seed (the same workload), and, in a sweep of
 * several policies against a baseline policy, at the same value of the parameter.
 */
public final class Variants {
    private final ResultsTable results;
    private final List<Variant> all;

    public Variants(ResultsTable results) {
        this.results = results;
        Map<List<String>, ResultsTable.Row> first = new LinkedHashMap<>();
        for (ResultsTable.Row row : results.rows()) {
            first.putIfAbsent(List.of(row.scenario(), row.policy(), row.value()), row);
        }
        long scenarios = first.keySet().stream().map(k -> k.get(0)).distinct().count();
        boolean policiesRepeatAcrossScenarios = first.keySet().stream().map(k -> k.get(1) + "\u0000" + k.get(2))
                .distinct().count() < first.size();
        List<Variant> variants = new ArrayList<>();
        for (ResultsTable.Row row : first.values()) {
            String series = scenarios > 1 && policiesRepeatAcrossScenarios
                    ? row.policy() + " on " + stem(row.scenario()) : row.policy();
            String label = row.value().isEmpty() ? series : series + " (" + row.parameter() + " = " + row.value() + ")";
            variants.add(new Variant(row.scenario(), row.policy(), row.value(), series, label));
        }
        this.all = List.copyOf(variants);
    }

    public List<Variant> all() {
        return all;
    }

    /** The series, in order: one colour each in every chart. */
    public List<String> series() {
        return all.stream().map(Variant::series).distinct().toList();
    }

    /** The swept parameter, or "" when nothing was swept. */
    public String parameter() {
        return results.rows().get(0).parameter();
    }

    /** The swept parameter as a reader would name it ("overload threshold"), or "". */
    public String parameterLabel() {
        return ParameterNames.readable(parameter());
    }

    /**
     * The swept value {@code text} names, as the results write it: the same text, or the same number ("0.80" for
     * "0.8"); refused, with the values there, when the results have no such value or sweep nothing.
     */
    public String sweptValue(String text) {
        if (!swept()) {
            throw new IllegalArgumentException("--run-value: these results sweep no parameter; give --run-value only "
                    + "for a comparison made with --sweep");
        }
        List<String> values = all.stream().map(Variant::value).distinct().toList();
        for (String value : values) {
            if (value.equals(text) || sameNumber(value, text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("--run-value: no value '" + text + "' of " + parameterLabel() + " ("
                + parameter() + ") in these results" + nearest(values, text).map(h -> "; " + h).orElse("")
                + " (values there: " + String.join(", ", values) + ")");
    }

    /** For numbers, the nearest value swept (0.8 is nearer 0.9 than 0.3, though as text it differs by as much). */
    private static Optional<String> nearest(List<String> values, String text) {
        OptionalDouble wanted = Numbers.parse(text);
        if (wanted.isEmpty() || values.stream().anyMatch(v -> Numbers.parse(v).isEmpty())) {
            return NearestName.didYouMean(values, text);
        }
        String closest = values.get(0);
        for (String value : values) {
            if (distance(value, wanted.getAsDouble()) < distance(closest, wanted.getAsDouble())) {
                closest = value;
            }
        }
        return Optional.of("the nearest value swept is " + closest);
    }

    private static double distance(String value, double wanted) {
        return Math.abs(Numbers.parse(value).getAsDouble() - wanted);
    }

    private static boolean sameNumber(String a, String b) {
        OptionalDouble x = Numbers.parse(a);
        OptionalDouble y = Numbers.parse(b);
        return x.isPresent() && y.isPresent() && x.getAsDouble() == y.getAsDouble();
    }

    public List<ResultsTable.Row> rowsOfSeries(String series) {
        return all.stream().filter(v -> v.series().equals(series)).flatMap(v -> rowsOf(v).stream()).toList();
    }

    public boolean swept() {
        return all.stream().anyMatch(v -> !v.value().isEmpty());
    }

    public List<ResultsTable.Row> rowsOf(Variant variant) {
        return results.rows().stream().filter(variant::holds).toList();
    }

    /**
     * The baseline named by {@code name}: a variant's label, or a series (in a sweep: that series at each value);
     * null for the default, the first variant (the first series in a sweep of several series).
     */
    public Baseline baseline(String name) {
        List<String> series = series();
        if (name == null) {
            return swept() && series.size() > 1 ? new Baseline(series.get(0), null) : new Baseline(null, all.get(0));
        }
        Optional<Variant> variant = all.stream().filter(v -> v.label().equals(name)).findFirst();
        if (variant.isPresent()) {
            return new Baseline(null, variant.get());
        }
        if (series.contains(name)) {
            return swept() ? new Baseline(name, null)
                    : new Baseline(null, all.stream().filter(v -> v.series().equals(name)).findFirst().orElseThrow());
        }
        List<String> names = new ArrayList<>();
        all.forEach(v -> names.add(v.label()));
        series.stream().filter(p -> !names.contains(p)).forEach(names::add);
        throw new IllegalArgumentException("--baseline: no policy '" + name + "' in these results"
                + NearestName.didYouMean(names, name).map(h -> "; " + h).orElse("")
                + " (there: " + String.join(", ", names) + ")");
    }

    /** The day, and the seed or null for any, of the runs the time series show. */
    public record RunChoice(String day, Long seed) {
        boolean holds(ResultsTable.Row row) {
            return row.day().equals(day) && (seed == null || row.seed() == seed);
        }
    }

    /** The runs {@code run} ("DAY" or "DAY/SEED") names; refused when these results hold none of them. */
    public RunChoice run(String run) {
        int slash = run.indexOf('/');
        Long seed = null;
        if (slash >= 0) {
            try {
                seed = Long.parseLong(run.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--run: expected DAY or DAY/SEED, found a seed '"
                        + run.substring(slash + 1) + "'");
            }
        }
        String day = slash < 0 ? run : run.substring(0, slash);
        // "-" names the scenario's own workload, whose day cell is empty
        RunChoice choice = new RunChoice(day.equals("-") ? ResultsTable.OWN_WORKLOAD : day, seed);
        if (results.rows().stream().noneMatch(choice::holds)) {
            throw new IllegalArgumentException("--run: no run on '" + run + "' in these results (days there: "
                    + (results.days().isEmpty() ? "none: each run used its scenario's own workload, give -/SEED"
                    : String.join(", ", results.days())) + ")");
        }
        return choice;
    }

    /** Either a fixed variant, or a series taken at the same swept value as the variant it is compared with. */
    public record Baseline(String series, Variant variant) {
        public String describe() {
            return variant != null ? variant.label() : series + " at the same value";
        }
    }

    /** The baseline's variant for {@code variant}, or empty when there is none (the baseline itself, no such value). */
    public Optional<Variant> baselineFor(Baseline baseline, Variant variant) {
        if (baseline.variant() != null) {
            return baseline.variant().equals(variant) ? Optional.empty() : Optional.of(baseline.variant());
        }
        if (variant.series().equals(baseline.series())) {
            return Optional.empty();
        }
        return all.stream().filter(v -> v.series().equals(baseline.series()) && v.value().equals(variant.value()))
                .findFirst();
    }

    /**
     * The metric's values of {@code variant} and {@code baseline}, run for run on the same day and seed; pairs
     * where either run measured nothing (NaN) are left out.
     */
    public double[][] paired(Variant variant, Variant baseline, String metric) {
        Map<String, Double> base = new LinkedHashMap<>();
        for (ResultsTable.Row row : rowsOf(baseline)) {
            base.put(row.day() + "\u0000" + row.seed(), row.metric(metric));
        }
        List<double[]> pairs = new ArrayList<>();
        for (ResultsTable.Row row : rowsOf(variant)) {
            Double b = base.get(row.day() + "\u0000" + row.seed());
            double a = row.metric(metric);
            if (b != null && Double.isFinite(a) && Double.isFinite(b)) {
                pairs.add(new double[] {a, b});
            }
        }
        double[][] out = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[0][i] = pairs.get(i)[0];
            out[1][i] = pairs.get(i)[1];
        }
        return out;
    }

    private static String stem(String scenario) {
        String name = scenario.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
