package io.ldist.engine.update;

/**
 * How many servers a rolling update takes out of service at once: a fixed count, or as many as keep a minimum
 * share of the selected servers healthy (EC2 instance refresh's rule; its default is 90 %). Either way at least
 * one, and never more than the disruption budget allows at that moment.
 *
 * @param size       servers per batch, or 0 when the minimum healthy share decides
 * @param minHealthy share of the selected servers that stays in service, in [0, 1), when {@code size} is 0
 */
public record BatchRule(int size, double minHealthy) {
    /** EC2 instance refresh's default: 90 % stay healthy. */
    public static final BatchRule DEFAULT = minHealthy(0.9);

    public BatchRule {
        if (size < 0) {
            throw new IllegalArgumentException("a batch size must be >= 1, was " + size);
        }
        if (size == 0 && !(minHealthy >= 0 && minHealthy < 1)) {
            throw new IllegalArgumentException("a minimum healthy share must be in [0, 100 %), was " + minHealthy);
        }
    }

    public static BatchRule ofSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch size must be >= 1, was " + size);
        }
        return new BatchRule(size, Double.NaN);
    }

    public static BatchRule minHealthy(double share) {
        return new BatchRule(0, share);
    }

    /** Servers per batch when {@code selected} servers are to be updated. */
    public int serversPerBatch(int selected) {
        if (size > 0) {
            return size;
        }
        // A hair below a whole server is that server (10 % of 20 is 2, not 1.999...).
        return Math.max(1, (int) Math.floor((1 - minHealthy) * selected + 1e-9));
    }

    public String describe() {
        return size > 0 ? "batches of " + size
                : String.format(java.util.Locale.ROOT, "%.0f %% healthy", minHealthy * 100);
    }
}
