package io.ldist.engine.failover;

/**
 * When a server's tasks fail too often, stop routing to it, wait, then let one probe task through.
 *
 * @param errorRateThreshold share of failed tasks (over the window) that opens the breaker
 * @param minTasks           fewest task outcomes in the window before the rate is trusted
 * @param windowS            how far back outcomes count
 * @param openS              how long an open breaker refuses tasks before letting a probe through
 */
public record CircuitBreakerSettings(double errorRateThreshold, int minTasks, double windowS, double openS) {
    public CircuitBreakerSettings {
        if (!(errorRateThreshold > 0 && errorRateThreshold <= 1)) {
            throw new IllegalArgumentException("error rate threshold must be in (0, 1], was " + errorRateThreshold);
        }
        if (minTasks < 1 || !(windowS > 0) || !(openS > 0)) {
            throw new IllegalArgumentException("minTasks, windowS and openS must be positive");
        }
    }
}
