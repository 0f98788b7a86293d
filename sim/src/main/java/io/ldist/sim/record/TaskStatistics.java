package io.ldist.sim.record;

import java.util.Arrays;

/**
 * Outcomes of the tasks of a task stream: how many finished, late or dropped, and how long they waited; with
 * service tiers ({@link #trackTiers}), the same for each tier too.
 */
public final class TaskStatistics {
    private TaskStatistics[] tiers = new TaskStatistics[0];
    private long arrived;
    private long completed;
    private long late;
    private long dropped;
    private long failedRuns;
    private long requeuedByFailover;
    private double[] waits = new double[64];
    private int waitCount;
    /** The waits in order, sorted once for every quantile and distribution read; null after a new wait. */
    private double[] sortedWaits;

    /** Keeps the outcomes of each of {@code count} tier ranks apart too (see {@link #tier}). */
    public void trackTiers(int count) {
        tiers = new TaskStatistics[count];
        for (int rank = 0; rank < count; rank++) {
            tiers[rank] = new TaskStatistics();
        }
    }

    /** The outcomes of the tasks of tier rank {@code rank} alone. */
    public TaskStatistics tier(int rank) {
        return tiers[rank];
    }

    public int tierCount() {
        return tiers.length;
    }

    /** A task of tier rank {@code tier} arrived (the rank is ignored unless tiers are tracked). */
    public void arrived(int tier) {
        arrived++;
        if (tier < tiers.length) {
            tiers[tier].arrived(0);
        }
    }

    /** A task started for the first time after waiting {@code waitS} in the queue. */
    public void firstStart(int tier, double waitS) {
        if (waitCount == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[waitCount++] = waitS;
        sortedWaits = null;
        if (tier < tiers.length) {
            tiers[tier].firstStart(0, waitS);
        }
    }

    public void completed(int tier, boolean wasLate) {
        completed++;
        if (wasLate) {
            late++;
        }
        if (tier < tiers.length) {
            tiers[tier].completed(0, wasLate);
        }
    }

    public void dropped(int tier) {
        dropped++;
        if (tier < tiers.length) {
            tiers[tier].dropped(0);
        }
    }

    public void runFailed() {
        failedRuns++;
    }

    public void requeuedByFailover() {
        requeuedByFailover++;
    }

    /** Tasks that started within {@code waitS} of their arrival. */
    public long startedWithin(double waitS) {
        long within = 0;
        for (int i = 0; i < waitCount; i++) {
            within += waits[i] <= waitS ? 1 : 0;
        }
        return within;
    }

    /** How many tasks started within each wait of {@code grid} (ascending), of all that arrived. */
    public WaitDistribution waitDistribution(double[] grid) {
        double[] sorted = sorted();
        long[] started = new long[grid.length];
        int within = 0;
        for (int i = 0; i < grid.length; i++) {
            while (within < sorted.length && sorted[within] <= grid[i]) {
                within++;
            }
            started[i] = within;
        }
        return new WaitDistribution(grid.clone(), started, arrived);
    }

    public long arrivedCount() {
        return arrived;
    }

    /** Tasks that started at least once (their waits are what the wait quantiles are taken over). */
    public long startedCount() {
        return waitCount;
    }

    public long completedCount() {
        return completed;
    }

    public long lateCount() {
        return late;
    }

    public long droppedCount() {
        return dropped;
    }

    public long failedRunCount() {
        return failedRuns;
    }

    public long requeuedByFailoverCount() {
        return requeuedByFailover;
    }

    private double[] sorted() {
        if (sortedWaits == null) {
            sortedWaits = Arrays.copyOf(waits, waitCount);
            Arrays.sort(sortedWaits);
        }
        return sortedWaits;
    }

    /**
     * Waiting time at quantile {@code q} (nearest rank) over tasks that started, or NaN when none did.
     */
    public double waitQuantileS(double q) {
        if (waitCount == 0) {
            return Double.NaN;
        }
        double[] sorted = sorted();
        int rank = (int) Math.ceil(q * waitCount);
        return sorted[Math.max(0, Math.min(waitCount - 1, rank - 1))];
    }
}
