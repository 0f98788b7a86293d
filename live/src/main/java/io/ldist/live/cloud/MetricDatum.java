package io.ldist.live.cloud;

import java.util.Map;
import java.util.Objects;

/** One data point to publish, with its dimensions (for example InstanceId). */
public record MetricDatum(String metricName, Map<String, String> dimensions, long epochS, double value, String unit) {
    public MetricDatum {
        Objects.requireNonNull(metricName, "metricName");
        dimensions = Map.copyOf(dimensions);
        Objects.requireNonNull(unit, "unit");
    }
}
