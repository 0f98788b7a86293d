package io.ldist.scenario.spec;

/**
 * Live migration: it takes the VM's RAM over the bandwidth share given to migrations; meanwhile the source
 * serves the VM only {@code 1 - cpuLoss} of its demand and the target reserves {@code targetShare} of it.
 */
public record MigrationModel(double bandwidthShare, double cpuLoss, double targetShare) {
    /** The study's model: half the network, 10 % of the VM's CPU lost, 10 % held on the target. */
    public static final MigrationModel STUDY = new MigrationModel(0.5, 0.1, 0.1);

    public MigrationModel {
        if (!(bandwidthShare > 0 && bandwidthShare <= 1) || !(cpuLoss >= 0 && cpuLoss < 1)
                || !(targetShare >= 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("bandwidthShare must be in (0, 1], cpuLoss in [0, 1), targetShare in [0, 1]");
        }
    }

    /** Seconds to move {@code ramMb} MiB over a link of {@code netMbps} Mbit/s. */
    public double durationS(double ramMb, double netMbps) {
        return ramMb * 8 / (netMbps * bandwidthShare);
    }
}
