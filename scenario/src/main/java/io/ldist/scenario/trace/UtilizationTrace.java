package io.ldist.scenario.trace;

import java.util.List;

/**
 * CPU utilisation series of many VMs, sampled at a fixed interval, held as one primitive array per VM (values
 * in percent, 0-100) so that replay touches arrays rather than per-sample objects.
 */
public final class UtilizationTrace {
    private final List<String> names;
    private final byte[][] percent;
    private final double intervalS;
    private final int samples;
    private final List<String> notices;

    public UtilizationTrace(List<String> names, byte[][] percent, double intervalS) {
        this(names, percent, intervalS, List.of());
    }

    /** @param notices what the reader skipped or cut to make this trace, one sentence each, for the user */
    public UtilizationTrace(List<String> names, byte[][] percent, double intervalS, List<String> notices) {
        if (names.size() != percent.length) {
            throw new IllegalArgumentException("one name per series expected");
        }
        if (!(intervalS > 0)) {
            throw new IllegalArgumentException("sampling interval must be > 0");
        }
        this.names = List.copyOf(names);
        this.percent = percent;
        this.intervalS = intervalS;
        this.samples = percent.length == 0 ? 0 : percent[0].length;
        this.notices = List.copyOf(notices);
        for (byte[] series : percent) {
            if (series.length != samples) {
                throw new IllegalArgumentException("all series must have the same length");
            }
        }
    }

    /** What the reader skipped or cut (files that are not readable files, lines past one day), to be said. */
    public List<String> notices() {
        return notices;
    }

    public int seriesCount() {
        return percent.length;
    }

    public String name(int series) {
        return names.get(series);
    }

    public int samples() {
        return samples;
    }

    public double intervalS() {
        return intervalS;
    }

    /** Utilisation (0-1) of a series at sample {@code k}; past the last sample the last value holds. */
    public double sample(int series, int k) {
        byte[] values = percent[series];
        return values[Math.min(k, samples - 1)] / 100.0;
    }

    /**
     * Utilisation (0-1) at time {@code t}, linearly interpolated between samples (as CloudSim does); past
     * the last sample the last value holds.
     */
    public double at(int series, double t) {
        double position = t / intervalS;
        int k = (int) position;
        return at(series, k, position - k);
    }

    /** Utilisation (0-1) a {@code fraction} of the way from sample {@code k} to the next. */
    public double at(int series, int k, double fraction) {
        byte[] values = percent[series];
        int last = samples - 1;
        double a = values[Math.min(k, last)];
        if (fraction == 0) {
            return a / 100.0;
        }
        return (a + (values[Math.min(k + 1, last)] - a) * fraction) / 100.0;
    }

    /** Total of all samples of all series, as a quick fingerprint of the data read. */
    public long checksum() {
        long sum = 0;
        for (byte[] series : percent) {
            for (byte b : series) {
                sum += b;
            }
        }
        return sum;
    }
}
