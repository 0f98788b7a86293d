package io.ldist.engine.scale;

import io.ldist.engine.model.HostType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Threshold scaling of a fleet of servers, optionally with predictive scale-out ({@link ScaleOutForecast}).
 *
 * @param scaleOutThreshold fleet load (mean over the window) above which servers are added
 * @param scaleInThreshold  fleet load below which one server is drained and retired
 * @param windowS           how long the fleet load is averaged over
 * @param cooldownS         least time between two load-driven scaling actions
 * @param minHosts          fewest running servers
 * @param maxHosts          most running servers (booting, active or draining)
 * @param step              servers added per scale-out
 * @param launchType        type of the servers launched
 * @param standbyPool       stopped servers kept warm, resumed before any new launch
 * @param drainByMigration  when retiring a server, move its VMs to others with room instead of waiting for
 *                          their tasks to finish
 * @param forecast          predictive scale-out on top of the thresholds, or null for thresholds alone
 * @param launchTypes       the types a scale-out may launch, {@code launchType} first; with more than one it
 *                          launches the one that carries the waiting demand at the lowest cost per hour
 *                          ({@link LaunchTypeChoice})
 * @param pool              how the standby pool is sized ({@code standbyPool} is its size when fixed, and its
 *                          size until a varying pool knows better)
 */
public record ScalingSettings(double scaleOutThreshold, double scaleInThreshold, double windowS, double cooldownS,
                              int minHosts, int maxHosts, int step, HostType launchType, int standbyPool,
                              boolean drainByMigration, ScaleOutForecast forecast, List<HostType> launchTypes,
                              StandbyPool pool) {
    /** What a scenario gets for the settings it leaves out. */
    public static final double DEFAULT_SCALE_OUT = 0.8;
    public static final double DEFAULT_SCALE_IN = 0.2;
    public static final double DEFAULT_WINDOW_S = 300;
    public static final double DEFAULT_COOLDOWN_S = 300;

    /** Scaling with a standby pool of a fixed size. */
    public ScalingSettings(double scaleOutThreshold, double scaleInThreshold, double windowS, double cooldownS,
                           int minHosts, int maxHosts, int step, HostType launchType, int standbyPool,
                           boolean drainByMigration, ScaleOutForecast forecast, List<HostType> launchTypes) {
        this(scaleOutThreshold, scaleInThreshold, windowS, cooldownS, minHosts, maxHosts, step, launchType,
                standbyPool, drainByMigration, forecast, launchTypes, null);
    }

    /** Scaling that launches {@code launchType} only. */
    public ScalingSettings(double scaleOutThreshold, double scaleInThreshold, double windowS, double cooldownS,
                           int minHosts, int maxHosts, int step, HostType launchType, int standbyPool,
                           boolean drainByMigration, ScaleOutForecast forecast) {
        this(scaleOutThreshold, scaleInThreshold, windowS, cooldownS, minHosts, maxHosts, step, launchType,
                standbyPool, drainByMigration, forecast, List.of(launchType));
    }

    /** Threshold scaling alone. */
    public ScalingSettings(double scaleOutThreshold, double scaleInThreshold, double windowS, double cooldownS,
                           int minHosts, int maxHosts, int step, HostType launchType, int standbyPool,
                           boolean drainByMigration) {
        this(scaleOutThreshold, scaleInThreshold, windowS, cooldownS, minHosts, maxHosts, step, launchType,
                standbyPool, drainByMigration, null);
    }

    public ScalingSettings {
        Objects.requireNonNull(launchType, "launchType");
        List<HostType> choices = new ArrayList<>(List.of(launchType));
        for (HostType type : launchTypes == null ? List.<HostType>of() : launchTypes) {
            if (choices.stream().noneMatch(known -> known.name().equals(type.name()))) {
                choices.add(type);
            }
        }
        launchTypes = List.copyOf(choices);
        if (pool != null) {
            standbyPool = pool.size();
        } else if (standbyPool >= 0) {
            pool = StandbyPool.fixed(standbyPool);
        }
        if (!(scaleInThreshold >= 0 && scaleInThreshold < scaleOutThreshold)) {
            throw new IllegalArgumentException("scale-in threshold must be >= 0 and below the scale-out threshold, got "
                    + scaleInThreshold + " and " + scaleOutThreshold);
        }
        if (minHosts < 0 || maxHosts < Math.max(1, minHosts) || step < 1 || standbyPool < 0) {
            throw new IllegalArgumentException("need 0 <= minHosts <= maxHosts, maxHosts >= 1, step >= 1 "
                    + "and standbyPool >= 0");
        }
        if (!(windowS >= 0) || !(cooldownS >= 0)) {
            throw new IllegalArgumentException("window and cooldown must be >= 0");
        }
    }
}
