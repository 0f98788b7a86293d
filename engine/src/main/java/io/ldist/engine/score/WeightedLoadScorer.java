package io.ldist.engine.score;

/** The default scorer: a weighted mean of the request, CPU, memory and GPU shares. */
public final class WeightedLoadScorer implements Scorer {
    private final LoadWeights weights;

    public WeightedLoadScorer(LoadWeights weights) {
        this.weights = weights;
    }

    public LoadWeights weights() {
        return weights;
    }

    @Override
    public double load(LoadTotals t) {
        return (weights.requests() * t.requestShare() + weights.cpu() * t.cpuShare()
                + weights.memory() * t.ramShare() + weights.gpu() * t.gpuShare()) / weights.sum();
    }
}
