package io.ldist.engine.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plants labelled anomalies in a copy of a series, at random positions that neither overlap nor touch (at least
 * {@code gap} normal samples lie between two, so that each detection can be told apart), none before
 * {@code earliestStart} (the history detectors need first). The same series and seed always give the same result.
 * <p>
 * Sizes follow the series' own noise, measured as the MAD of its first differences, with a floor of a share of the
 * range so that a flat series still gets visible anomalies: spike max(8 noise, 0.25 range), level shift
 * max(5 noise, 0.15 range), drift up to max(8 noise, 0.25 range) at its end. Each goes up when the range leaves room
 * and down otherwise; values are clamped to the range.
 */
public final class AnomalyInjector {
    /** One planted anomaly: samples {@code start} to {@code end}, both included. */
    public record Label(int start, int end, AnomalyKind kind) {
        public Label {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("expected 0 <= start <= end, found " + start + ", " + end);
            }
        }

        public int length() {
            return end - start + 1;
        }
    }

    /** The series with its anomalies, and their labels in time order. */
    public record Injected(double[] values, List<Label> labels) {
    }

    /** Tries per anomaly to find a free place before giving up on it (a short series has room for few). */
    private static final int ATTEMPTS = 50;

    private final List<AnomalyKind> kinds;
    private final int count;
    private final int earliestStart;
    private final int gap;
    private final double min;
    private final double max;

    /**
     * @param kinds which kinds to plant, each anomaly's kind drawn uniformly from them
     * @param count how many anomalies to try to plant per series
     */
    public AnomalyInjector(List<AnomalyKind> kinds, int count, int earliestStart, int gap, double min, double max) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("expected at least one kind of anomaly");
        }
        if (count < 0 || earliestStart < 0 || gap < 0) {
            throw new IllegalArgumentException("expected count, earliest start and gap >= 0, found " + count + ", "
                    + earliestStart + ", " + gap);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("expected min < max, found " + min + ", " + max);
        }
        this.kinds = List.copyOf(kinds);
        this.count = count;
        this.earliestStart = earliestStart;
        this.gap = gap;
        this.min = min;
        this.max = max;
    }

    public Injected inject(double[] series, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = series.clone();
        double noise = noise(series);
        double range = max - min;
        List<Label> labels = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            AnomalyKind kind = kinds.get(random.nextInt(kinds.size()));
            int length = switch (kind) {
                case SPIKE -> 1 + random.nextInt(3);
                case LEVEL_SHIFT, STUCK_AT -> 12 + random.nextInt(25);
                case DRIFT -> 24 + random.nextInt(25);
            };
            int latestStart = series.length - length;
            if (latestStart < earliestStart) {
                continue;
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int start = earliestStart + random.nextInt(latestStart - earliestStart + 1);
                Label label = new Label(start, start + length - 1, kind);
                if (labels.stream().allMatch(other -> apart(label, other))) {
                    labels.add(label);
                    plant(values, label, noise, range);
                    break;
                }
            }
        }
        labels.sort(Comparator.comparingInt(Label::start));
        return new Injected(values, List.copyOf(labels));
    }

    private boolean apart(Label a, Label b) {
        return a.end() + gap < b.start() || b.end() + gap < a.start();
    }

    private void plant(double[] values, Label label, double noise, double range) {
        double before = values[label.start()];
        double size = switch (label.kind()) {
            case SPIKE, DRIFT -> Math.max(8 * noise, 0.25 * range);
            case LEVEL_SHIFT -> Math.max(5 * noise, 0.15 * range);
            case STUCK_AT -> 0;
        };
        // Up if the series' highest value in the window leaves room for the whole size, else down.
        double highest = Double.NEGATIVE_INFINITY;
        for (int t = label.start(); t <= label.end(); t++) {
            highest = Math.max(highest, values[t]);
        }
        double sign = highest + size <= max ? 1 : -1;
        for (int t = label.start(), k = 1; t <= label.end(); t++, k++) {
            double value = switch (label.kind()) {
                case SPIKE, LEVEL_SHIFT -> values[t] + sign * size;
                case STUCK_AT -> before;
                case DRIFT -> values[t] + sign * size * k / label.length();
            };
            values[t] = Math.max(min, Math.min(max, value));
        }
    }

    /** The robust spread of the first differences (1.4826 MAD / sqrt 2: the sd of white noise, whose differences have sqrt 2 times its sd). */
    static double noise(double[] series) {
        if (series.length < 3) {
            return 0;
        }
        double[] steps = new double[series.length - 1];
        for (int t = 1; t < series.length; t++) {
            steps[t - 1] = series[t] - series[t - 1];
        }
        double median = median(steps);
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.abs(steps[i] - median);
        }
        return 1.4826 * median(steps) / Math.sqrt(2);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
