package io.ldist.scenario.spec;

/**
 * One task of a task stream: when it arrives, what it needs, how long it runs, when it is due, and its service
 * tier.
 *
 * @param tier     its tier's rank in the workload's {@link TaskStreamWorkload#tiers()} (0 is served first), or
 *                 {@link #TIER_BY_SHARE} for a task the run assigns to a tier by the tiers' shares
 * @param startByS when it should have started by its tier's wait objective (+infinity: no objective)
 */
public record TaskSpec(double arrivalS, double cpuMips, double gpus, double ramMb, double durationS, double deadlineS,
                       int tier, double startByS) {
    /** A listed task with no tier of its own: drawn by the tiers' shares as it arrives (tier 0 without tiers). */
    public static final int TIER_BY_SHARE = -1;

    public TaskSpec {
        if (!(arrivalS >= 0) || !(cpuMips >= 0) || !(gpus >= 0) || !(ramMb >= 0) || !(durationS > 0)
                || !(deadlineS >= arrivalS) || tier < TIER_BY_SHARE || !(startByS >= arrivalS)) {
            throw new IllegalArgumentException("task needs arrival >= 0, non-negative demand, duration > 0, "
                    + "deadline and start-by >= arrival and a tier rank: " + this);
        }
    }

    /** A task without tiers. */
    public TaskSpec(double arrivalS, double cpuMips, double gpus, double ramMb, double durationS, double deadlineS) {
        this(arrivalS, cpuMips, gpus, ramMb, durationS, deadlineS, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * The same task in tier {@code tier} of rank {@code rank}: its wait objective from the tier's, and with
     * {@code tierDeadline} (generated tasks) its deadline too when the tier has a deadline factor of its own.
     */
    public TaskSpec inTier(int rank, TaskTier tier, boolean tierDeadline) {
        double deadline = tierDeadline && !Double.isNaN(tier.deadlineFactor())
                ? (Double.isInfinite(tier.deadlineFactor()) ? Double.POSITIVE_INFINITY
                        : arrivalS + tier.deadlineFactor() * durationS)
                : deadlineS;
        return new TaskSpec(arrivalS, cpuMips, gpus, ramMb, durationS, deadline, rank, arrivalS + tier.waitS());
    }
}
