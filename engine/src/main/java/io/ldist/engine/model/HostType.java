package io.ldist.engine.model;

import java.util.Objects;

/**
 * A kind of server: its capacity, what it costs to run, how its power follows its load and how long it
 * takes to become usable.
 *
 * @param name             unique name, used in scenarios and reports
 * @param cores            physical cores; one VM core never gets more than one host core's MIPS
 * @param mipsPerCore      speed of one core
 * @param gpus             GPUs
 * @param ramMb            memory in MiB
 * @param netMbps          network bandwidth in Mbit/s (half of it carries live migrations)
 * @param priceUsdPerHour  price while running (booting, active or draining)
 * @param power            power curve over CPU utilisation
 * @param bootTimeS        seconds from launch to usable
 * @param resumeTimeS      seconds from standby (stopped) to usable; 0 means switched on instantly
 */
public record HostType(String name, int cores, double mipsPerCore, double gpus, double ramMb, double netMbps,
                       double priceUsdPerHour, PowerCurve power, double bootTimeS, double resumeTimeS) {
    public HostType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(power, "power");
        if (cores < 1) {
            throw new IllegalArgumentException("host type " + name + ": cores must be >= 1, was " + cores);
        }
        requirePositive(name, "mipsPerCore", mipsPerCore);
        requirePositive(name, "ramMb", ramMb);
        requirePositive(name, "netMbps", netMbps);
        requireNonNegative(name, "gpus", gpus);
        requireNonNegative(name, "priceUsdPerHour", priceUsdPerHour);
        requireNonNegative(name, "bootTimeS", bootTimeS);
        requireNonNegative(name, "resumeTimeS", resumeTimeS);
    }

    private static void requirePositive(String type, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("host type " + type + ": " + field + " must be > 0, was " + value);
        }
    }

    private static void requireNonNegative(String type, String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("host type " + type + ": " + field + " must be >= 0, was " + value);
        }
    }

    public double totalMips() {
        return cores * mipsPerCore;
    }

    public Resources capacity() {
        return new Resources(totalMips(), gpus, ramMb, netMbps);
    }
}
