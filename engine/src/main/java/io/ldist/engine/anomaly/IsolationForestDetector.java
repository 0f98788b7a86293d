package io.ldist.engine.anomaly;

import java.util.SplittableRandom;

/**
 * An isolation forest over sliding windows: each point describes the last {@code window} samples of every
 * dimension by {@link #FEATURES} numbers: the latest value, its distance from the window's mean, the window's mean,
 * its standard deviation and the latest step. (The raw window, flattened, was tried first: a spike then shows in
 * one coordinate of six, which random splits rarely pick, and a 10-sigma spike scored about 0.52.) A spike moves
 * four of the five, a level shift the distance and then the mean, a stuck value the deviation. The forest is
 * trained on the last {@code history} windows and regrown every {@code retrain} samples; each window is scored by
 * the forest trained before it arrived, and anomalous when its score is above {@code threshold}. Seeded, so a run
 * is repeatable. Nothing is judged before {@link #MIN_TRAINING} windows are known.
 */
public final class IsolationForestDetector implements AnomalyDetector {
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** Windows needed before the first forest: fewer are too few to tell ordinary from odd. */
    static final int MIN_TRAINING = 32;
    static final int FEATURES = 5;

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
    /** The features of the last {@code history} windows, a ring of {@code width} values each. */
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
        this.width = Math.multiplyExact(FEATURES, dimensions);
        this.history = history;
        this.retrain = retrain;
        this.sampleSize = Math.min(sampleSize, history);
        this.threshold = threshold;
        this.forest = new IsolationForest(trees, this.sampleSize, width);
        this.random = new SplittableRandom(setup.seed());
        this.recent = new double[Math.multiplyExact(window, dimensions)];
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
        describeWindow();
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

    /** Fills {@link #current} with the features of the window ending at the latest sample. */
    private void describeWindow() {
        int latest = (int) ((samples - 1) % window);
        int previous = (int) ((samples - 2 + window) % window);
        for (int d = 0; d < dimensions; d++) {
            double sum = 0;
            for (int k = 0; k < window; k++) {
                sum += recent[k * dimensions + d];
            }
            double mean = sum / window;
            double squares = 0;
            for (int k = 0; k < window; k++) {
                double deviation = recent[k * dimensions + d] - mean;
                squares += deviation * deviation;
            }
            double last = recent[latest * dimensions + d];
            int f = d * FEATURES;
            current[f] = last;
            current[f + 1] = last - mean;
            current[f + 2] = mean;
            current[f + 3] = Math.sqrt(squares / window);
            current[f + 4] = window == 1 ? 0 : last - recent[previous * dimensions + d];
        }
    }
}
