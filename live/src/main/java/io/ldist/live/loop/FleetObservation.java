package io.ldist.live.loop;

import io.ldist.live.api.Health;
import io.ldist.live.execute.Journal;
import io.ldist.live.observe.ObservationJournal;
import io.ldist.live.observe.Observer;
import io.ldist.live.state.LiveFleet;

import java.util.function.Consumer;

/**
 * Each round's observation of the fleet, logged and journaled, and the health it tells GET /health: healthy while the
 * last observation succeeded and is at most three intervals old. Called under the distributor's lock.
 */
final class FleetObservation {
    private final Observer observer;
    private final LiveFleet fleet;
    private final Journal journal;
    private final double intervalS;
    private final LiveCounters counters;
    private final Consumer<String> log;
    private double lastObservationS = Double.NaN;
    private String lastObservationError;

    FleetObservation(Observer observer, LiveFleet fleet, Journal journal, double intervalS, LiveCounters counters,
                     Consumer<String> log) {
        this.observer = observer;
        this.fleet = fleet;
        this.journal = journal;
        this.intervalS = intervalS;
        this.counters = counters;
        this.log = log;
    }

    /** Observes the fleet at wall-clock {@code epochS}; false when that failed, and the round must not decide. */
    boolean observe(long epochS) {
        try {
            Observer.Observation seen = observer.observe(fleet, epochS);
            counters.count("observations");
            lastObservationS = fleet.nowS();
            lastObservationError = null;
            for (String note : seen.notes) {
                log.accept("observe: " + note);
            }
            seen.missed.forEach((host, why) -> log.accept("observe: host-" + host + " missed a health check: " + why));
            ObservationJournal.record(seen, fleet, journal, log);
            return true;
        } catch (RuntimeException e) {
            counters.count("observation_errors");
            lastObservationError = e.getMessage();
            log.accept("observe failed, no decision this round: " + e.getMessage());
            return false;
        }
    }

    /** The health at the fleet's driver time, which the caller has brought up to now. */
    Health health() {
        if (Double.isNaN(lastObservationS)) {
            return new Health(false, Double.NaN, lastObservationError != null
                    ? "last observation failed: " + lastObservationError : "no observation yet");
        }
        double age = fleet.nowS() - lastObservationS;
        boolean fresh = age <= 3 * intervalS;
        String detail = lastObservationError != null ? "last observation failed: " + lastObservationError
                : fresh ? "observed " + Math.round(age) + " s ago" : "no observation for " + Math.round(age) + " s";
        return new Health(fresh && lastObservationError == null, age, detail);
    }
}
