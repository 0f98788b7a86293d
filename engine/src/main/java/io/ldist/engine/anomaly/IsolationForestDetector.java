package io.ldist.engine.anomaly;

import java.util.SplittableRandom;

/**
 * An isolation forest over sliding windows: each point is the last {@code window} samples of every dimension,
 * flattened (so a spike, a jump or an odd shape across the window all make a point easy to isolate). The forest is
 * trained on the last {@code history} windows and regrown every {@code retrain} samples; each window is scored by
 * the forest trained before it arrived, and anomalous when its score is above {@code threshold}. Seeded, so a run
 * is repeatable. Nothing is judged before {@link #MIN_TRAINING} windows are known.
 */
public final class IsolationForestDetector implements AnomalyDetector {
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** Windows needed before the first forest: fewer are too few to tell ordinary from odd. */
    static final int MIN_TRAINING = 32;

    private final SampleOrder order;
    private final int dimensions;
    private final int window;
    private final int width;
    private final int history;
    private final int retrain;
    private final int sampleSize;
    private final double threshold;
    private final IsolationForest forest;
    private final SplittableRandom random;
    /** The last {@code window} samples, a ring of {@code dimensions} values each. */
    private final double[] recent;
    /** The last {@code history} windows, a ring of {@code width} values each, oldest sample first in each. */
    private final double[] windows;
    private final double[] current;
    private long samples;
    private int stored;
    private int nextWindow;
    private int sinceTraining;

    public IsolationForestDetector(AnomalySetup setup, double threshold, int trees, int sampleSize, int window,
                                   int history, int retrain) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), was " + threshold);
        }
        if (trees < 1 || sampleSize < 2 || window < 1 || retrain < 1) {
            throw new IllegalArgumentException("expected trees >= 1, sampleSize >= 2, window >= 1 and retrain >= 1, "
                    + "found " + trees + ", " + sampleSize + ", " + window + ", " + retrain);
        }
        if (history < MIN_TRAINING) {
            throw new IllegalArgumentException("history must be >= " + MIN_TRAINING + " windows, was " + history);
        }
        this.order = new SampleOrder(setup.dimensions());
        this.dimensions = setup.dimensions();
        this.window = window;
        this.width = Math.multiplyExact(window, dimensions);
        this.history = history;
        this.retrain = retrain;
        this.sampleSize = Math.min(sampleSize, history);
        this.threshold = threshold;
        this.forest = new IsolationForest(trees, this.sampleSize, width);
        this.random = new SplittableRandom(setup.seed());
        this.recent = new double[width];
        this.windows = new double[Math.multiplyExact(history, width)];
        this.current = new double[width];
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Verdict update(long index, double[] values) {
        order.check(index, values);
        System.arraycopy(values, 0, recent, (int) (samples % window) * dimensions, dimensions);
        samples++;
        if (samples < window) {
            return Verdict.NORMAL;
        }
        for (int age = window - 1, k = 0; age >= 0; age--, k++) {
            System.arraycopy(recent, (int) ((samples - 1 - age) % window) * dimensions, current, k * dimensions,
                    dimensions);
        }
        Verdict verdict = Verdict.NORMAL;
        if (forest.trained()) {
            double score = forest.score(current, 0);
            verdict = new Verdict(score > threshold, score);
        }
        // Every window joins the history, anomalous or not: a lasting change becomes the new ordinary.
        System.arraycopy(current, 0, windows, nextWindow * width, width);
        nextWindow = (nextWindow + 1) % history;
        stored = Math.min(history, stored + 1);
        sinceTraining++;
        if (stored >= MIN_TRAINING && (!forest.trained() || sinceTraining >= retrain)) {
            // Ring order does not matter to the forest: it subsamples at random.
            forest.train(windows, stored, sampleSize, random);
            sinceTraining = 0;
        }
        return verdict;
    }
}
