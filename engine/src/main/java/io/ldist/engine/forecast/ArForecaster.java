package io.ldist.engine.forecast;

/**
 * An autoregressive model AR(p) per series, fitted by least squares on the last {@code window} samples:
 * <pre>
 *   x(t) - mu = c + a1 (x(t-1) - mu) + ... + ap (x(t-p) - mu) + e(t)
 * </pre>
 * with mu the window's mean at the fit. The order p in 1..maxOrder is the one with the least information
 * criterion, AIC {@code n ln(RSS / n) + 2 (p + 1)} or BIC {@code n ln(RSS / n) + (p + 1) ln n}, all orders fitted
 * on the same n samples (those with maxOrder samples before them); orders the window is too short for (it needs
 * 3 p + 2 samples) are not tried. The model is refitted every {@code refit}
 * samples (at sample numbers staggered by series, and as soon as the window holds enough samples for order 1), from one cross-product matrix whose
 * leading blocks are the normal equations of every order; between fits an update only stores the sample.
 * Forecasts h ahead iterate the recursion, each step clamped to the series' range. Until the first fit, the
 * forecast is the mean of the samples so far.
 * <p>
 * With {@code lad} rounds, the chosen order is then refitted by least absolute deviations (iteratively reweighted
 * least squares), which forecasts the conditional median rather than the mean.
 * <p>
 * A tiny ridge on the lag coefficients keeps the normal equations solvable when the window is flat (a constant
 * series then fits c = 0 and no lags, and is forecast exactly).
 */
public final class ArForecaster extends AbstractForecaster {
    /** Relative ridge on the lag coefficients' diagonal. */
    private static final double RIDGE = 1e-8;
    /** An IRLS round that moves no coefficient by more than this ends the refit. */
    private static final double CONVERGED = 1e-4;

    private final int maxOrder;
    private final int window;
    private final int refit;
    private final boolean bic;
    private final int lad;
    /** [series][1 + maxOrder]: c, a1..ap (zero beyond the order). */
    private final double[] coefficients;
    private final double[] mean;
    private final int[] order;
    // Scratch, per fit and per forecast path.
    private final double[] samplesInOrder;
    private final double[] gram;
    private final double[] moment;
    private final double[] factor;
    private final double[] solution;
    private final double[] z;
    private final double[] best;
    private double[] path;
    private final double[] lags;
    private int pathSeries = -1;
    private long pathSamples = -1;
    private int pathLength;

    public ArForecaster(ForecastSetup setup, int maxOrder, int window, int refit, boolean bic) {
        this(setup, maxOrder, window, refit, bic, 0);
    }

    /** @param lad rounds of least-absolute-deviation refit of the chosen order (0: least squares) */
    public ArForecaster(ForecastSetup setup, int maxOrder, int window, int refit, boolean bic, int lad) {
        super(setup, window);
        if (maxOrder < 1 || refit < 1 || window < minimumSamples(1) || lad < 0) {
            throw new IllegalArgumentException("expected maxOrder >= 1, refit >= 1, window >= " + minimumSamples(1)
                    + ", lad >= 0; found " + maxOrder + ", " + refit + ", " + window + ", " + lad);
        }
        this.maxOrder = maxOrder;
        this.window = window;
        this.refit = refit;
        this.bic = bic;
        this.lad = lad;
        int k = maxOrder + 1;
        this.coefficients = new double[Math.multiplyExact(setup.seriesCount(), k)];
        this.mean = new double[setup.seriesCount()];
        this.order = new int[setup.seriesCount()];
        this.samplesInOrder = new double[window];
        this.gram = new double[k * k];
        this.moment = new double[k];
        this.factor = new double[k * k];
        this.solution = new double[k];
        this.z = new double[k];
        this.best = new double[k];
        this.path = new double[setup.maxHorizon()];
        this.lags = new double[maxOrder];
    }

    /** The fewest samples a window must hold to fit order {@code p}: p lags and 2 (p + 1) equations. */
    public static int minimumSamples(int p) {
        return p + 2 * (p + 1);
    }

    /** The order of the series' current fit; 0 before the first. */
    public int order(int series) {
        return order[series];
    }

    /** The series' current lag coefficient {@code lag} (1-based); 0 beyond its order. */
    public double coefficient(int series, int lag) {
        return coefficients[series * (maxOrder + 1) + lag];
    }

    /** The series' current constant (on the samples less their window mean). */
    public double constant(int series) {
        return coefficients[series * (maxOrder + 1)];
    }

    @Override
    protected void learn(int series, double value, long index) {
        int n = available(series);
        if (n < minimumSamples(1)) {
            return;
        }
        // Series take turns (staggered by their key), so that a decision over many refits only some of them.
        if (order[series] == 0 || (index + series) % refit == 0) {
            fit(series, n);
        }
    }

    private void fit(int series, int n) {
        // Oldest first, less the mean.
        double mu = 0;
        for (int j = 0; j < n; j++) {
            samplesInOrder[j] = recent(series, n - 1 - j);
            mu += samplesInOrder[j];
        }
        mu /= n;
        for (int j = 0; j < n; j++) {
            samplesInOrder[j] -= mu;
        }
        // The largest order the window allows.
        int top = maxOrder;
        while (top > 1 && n < minimumSamples(top)) {
            top--;
        }
        int k = top + 1;
        int m = n - top; // equations, the same for every order
        java.util.Arrays.fill(gram, 0, k * k, 0);
        java.util.Arrays.fill(moment, 0, k, 0);
        double yy = 0;
        for (int t = top; t < n; t++) {
            double y = samplesInOrder[t];
            yy += y * y;
            accumulate(k, k, t, 1, y);
        }
        double scale = 0;
        for (int i = 1; i < k; i++) {
            scale += gram[i * k + i];
        }
        double ridge = RIDGE * (scale / top) + 1e-300;
        // The leading blocks of one Cholesky factor are the factors of every order's normal equations, and the
        // leading entries of one forward solve give every order's explained sum of squares (|L^-1 b|^2).
        int good = factorize(k, k, ridge);
        forward(k, good);
        double bestCriterion = Double.POSITIVE_INFINITY;
        int bestOrder = 0;
        double explained = good > 0 ? z[0] * z[0] : 0;
        for (int p = 1; p < good; p++) {
            int size = p + 1;
            explained += z[p] * z[p];
            double rss = Math.max(yy - explained, 1e-12 * m);
            double penalty = bic ? size * Math.log(m) : 2.0 * size;
            double criterion = m * Math.log(rss / m) + penalty;
            if (criterion < bestCriterion - 1e-9) {
                bestCriterion = criterion;
                bestOrder = p;
            }
        }
        if (bestOrder > 0) {
            backward(k, bestOrder + 1);
            System.arraycopy(solution, 0, best, 0, bestOrder + 1);
        }
        if (lad > 0 && bestOrder > 0) {
            leastAbsolute(top, n, bestOrder, ridge);
        }
        int base = series * (maxOrder + 1);
        java.util.Arrays.fill(coefficients, base, base + maxOrder + 1, 0);
        if (bestOrder == 0) { // unsolvable at every order: the window mean
            order[series] = 1;
        } else {
            System.arraycopy(best, 0, coefficients, base, bestOrder + 1);
            order[series] = bestOrder;
        }
        mean[series] = mu;
    }

    /**
     * Refits the chosen order by least absolute deviations, up to {@link #lad} rounds of iteratively reweighted
     * least squares from the least-squares fit in {@link #best} (weights 1 / max(|residual|, 0.001)), stopping
     * early once no coefficient moves by {@link #CONVERGED}: the conditional
     * median the absolute error asks for, which a spike moves less than the least-squares fit.
     */
    private void leastAbsolute(int top, int n, int p, double ridge) {
        int k = top + 1;
        int size = p + 1;
        for (int round = 0; round < lad; round++) {
            java.util.Arrays.fill(gram, 0, k * k, 0);
            java.util.Arrays.fill(moment, 0, k, 0);
            for (int t = top; t < n; t++) {
                double y = samplesInOrder[t];
                double fitted = best[0];
                for (int i = 1; i < size; i++) {
                    fitted += best[i] * samplesInOrder[t - i];
                }
                accumulate(k, size, t, 1 / Math.max(Math.abs(y - fitted), 1e-3), y);
            }
            if (factorize(k, size, ridge * 1e3) < size) {
                return;
            }
            forward(k, size);
            backward(k, size);
            double change = 0;
            for (int i = 0; i < size; i++) {
                change = Math.max(change, Math.abs(solution[i] - best[i]));
            }
            System.arraycopy(solution, 0, best, 0, size);
            if (change < CONVERGED) {
                return;
            }
        }
    }

    /**
     * Adds the equation at sample {@code t} (regressors 1 and the {@code size - 1} samples before it, outcome y),
     * weighted {@code w}, to the lower triangle of the normal equations' leading {@code size} block (stride k).
     */
    private void accumulate(int k, int size, int t, double w, double y) {
        moment[0] += w * y;
        gram[0] += w;
        for (int i = 1; i < size; i++) {
            double wxi = w * samplesInOrder[t - i];
            moment[i] += wxi * y;
            int row = i * k;
            gram[row] += wxi;
            for (int j = 1; j <= i; j++) {
                gram[row + j] += wxi * samplesInOrder[t - j];
            }
        }
    }

    /**
     * Cholesky-factors the leading {@code size x size} block of the normal equations (lower triangle of
     * {@code gram}, stride {@code k}), with the ridge on the lag diagonal, into {@link #factor} (same stride).
     *
     * @return how many leading rows factored (size, unless a pivot was not positive)
     */
    private int factorize(int k, int size, double ridge) {
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i * k + j] + (i == j && i > 0 ? ridge : 0);
                for (int l = 0; l < j; l++) {
                    sum -= factor[i * k + l] * factor[j * k + l];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return i;
                    }
                    factor[i * k + i] = Math.sqrt(sum);
                } else {
                    factor[i * k + j] = sum / factor[j * k + j];
                }
            }
        }
        return size;
    }

    /** L z = b for the leading {@code size} rows, into {@link #z}. */
    private void forward(int k, int size) {
        for (int i = 0; i < size; i++) {
            double sum = moment[i];
            for (int l = 0; l < i; l++) {
                sum -= factor[i * k + l] * z[l];
            }
            z[i] = sum / factor[i * k + i];
        }
    }

    /** L' x = z for the leading {@code size} rows, into {@link #solution}. */
    private void backward(int k, int size) {
        for (int i = size - 1; i >= 0; i--) {
            double sum = z[i];
            for (int l = i + 1; l < size; l++) {
                sum -= factor[l * k + i] * solution[l];
            }
            solution[i] = sum / factor[i * k + i];
        }
    }

    @Override
    protected double predict(int series, int horizon) {
        if (pathSeries != series || pathSamples != samples(series) || horizon > pathLength) {
            forecastPath(series, Math.max(horizon, setup.maxHorizon()));
        }
        return path[horizon - 1];
    }

    private void forecastPath(int series, int length) {
        if (path.length < length) {
            path = new double[length];
        }
        int n = available(series);
        if (order[series] == 0) {
            double sum = 0;
            for (int age = 0; age < n; age++) {
                sum += recent(series, age);
            }
            java.util.Arrays.fill(path, 0, length, sum / n);
        } else {
            int p = order[series];
            int base = series * (maxOrder + 1);
            double mu = mean[series];
            for (int lag = 0; lag < p; lag++) { // lags[0] is the latest
                lags[lag] = recent(series, Math.min(lag, n - 1)) - mu;
            }
            for (int h = 0; h < length; h++) {
                double next = coefficients[base];
                for (int lag = 0; lag < p; lag++) {
                    next += coefficients[base + 1 + lag] * lags[lag];
                }
                double value = clamp(mu + next);
                path[h] = value;
                System.arraycopy(lags, 0, lags, 1, p - 1);
                lags[0] = value - mu;
            }
        }
        pathSeries = series;
        pathSamples = samples(series);
        pathLength = length;
    }
}
