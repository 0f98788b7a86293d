package io.ldist.live.hypervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * How Run Command invocations are timed.
 *
 * @param callTimeout        how long one list/create/start/stop/remove may take, from SendCommand to a result
 * @param moveTimeout        the same for Move-VM, which copies the VM's storage and may take far longer
 * @param firstPoll          wait before the first GetCommandInvocation; doubled after each poll up to maxPoll
 * @param maxPoll            the longest wait between two polls
 * @param invocationAppears  how long "InvocationDoesNotExist" right after SendCommand is read as "not yet there"
 */
public record SsmRunSettings(Duration callTimeout, Duration moveTimeout, Duration firstPoll, Duration maxPoll,
                             Duration invocationAppears) {

    /** SendCommand refuses a delivery timeout under 30 s. */
    static final long MIN_DELIVERY_TIMEOUT_S = 30;

    public static SsmRunSettings defaults() {
        return new SsmRunSettings(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    public SsmRunSettings {
        requirePositive(callTimeout, "callTimeout");
        requirePositive(moveTimeout, "moveTimeout");
        requirePositive(firstPoll, "firstPoll");
        requirePositive(maxPoll, "maxPoll");
        requirePositive(invocationAppears, "invocationAppears");
        if (maxPoll.compareTo(firstPoll) < 0) {
            throw new IllegalArgumentException("maxPoll " + maxPoll + " is shorter than firstPoll " + firstPoll);
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
