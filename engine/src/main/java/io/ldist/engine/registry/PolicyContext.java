package io.ldist.engine.registry;

/**
 * Facts of the scenario some policies need besides their own parameters: how often decisions come (local
 * regression looks that many intervals ahead), the share of a server's network that carries live migration
 * (to estimate how long one takes), and the seed of the policies' own random choices.
 */
public record PolicyContext(double decisionIntervalS, double migrationBandwidthShare, long seed) {
    public static final PolicyContext DEFAULT = new PolicyContext(300, 0.5, 1);

    public PolicyContext {
        if (!(decisionIntervalS > 0) || !(migrationBandwidthShare > 0 && migrationBandwidthShare <= 1)) {
            throw new IllegalArgumentException("decision interval must be > 0 and bandwidth share in (0, 1]");
        }
    }

    /** Seconds to live-migrate {@code ramMb} MiB over a {@code netMbps} link. */
    public double migrationTimeS(double ramMb, double netMbps) {
        return ramMb * 8 / (netMbps * migrationBandwidthShare);
    }
}
