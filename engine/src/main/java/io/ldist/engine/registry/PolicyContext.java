package io.ldist.engine.registry;

import io.ldist.engine.cost.CostModel;

import java.util.Objects;

/**
 * Facts of the scenario some policies need besides their own parameters: how often decisions come (local
 * regression looks that many intervals ahead), the share of a server's network that carries live migration
 * (to estimate how long one takes), the seed of the policies' own random choices, and the prices (the
 * cheapest placement and scale-out choose by them).
 */
public record PolicyContext(double decisionIntervalS, double migrationBandwidthShare, long seed, CostModel costs) {
    public static final PolicyContext DEFAULT = new PolicyContext(300, 0.5, 1);

    public PolicyContext {
        Objects.requireNonNull(costs, "costs");
        if (!(decisionIntervalS > 0) || !(migrationBandwidthShare > 0 && migrationBandwidthShare <= 1)) {
            throw new IllegalArgumentException("decision interval must be > 0 and bandwidth share in (0, 1]");
        }
    }

    /** A scenario without prices beyond its host types' on-demand prices. */
    public PolicyContext(double decisionIntervalS, double migrationBandwidthShare, long seed) {
        this(decisionIntervalS, migrationBandwidthShare, seed, CostModel.NONE);
    }

    public PolicyContext withSeed(long newSeed) {
        return new PolicyContext(decisionIntervalS, migrationBandwidthShare, newSeed, costs);
    }

    public PolicyContext withCosts(CostModel newCosts) {
        return new PolicyContext(decisionIntervalS, migrationBandwidthShare, seed, newCosts);
    }

    /** Seconds to live-migrate {@code ramMb} MiB over a {@code netMbps} link. */
    public double migrationTimeS(double ramMb, double netMbps) {
        return ramMb * 8 / (netMbps * migrationBandwidthShare);
    }
}
