package io.ldist.reports.charts;

import io.ldist.reports.Metric;

/** How metrics are named on axes and in titles. */
public final class Labels {
    private Labels() {
    }

    /** "energy (kWh)", "migrations": the label with its unit. */
    public static String axis(Metric metric) {
        return metric.unit().isEmpty() ? metric.label() : metric.label() + " (" + metric.unit() + ")";
    }

    /** The label as it starts a title: "Energy", "SLAV". */
    public static String title(Metric metric) {
        String label = metric.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
