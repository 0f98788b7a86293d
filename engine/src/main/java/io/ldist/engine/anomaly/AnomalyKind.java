package io.ldist.engine.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of anomaly {@link AnomalyInjector} plants, under the names the command line uses. */
public enum AnomalyKind {
    /** One to three samples far from the series. */
    SPIKE("spike"),
    /** The series moves by a fixed amount for a while, then comes back. */
    LEVEL_SHIFT("level-shift"),
    /** The series freezes at the value it had when the anomaly began (a stuck sensor or a hung agent). */
    STUCK_AT("stuck-at"),
    /** A linear ramp away from the series, growing over the anomaly, that vanishes at its end. */
    DRIFT("drift");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AnomalyKind> byLabel(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(key)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AnomalyKind::label).toList();
    }
}
