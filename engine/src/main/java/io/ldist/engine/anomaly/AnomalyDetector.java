package io.ldist.engine.anomaly;

/**
 * Online anomaly detection on one series of equally spaced samples, each a vector of values (CPU, memory,
 * network...) of {@link AnomalySetup#dimensions()} entries. Samples come in time order, one call each; the verdict
 * on a sample uses only it and the samples before it, so it can be acted on as the sample arrives.
 * <p>
 * Instances keep the history of their one series and are not thread-safe.
 */
public interface AnomalyDetector {
    /** The verdict on one sample: whether it is anomalous, and the score the decision was made on. */
    record Verdict(boolean anomalous, double score) {
        public static final Verdict NORMAL = new Verdict(false, 0);
    }

    int dimensions();

    /**
     * Takes the next sample and judges it.
     *
     * @param index  the sample's position in the series (0-based), strictly increasing from call to call
     * @param values {@link #dimensions()} finite values, in the series' units; read, never kept
     */
    Verdict update(long index, double[] values);
}
