package io.ldist.engine.model;

import java.util.Arrays;

/**
 * Power drawn by a server as a function of its CPU utilisation, given at evenly spaced utilisation points
 * (SPECpower publishes 0 %, 10 %, ..., 100 %) and interpolated linearly between them.
 */
public final class PowerCurve {
    private final double[] watts;
    private final int segments;
    /** For each piece, the least slope of it and every piece above it. */
    private final double[] leastSlopeFromPiece;
    private final double highestWatts;

    public PowerCurve(double... wattsAtEvenPoints) {
        if (wattsAtEvenPoints.length < 2) {
            throw new IllegalArgumentException("a power curve needs at least 2 points (idle and full), got "
                    + wattsAtEvenPoints.length);
        }
        for (double w : wattsAtEvenPoints) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("power values must be finite and >= 0, got " + w);
            }
        }
        this.watts = wattsAtEvenPoints.clone();
        this.highestWatts = Arrays.stream(watts).max().getAsDouble();
        this.segments = watts.length - 1;
        this.leastSlopeFromPiece = new double[segments];
        double least = Double.POSITIVE_INFINITY;
        for (int i = segments - 1; i >= 0; i--) {
            least = Math.min(least, (watts[i + 1] - watts[i]) * segments);
            leastSlopeFromPiece[i] = least;
        }
    }

    /** A curve that draws the same power whatever the load (a server that is not power-managed). */
    public static PowerCurve constant(double watts) {
        return new PowerCurve(watts, watts);
    }

    /** Watts at utilisation {@code u}; {@code u} is clamped to [0, 1]. */
    public double watts(double u) {
        if (u <= 0) {
            return watts[0];
        }
        if (u >= 1) {
            return watts[segments];
        }
        double position = u * segments;
        int index = (int) position;
        double fraction = position - index;
        return watts[index] + (watts[index + 1] - watts[index]) * fraction;
    }

    /**
     * The least slope (watts per unit of utilisation) of the pieces from utilisation {@code u} up to full load:
     * between {@code u} and any higher utilisation the curve rises at least this fast.
     */
    public double leastSlopeFrom(double u) {
        int first = u <= 0 ? 0 : Math.min(segments - 1, (int) (u * segments));
        return leastSlopeFromPiece[first];
    }

    public double idleWatts() {
        return watts[0];
    }

    public double maxWatts() {
        return watts[segments];
    }

    /** The highest power at any point of the curve (a curve may fall, so this is not always {@link #maxWatts}). */
    public double highestWatts() {
        return highestWatts;
    }

    /** How many linear pieces the curve has (points less one). */
    public int segments() {
        return segments;
    }

    public double[] points() {
        return watts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PowerCurve curve && Arrays.equals(watts, curve.watts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(watts);
    }

    @Override
    public String toString() {
        return "PowerCurve" + Arrays.toString(watts);
    }
}
