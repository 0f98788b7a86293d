package io.ldist.engine.model;

/**
 * A resource vector over the four dimensions ldist balances: CPU (MIPS), GPUs, RAM (MiB) and network
 * (Mbit/s). Used for capacities, reservations and demands alike.
 */
public record Resources(double cpuMips, double gpus, double ramMb, double netMbps) {
    public static final Resources ZERO = new Resources(0, 0, 0, 0);

    public Resources {
        requireFinite("cpuMips", cpuMips);
        requireFinite("gpus", gpus);
        requireFinite("ramMb", ramMb);
        requireFinite("netMbps", netMbps);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    public Resources plus(Resources other) {
        return new Resources(cpuMips + other.cpuMips, gpus + other.gpus, ramMb + other.ramMb, netMbps + other.netMbps);
    }

    public Resources minus(Resources other) {
        return new Resources(cpuMips - other.cpuMips, gpus - other.gpus, ramMb - other.ramMb, netMbps - other.netMbps);
    }

    public Resources times(double factor) {
        return new Resources(cpuMips * factor, gpus * factor, ramMb * factor, netMbps * factor);
    }

    /** True when every dimension of {@code demand} fits in this vector. */
    public boolean fits(Resources demand) {
        return demand.cpuMips <= cpuMips && demand.gpus <= gpus && demand.ramMb <= ramMb && demand.netMbps <= netMbps;
    }

    public boolean isNonNegative() {
        return cpuMips >= 0 && gpus >= 0 && ramMb >= 0 && netMbps >= 0;
    }
}
