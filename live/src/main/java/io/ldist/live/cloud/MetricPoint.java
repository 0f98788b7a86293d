package io.ldist.live.cloud;

/** A metric's value at a time (seconds since 1970). */
public record MetricPoint(long epochS, double value) {
}
