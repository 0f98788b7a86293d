package io.ldist.cli;

import java.util.Locale;

/**
 * The range of each numeric command-line option, checked before any work, in the words of scenario problems:
 * {@code --seed: expected an integer from 0 to 9,007,199,254,740,991, found -1}. The bounds match the scenario
 * schema's where an option stands for a field ({@code --seed} for {@code seed}, {@code --scale} for
 * {@code scale}).
 */
public enum OptionRange {
    /** A seed survives JSON and spreadsheets exactly below 2^53, and seeds + i must not overflow. */
    SEED("--seed", 0, (1L << 53) - 1),
    SCALE("--scale", 1, 10_000),
    SEEDS("--seeds", 1, 10_000),
    /** More threads than this only add memory: each run holds a whole fleet. */
    THREADS("--threads", 1, 1024),
    RUNS("--runs", 1, 10_000),
    WARMUP("--warmup", 0, 10_000);

    private final String option;
    private final long min;
    private final long max;

    OptionRange(String option, long min, long max) {
        this.option = option;
        this.min = min;
        this.max = max;
    }

    /** Refuses {@code value} (when given) outside the range, as bad input (exit 2). */
    public void check(Long value) {
        if (value != null && (value < min || value > max)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: expected an integer from %,d to %,d, found %d",
                    option, min, max, value));
        }
    }

    public void check(Integer value) {
        check(value == null ? null : value.longValue());
    }
}
