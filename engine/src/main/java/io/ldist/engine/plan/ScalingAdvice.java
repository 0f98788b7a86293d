package io.ldist.engine.plan;

/**
 * A note in a plan, not an action: predictive scaling in forecast-only mode would have added servers here. Drivers
 * log it (the simulator's events, live mode's log), so that a forecast can be judged before it is trusted.
 *
 * @param serversNeeded  what the upper bound of the demand forecast needs at the scale-out threshold
 * @param serversRunning what runs or boots now
 * @param demandUpper    that upper bound, in servers' worth of load
 */
public record ScalingAdvice(int serversNeeded, int serversRunning, double demandUpper) {
    public String describe() {
        return String.format(java.util.Locale.ROOT, "the demand forecast needs %d servers (upper bound %.2f "
                + "servers of load), %d run or boot: forecast only, nothing launched", serversNeeded, demandUpper,
                serversRunning);
    }
}
