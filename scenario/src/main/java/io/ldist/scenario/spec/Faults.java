package io.ldist.scenario.spec;

import java.util.List;

/**
 * Faults injected into a run.
 *
 * @param crashes  servers that crash at given times
 * @param random   random crashes of any running server, or null
 * @param flaky    servers whose tasks fail at some rate for a while
 */
public record Faults(List<HostCrash> crashes, RandomCrashes random, List<FlakyHost> flaky) {
    public static final Faults NONE = new Faults(List.of(), null, List.of());

    public Faults {
        crashes = List.copyOf(crashes);
        flaky = List.copyOf(flaky);
    }

    /**
     * Server {@code host} crashes at {@code atS} if it is in service then (active or draining); it is repaired {@code repairAfterS} later (+infinity:
     * never) and then rejoins the standby pool, empty. {@link #BUSIEST} picks, at that moment, the active
     * server running the most tasks (then VMs), so the crash hits whatever scaling did before.
     */
    public record HostCrash(int host, double atS, double repairAfterS) {
        public static final int BUSIEST = -1;

        public HostCrash {
            if (host < BUSIEST || !(atS >= 0) || !(repairAfterS > 0)) {
                throw new IllegalArgumentException("a crash needs a host index (or BUSIEST), at >= 0 and repairAfter > 0");
            }
        }
    }

    /** Every running server crashes after an exponential time with mean {@code mtbfS}, repaired after mean {@code mttrS}. */
    public record RandomCrashes(double mtbfS, double mttrS) {
        public RandomCrashes {
            if (!(mtbfS > 0) || !(mttrS > 0)) {
                throw new IllegalArgumentException("MTBF and MTTR must be > 0");
            }
        }
    }

    /** Between {@code fromS} and {@code toS}, each task that finishes on {@code host} fails with probability {@code errorRate}. */
    public record FlakyHost(int host, double fromS, double toS, double errorRate) {
        public FlakyHost {
            if (host < 0 || !(fromS >= 0 && toS > fromS) || !(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("a flaky host needs host >= 0, 0 <= from < to, rate in [0, 1]");
            }
        }
    }
}
