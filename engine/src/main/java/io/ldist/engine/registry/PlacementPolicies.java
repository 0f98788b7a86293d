package io.ldist.engine.registry;

import io.ldist.engine.place.CheapestPlacementPolicy;
import io.ldist.engine.place.FirstFitPlacementPolicy;
import io.ldist.engine.place.FitPlacementPolicy;
import io.ldist.engine.place.LeastLoadedPlacementPolicy;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import io.ldist.engine.score.Scorer;

/** Placement policies by name; the least-loaded one ranks servers with the scenario's scorer. */
public final class PlacementPolicies {
    private PlacementPolicies() {
    }

    public static PolicyFamily<PlacementPolicy> family(Scorer scorer) {
        return new PolicyFamily<PlacementPolicy>("place")
                .register("least-loaded", "the server with the lowest load score: spreads VMs and tasks",
                        (p, c) -> new LeastLoadedPlacementPolicy(scorer))
                .register("first-fit", "the first server the VM or task fits on: packs work onto few servers", (p, c) -> new FirstFitPlacementPolicy(false))
                .register("best-fit", "the server left with the least room by the VM or task", (p, c) -> new FitPlacementPolicy(true))
                .register("worst-fit", "the server left with the most room by the VM or task", (p, c) -> new FitPlacementPolicy(false))
                .register("first-fit-decreasing", "largest VMs first, each on the first server it fits on",
                        (p, c) -> new FirstFitPlacementPolicy(true))
                .register("pabfd", "power-aware best-fit-decreasing: largest VMs first, each (and each task) where power rises least",
                        (p, c) -> new PowerAwareBestFitDecreasingPlacementPolicy())
                .register("cheapest", "the server where the VM or task adds least cost per hour: energy, and the share "
                                + "of a busy server's price it takes (an empty server's whole price)",
                        (p, c) -> new CheapestPlacementPolicy(c.costs()))
                .byDefault("least-loaded");
    }
}
