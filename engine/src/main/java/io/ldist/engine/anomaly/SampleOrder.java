package io.ldist.engine.anomaly;

/** The checks every detector makes on a sample before it learns from it: order, length, finiteness. */
final class SampleOrder {
    private final int dimensions;
    private long last = -1;

    SampleOrder(int dimensions) {
        this.dimensions = dimensions;
    }

    void check(long index, double[] values) {
        if (index <= last) {
            throw new IllegalArgumentException("samples must come in order: index " + index + " after " + last);
        }
        if (values.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " values, found " + values.length);
        }
        for (int d = 0; d < values.length; d++) {
            if (!Double.isFinite(values[d])) {
                throw new IllegalArgumentException("value " + d + " at index " + index + " must be finite, was "
                        + values[d]);
            }
        }
        last = index;
    }
}
