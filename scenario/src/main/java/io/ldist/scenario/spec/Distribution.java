package io.ldist.scenario.spec;

import java.util.SplittableRandom;

/** A distribution of non-negative values, sampled from the run's seeded generator. */
public sealed interface Distribution {

    double sample(SplittableRandom random);

    double mean();

    /** The largest value it can give (infinite for an unbounded one). */
    double max();

    record Fixed(double value) implements Distribution {
        public Fixed {
            requireNonNegative(value);
        }

        @Override
        public double sample(SplittableRandom random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double max() {
            return value;
        }
    }

    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            requireNonNegative(min);
            if (!(max >= min)) {
                throw new IllegalArgumentException("uniform max must be >= min");
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return min == max ? min : min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }

    record Exponential(double mean) implements Distribution {
        public Exponential {
            if (!(mean > 0)) {
                throw new IllegalArgumentException("exponential mean must be > 0");
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return -mean * Math.log(1 - random.nextDouble());
        }

        @Override
        public double max() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** One of the given values, each equally likely. */
    record Choice(double[] values) implements Distribution {
        public Choice {
            if (values.length == 0) {
                throw new IllegalArgumentException("choice needs at least one value");
            }
            for (double v : values) {
                requireNonNegative(v);
            }
            values = values.clone();
        }

        @Override
        public double sample(SplittableRandom random) {
            return values[random.nextInt(values.length)];
        }

        @Override
        public double mean() {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        @Override
        public double max() {
            double largest = 0;
            for (double v : values) {
                largest = Math.max(largest, v);
            }
            return largest;
        }
    }

    private static void requireNonNegative(double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("distribution values must be finite and >= 0, got " + value);
        }
    }
}
