package io.ldist.engine.anomaly;

/** Builds a detector of one kind for one series: what the registry ({@code Policies.ANOMALY_DETECTORS}) holds. */
@FunctionalInterface
public interface AnomalyDetectorFactory {
    AnomalyDetector create(AnomalySetup setup);
}
