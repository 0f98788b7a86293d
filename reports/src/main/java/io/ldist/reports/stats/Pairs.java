package io.ldist.reports.stats;

/** Checks shared by the paired tests. */
final class Pairs {
    private Pairs() {
    }

    static void check(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
    }
}
