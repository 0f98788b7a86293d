package io.ldist.engine.scale;

/**
 * How many stopped servers threshold scaling keeps warm, resumed before any launch (EC2 warm pools' terms):
 * <ul>
 *   <li>{@link Sizing#FIXED}: {@code size} servers;</li>
 *   <li>{@link Sizing#WARM_POOL}: as an EC2 warm pool, the maximum prepared capacity less the servers running,
 *       at least {@code minSize} ({@code maxPrepared} defaults to {@code maxHosts}, as EC2's to the group's
 *       maximum size);</li>
 *   <li>{@link Sizing#COST_SIZED}: the pool that minimises the standby cost plus the expected cost of
 *       waiting for the load to come ({@link StandbyPoolSizer}), between {@code minSize} and the prepared
 *       capacity.</li>
 * </ul>
 * Servers scaled in are stopped into the pool while it is below its size (EC2's reuse on scale-in), and
 * stopped servers beyond it are terminated.
 *
 * @param penaltyUsd cost-sized: what one task that waits for capacity costs, in USD; NaN for the scenario's
 *                   price of a late task
 */
public record StandbyPool(Sizing sizing, int size, int minSize, int maxPrepared, double penaltyUsd) {
    public enum Sizing { FIXED, WARM_POOL, COST_SIZED }

    /** No prepared capacity cap given: the scaling's maxHosts. */
    public static final int UP_TO_MAX_HOSTS = -1;

    public StandbyPool {
        if (sizing == null || size < 0 || minSize < 0 || maxPrepared < UP_TO_MAX_HOSTS) {
            throw new IllegalArgumentException("a standby pool needs a sizing, size >= 0, minSize >= 0 and "
                    + "maxPrepared >= 0");
        }
        if (!(Double.isNaN(penaltyUsd) || penaltyUsd >= 0 && Double.isFinite(penaltyUsd))) {
            throw new IllegalArgumentException("a standby pool's penalty must be >= 0, was " + penaltyUsd);
        }
    }

    public static StandbyPool fixed(int size) {
        return new StandbyPool(Sizing.FIXED, size, 0, UP_TO_MAX_HOSTS, Double.NaN);
    }

    /** Whether the pool's size can change during a run (then surplus stopped servers are terminated). */
    public boolean varies() {
        return sizing != Sizing.FIXED;
    }
}
