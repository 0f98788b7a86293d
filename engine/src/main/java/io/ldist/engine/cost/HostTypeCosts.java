package io.ldist.engine.cost;

/**
 * What a host type costs beyond its on-demand price: the hypervisor's licence per running host-hour, the
 * storage of a stopped host in the warm pool per hour, and a reservation (reserved instances or a savings
 * plan): {@code reservedHosts} hosts paid at {@code reservedUsdPerHour} for the whole run, used or not, which
 * cover that many running hosts of the type at each instant (those beyond pay the on-demand price).
 */
public record HostTypeCosts(double licenceUsdPerHour, double stoppedUsdPerHour, int reservedHosts,
                            double reservedUsdPerHour) {
    public static final HostTypeCosts NONE = new HostTypeCosts(0, 0, 0, 0);

    public HostTypeCosts {
        CostModel.requireAmount("licenceUsdPerHour", licenceUsdPerHour);
        CostModel.requireAmount("stoppedUsdPerHour", stoppedUsdPerHour);
        CostModel.requireAmount("reservedUsdPerHour", reservedUsdPerHour);
        if (reservedHosts < 0) {
            throw new IllegalArgumentException("reservedHosts must be >= 0, was " + reservedHosts);
        }
    }

    public boolean reserves() {
        return reservedHosts > 0;
    }
}
