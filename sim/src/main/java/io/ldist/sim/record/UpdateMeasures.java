package io.ldist.sim.record;

import io.ldist.engine.plan.UpdateProgress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What rolling updates cost the run: from an update's start to its last server back in service, how long it took,
 * how many servers it took out at once, the tasks late or dropped and the SLAV meanwhile, what the fleet cost
 * meanwhile and what the servers added for it cost. Totals over the run's updates.
 */
public final class UpdateMeasures {
    private final FleetIntegrals integrals;
    private final TaskStatistics tasks;

    private int updates;
    private int aborted;
    private int unfinished;
    private int batches;
    private int serversUpdated;
    private int outNow;
    private int maxOut;
    private double durationS;
    private long tasksLate;
    private long tasksDropped;
    private double costUsd;
    private double extraCostUsd;
    private final double[] slaSums = new double[4];

    // The update under way.
    private boolean running;
    private double startS;
    private double lastBackS;
    private long lateAtStart;
    private long droppedAtStart;
    private double costAtStart;
    private double[] slaAtStart;
    /** Σ price per hour, and Σ price × start time, of the servers added for it: their cost to any end is linear. */
    private double addedPricePerHour;
    private double addedPriceTimesStart;

    UpdateMeasures(FleetIntegrals integrals, TaskStatistics tasks) {
        this.integrals = integrals;
        this.tasks = tasks;
    }

    /** How the engine reported an update advancing at {@code t}. */
    public void progressed(UpdateProgress note, double t) {
        switch (note.stage()) {
            case STARTED -> start(t);
            case BATCH_STARTED -> batches++;
            case ABORTED -> aborted++;
            case FINISHED -> finish(lastBackS >= startS ? lastBackS : t);
            case BATCH_DONE -> { }
        }
    }

    /** Servers added for the update at {@code t}, billed at {@code priceUsdPerHour} until the update ends. */
    public void capacityAdded(double priceUsdPerHour, double t) {
        addedPricePerHour += priceUsdPerHour;
        addedPriceTimesStart += priceUsdPerHour * t;
    }

    public void serverTakenOut(int host, double t) {
        outNow++;
        maxOut = Math.max(maxOut, outNow);
    }

    public void serverBack(int host, double t) {
        outNow--;
        serversUpdated++;
        lastBackS = t;
    }

    /** A server taken out for its update failed before it was updated: it is no longer out for the update. */
    public void serverLost() {
        outNow--;
    }

    /** An update still under way when the run ends is measured up to the end. */
    public void runEnded(double t) {
        if (running) {
            unfinished++;
            finish(t);
        }
    }

    private void start(double t) {
        updates++;
        running = true;
        startS = t;
        lastBackS = Double.NEGATIVE_INFINITY;
        lateAtStart = tasks.lateCount();
        droppedAtStart = tasks.droppedCount();
        costAtStart = integrals.costUsd();
        slaAtStart = integrals.slaSums();
        addedPricePerHour = 0;
        addedPriceTimesStart = 0;
    }

    private void finish(double endS) {
        running = false;
        durationS += endS - startS;
        tasksLate += tasks.lateCount() - lateAtStart;
        tasksDropped += tasks.droppedCount() - droppedAtStart;
        costUsd += integrals.costUsd() - costAtStart;
        extraCostUsd += (addedPricePerHour * endS - addedPriceTimesStart) / 3600;
        double[] now = integrals.slaSums();
        for (int i = 0; i < slaSums.length; i++) {
            slaSums[i] += now[i] - slaAtStart[i];
        }
    }

    /** The metrics for summary.json, under the names reports know them by. */
    public Map<String, Number> summary() {
        Map<String, Number> m = new LinkedHashMap<>();
        double slatah = slaSums[1] > 0 ? slaSums[0] / slaSums[1] : 0;
        double pdm = slaSums[3] > 0 ? slaSums[2] / slaSums[3] : 0;
        m.put("updates", updates);
        m.put("updatesAborted", aborted);
        m.put("updatesUnfinished", unfinished);
        m.put("updateDurationS", durationS);
        m.put("updateBatches", batches);
        m.put("serversUpdated", serversUpdated);
        m.put("updateMaxServersOut", maxOut);
        m.put("updateTasksLate", tasksLate);
        m.put("updateTasksDropped", tasksDropped);
        m.put("updateSlav", slatah * pdm);
        m.put("updateCostUsd", costUsd);
        m.put("updateExtraCostUsd", extraCostUsd);
        return m;
    }
}
