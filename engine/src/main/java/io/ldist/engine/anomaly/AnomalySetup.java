package io.ldist.engine.anomaly;

/**
 * What a detector is built for: how many values each sample has, the range they live in (the forecasts some
 * detectors make are clamped to it), how many samples make a day (for seasonal forecasters; 0 for none), and the
 * seed of the detector's own random choices (so that a run is repeatable).
 */
public record AnomalySetup(int dimensions, double min, double max, int samplesPerDay, long seed) {
    public AnomalySetup {
        if (dimensions < 1 || samplesPerDay < 0) {
            throw new IllegalArgumentException("expected dimensions >= 1 and samples per day >= 0, found "
                    + dimensions + ", " + samplesPerDay);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("expected min < max, found " + min + ", " + max);
        }
    }

    /** One CPU utilisation share in [0, 1], sampled every {@code intervalS} seconds. */
    public static AnomalySetup utilisation(double intervalS, long seed) {
        return new AnomalySetup(1, 0, 1, (int) Math.round(86_400 / intervalS), seed);
    }
}
