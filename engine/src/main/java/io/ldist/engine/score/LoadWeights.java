package io.ldist.engine.score;

/**
 * Weights of the load score: requests (running and queued tasks over task slots), CPU, memory and GPU,
 * each normalised to [0, 1] before weighting. The score is divided by the sum of the weights, so it stays in
 * [0, 1] whatever the weights add up to.
 */
public record LoadWeights(double requests, double cpu, double memory, double gpu) {
    public static final LoadWeights DEFAULT = new LoadWeights(0.4, 0.4, 0.2, 0.0);

    public LoadWeights {
        double[] all = {requests, cpu, memory, gpu};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("load weights must be finite and >= 0, got " + this);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("at least one load weight must be > 0");
        }
    }

    public double sum() {
        return requests + cpu + memory + gpu;
    }
}
