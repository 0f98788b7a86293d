package io.ldist.reports.charts;

import io.ldist.reports.RunSeries;

/**
 * The start of a run while the servers on at the start are consolidated: a PlanetLab run starts with all 800
 * on and needs about 70 an hour later. Drawn to scale, that hour squashes the rest of the day into the bottom
 * of the panel, so a panel is scaled to the run after it when the start-up reaches more than
 * {@value #OFF_SCALE} times higher than anything later, and says so. The start-up lasts while the active
 * servers only fall, and at most a quarter of the run (a run that only ever falls has none).
 */
final class StartUp {
    static final double OFF_SCALE = 2;

    private StartUp() {
    }

    /** The first row after the start-up: 0 when there is none. */
    static int end(RunSeries run) {
        double[] active = run.column("activeHosts");
        int end = 0;
        while (end + 1 < active.length && active[end + 1] <= active[end]) {
            end++;
        }
        boolean fell = end > 0 && active[end] < active[0];
        return fell && end <= active.length / 4 ? end : 0;
    }

    /**
     * The highest value after the start-up, and the highest during it with its time in hours (NaN when there
     * is no start-up).
     */
    record Peaks(double later, double startUp, double startUpHours) {
        static final Peaks NONE = new Peaks(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);

        static Peaks of(double[] timeS, double[] values, int end) {
            Peaks peaks = NONE;
            for (int i = 0; i < values.length; i++) {
                peaks = i >= end ? new Peaks(Math.max(peaks.later, values[i]), peaks.startUp, peaks.startUpHours)
                        : values[i] > peaks.startUp ? new Peaks(peaks.later, values[i], timeS[i] / 3600) : peaks;
            }
            return peaks;
        }

        /** Both runs' peaks: the higher of each. */
        Peaks max(Peaks other) {
            Peaks higherStart = other.startUp > startUp ? other : this;
            return new Peaks(Math.max(later, other.later), higherStart.startUp, higherStart.startUpHours);
        }

        /** Whether the start-up would squash the rest: then the axis is scaled to {@link #later}. */
        boolean offScale() {
            return !Double.isNaN(startUpHours) && later > 0 && startUp > OFF_SCALE * later;
        }
    }
}
