package io.ldist.engine.score;

/**
 * Load as the most used resource (CPU, memory, GPU or task slots): a server is as full as its tightest
 * resource, which keeps memory-heavy and CPU-heavy work from piling onto the same server.
 */
public final class DominantResourceScorer implements Scorer {

    @Override
    public double load(LoadTotals t) {
        return Math.max(Math.max(t.cpuShare(), t.ramShare()), Math.max(t.gpuShare(), t.requestShare()));
    }
}
