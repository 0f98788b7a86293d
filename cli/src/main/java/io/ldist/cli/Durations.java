package io.ldist.cli;

import java.util.Locale;

/** Durations for people: 86400 s reads "24 h". */
final class Durations {
    private Durations() {
    }

    static String describe(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }
}
