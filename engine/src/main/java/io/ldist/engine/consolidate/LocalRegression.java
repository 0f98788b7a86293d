package io.ldist.engine.consolidate;

import java.util.Arrays;

/**
 * Straight-line fits of a utilisation series against time (x = 1..n, oldest first), as the study's local
 * regression detectors use them: plain least squares, the LOESS fit with tricube weights centred on the newest
 * sample, and the robust LOESS fit that also down-weights outliers with bisquare weights of the residuals.
 */
final class LocalRegression {
    private LocalRegression() {
    }

    /** Intercept and slope, {@code {a, b}}, of y = a + b x minimising the weighted squared error. */
    static double[] fit(double[] y, double[] weights) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < y.length; i++) {
            double x = i + 1;
            sw += weights[i];
            sx += weights[i] * x;
            sy += weights[i] * y[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < y.length; i++) {
            double dx = i + 1 - mx;
            sxx += weights[i] * dx * dx;
            sxy += weights[i] * dx * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    static double[] ordinaryLeastSquares(double[] y) {
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1);
        return fit(y, ones);
    }

    /**
     * Tricube weights for a fit at the newest sample: w = (1 - (d / dmax)^3)^3 with d the distance in samples
     * from the newest; the oldest sample gets weight 0.
     */
    static double[] tricubeWeights(int n) {
        double[] weights = new double[n];
        double span = n - 1;
        for (int i = 0; i < n; i++) {
            double d = (n - 1 - i) / span;
            double t = 1 - d * d * d;
            weights[i] = t * t * t;
        }
        return weights;
    }

    static double[] loess(double[] y) {
        return fit(y, tricubeWeights(y.length));
    }

    /**
     * Robust LOESS: a tricube fit, then a refit with each sample's tricube weight times the bisquare weight
     * (1 - u^2)^2 of its residual u = e / (6 median |e|) (0 when |u| >= 1), repeated {@code iterations} times.
     */
    static double[] robustLoess(double[] y, int iterations) {
        double[] tricube = tricubeWeights(y.length);
        double[] estimates = fit(y, tricube);
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] residuals = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                residuals[i] = Math.abs(y[i] - (estimates[0] + estimates[1] * (i + 1)));
            }
            double scale = 6 * median(residuals.clone());
            if (scale == 0) {
                return estimates; // a perfect fit: nothing to down-weight
            }
            double[] weights = new double[y.length];
            double total = 0;
            for (int i = 0; i < y.length; i++) {
                double u = residuals[i] / scale;
                double b = u < 1 ? (1 - u * u) * (1 - u * u) : 0;
                weights[i] = tricube[i] * b;
                total += weights[i];
            }
            if (total == 0) {
                return estimates;
            }
            estimates = fit(y, weights);
        }
        return estimates;
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
