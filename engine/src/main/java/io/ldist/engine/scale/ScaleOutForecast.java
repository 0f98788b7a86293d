package io.ldist.engine.scale;

import java.util.Objects;

/**
 * Predictive scale-out: the fleet's demand (in servers' worth of load) is forecast {@code leadS} ahead, and servers
 * are launched or resumed when the upper bound of the forecast at {@code confidence} needs more than are running or
 * booting, so that they are up when the demand arrives. Scale-in stays on observed load; a forecast can only hold it
 * back (never retire a server the forecast says will be needed).
 *
 * @param method     the forecaster: {@code holt} (level and damped trend) or {@code holt-winters} (the same, with a
 *                   daily season once a day of history exists)
 * @param confidence of the interval whose upper bound is provisioned for, in (0, 1)
 * @param leadS      how far ahead to provision: at least the launch type's boot time
 * @param forecastOnly compute and report what the forecast would add ({@code ScalingAdvice} in the plan), but add
 *                   nothing and hold no scale-in back: to judge a forecast before trusting it
 */
public record ScaleOutForecast(String method, double confidence, double leadS, boolean forecastOnly) {
    public static final String DEFAULT_METHOD = "holt-winters";
    public static final double DEFAULT_CONFIDENCE = 0.9;

    public ScaleOutForecast(String method, double confidence, double leadS) {
        this(method, confidence, leadS, false);
    }

    public ScaleOutForecast {
        Objects.requireNonNull(method, "method");
        if (!method.equals("holt") && !method.equals("holt-winters")) {
            throw new IllegalArgumentException("forecaster must be holt or holt-winters, was " + method);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (!(leadS > 0)) {
            throw new IllegalArgumentException("lead must be > 0, was " + leadS);
        }
    }
}
