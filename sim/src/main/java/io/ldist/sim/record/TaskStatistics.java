package io.ldist.sim.record;

import java.util.Arrays;

/** Outcomes of the tasks of a task stream: how many finished, late or dropped, and how long they waited. */
public final class TaskStatistics {
    private long arrived;
    private long completed;
    private long late;
    private long dropped;
    private long failedRuns;
    private long requeuedByFailover;
    private double[] waits = new double[64];
    private int waitCount;

    public void arrived() {
        arrived++;
    }

    /** A task started for the first time after waiting {@code waitS} in the queue. */
    public void firstStart(double waitS) {
        if (waitCount == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[waitCount++] = waitS;
    }

    public void completed(boolean wasLate) {
        completed++;
        if (wasLate) {
            late++;
        }
    }

    public void dropped() {
        dropped++;
    }

    public void runFailed() {
        failedRuns++;
    }

    public void requeuedByFailover() {
        requeuedByFailover++;
    }

    public long arrivedCount() {
        return arrived;
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

    /**
     * Waiting time at quantile {@code q} (nearest rank) over tasks that started, or NaN when none did.
     */
    public double waitQuantileS(double q) {
        if (waitCount == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(waits, waitCount);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * waitCount);
        return sorted[Math.max(0, Math.min(waitCount - 1, rank - 1))];
    }
}
