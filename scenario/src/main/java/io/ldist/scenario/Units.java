package io.ldist.scenario;

import io.ldist.engine.util.NearestName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities as people write them in scenarios ({@code 5m}, {@code 1.5GiB}, {@code 10Gbit/s},
 * {@code 80%}), converted to a double in the kind's base unit. A plain number is taken in the base
 * unit. Whitespace between number and unit is allowed; units are case-sensitive, because
 * {@code Mb} (megabit) and {@code MB} (megabyte) differ by a factor of eight.
 *
 * <p>Anything else is refused with an {@link InvalidQuantityException} saying what was expected,
 * which the caller reports at the field's position.
 */
public enum Units {

    /** Durations in seconds. */
    DURATION("duration", "300, 90s, 250ms, 5m, 1.5h or 2d", 3650 * 86_400.0, "3650d", units(
            "", 1, "ms", 0.001, "s", 1, "m", 60, "min", 60, "h", 3600, "d", 86_400)),

    /** Memory and disk sizes in MiB; decimal units (1 GB = 10^9 bytes = 10^9 / 2^20 MiB) are converted exactly. */
    SIZE("size", "4096 (MiB), 870MiB, 4GiB, 1.5TiB or 16GB", 1024.0 * 1024 * 1024, "1024TiB", units(
            "", 1, "KiB", 1.0 / 1024, "MiB", 1, "GiB", 1024, "TiB", 1024 * 1024,
            "kB", 1e3 / 1_048_576, "MB", 1e6 / 1_048_576, "GB", 1e9 / 1_048_576, "TB", 1e12 / 1_048_576)),

    /** Network bandwidth in Mbit/s (decimal prefixes, as networks are sold). */
    BANDWIDTH("bandwidth", "100 (Mbit/s), 100Mbps, 1Gbps or 10Gbit/s", 1e7, "10Tbps", units(
            "", 1, "kbps", 1e-3, "kbit/s", 1e-3, "Mbps", 1, "Mbit/s", 1,
            "Gbps", 1e3, "Gbit/s", 1e3, "Tbps", 1e6, "Tbit/s", 1e6)),

    /** Shares and thresholds as a fraction: {@code 80%} and {@code 0.8} are both 0.8. */
    FRACTION("fraction", "0.8 or 80%", Double.MAX_VALUE, "", units("", 1, "%", 0.01));

    /** A number, then optionally whitespace and a unit. */
    private static final Pattern QUANTITY = Pattern.compile(
            "([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");

    private final String noun;
    private final String examples;
    private final Map<String, Double> factors;
    private final double max;
    private final String maxText;

    /**
     * @param max the largest quantity a scenario may give, in base units: ten years, a PiB of memory, 10 Tbit/s
     *            are far beyond any fleet, and a bound keeps a slip of the keyboard (5000000d) from overflowing the
     *            simulator's clocks and sizes. Shares are bounded by the fields that read them.
     */
    Units(String noun, String examples, double max, String maxText, Map<String, Double> factors) {
        this.noun = noun;
        this.examples = examples;
        this.max = max;
        this.maxText = maxText;
        this.factors = factors;
    }

    /** The quantity in base units; negative values are refused. */
    public double parse(String text) {
        return parse(text, false);
    }

    /** The quantity in base units; negative values only when {@code allowNegative}. NaN and infinities never. */
    public double parse(String text, boolean allowNegative) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches()) {
            throw refusal("a " + noun + " such as " + examples, text, Optional.empty());
        }
        String unit = matcher.group(2);
        Double factor = factors.get(unit);
        if (factor == null) {
            List<String> named = factors.keySet().stream().filter(u -> !u.isEmpty()).toList();
            throw refusal("a " + noun + " with unit " + Phrases.orList(named), text, NearestName.didYouMean(named, unit));
        }
        double value = Double.parseDouble(matcher.group(1)) * factor;
        if (!Double.isFinite(value)) {
            throw refusal("a finite " + noun, text, Optional.empty());
        }
        if (value < 0 && !allowNegative) {
            throw refusal("a non-negative " + noun, text, Optional.empty());
        }
        return value;
    }

    /**
     * Refuses a quantity above the largest a scenario field may give (none for fractions); the scenario's reader
     * checks it, as {@link #parse} reads quantities of any size.
     */
    void checkAtMost(double value, String text) {
        if (value > max) {
            throw refusal("a " + noun + " of at most " + maxText, text, Optional.empty());
        }
    }

    private static InvalidQuantityException refusal(String expected, String text, Optional<String> hint) {
        return new InvalidQuantityException(expected, Phrases.quote(text), hint);
    }

    private static Map<String, Double> units(Object... unitThenFactor) {
        Map<String, Double> factors = new LinkedHashMap<>();
        for (int i = 0; i < unitThenFactor.length; i += 2) {
            factors.put((String) unitThenFactor[i], ((Number) unitThenFactor[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(factors);
    }
}
