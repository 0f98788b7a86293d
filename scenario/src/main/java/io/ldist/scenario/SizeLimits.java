package io.ldist.scenario;

import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.Surge;

import java.util.List;
import java.util.Locale;

/**
 * The sizes a scenario may ask for as a whole, where each field is in range but their product is not: servers
 * times {@code scale}, trace files times {@code scale}, the run's length over its intervals, the tasks its
 * arrivals generate. The simulator holds servers and VMs in int-indexed arrays, so a product past these bounds
 * would overflow or exhaust any heap; refused here, with the fields that make it, before any work.
 */
final class SizeLimits {
    /** Servers at the start, or at most under scaling. Each is a few hundred bytes in the simulator. */
    static final int MAX_SERVERS = 1_000_000;
    /** VMs of a vm-trace workload (trace files times scale); each keeps a history of 30 samples. */
    static final int MAX_VMS = 10_000_000;
    /** Periodic decisions in one run (duration / decisionInterval). */
    static final long MAX_DECISIONS = 10_000_000;
    /** Health rounds in one run (duration / health.interval). */
    static final long MAX_HEALTH_CHECKS = 100_000_000;
    /** Tasks a generated stream brings on average over the run (arrivals.perHour x hours). */
    static final double MAX_TASKS = 100_000_000;

    private SizeLimits() {
    }

    /** {@code count x scale}, saturated to an int (the check below refuses the total anyway). */
    static int times(int count, int scale) {
        return (int) Math.min(Integer.MAX_VALUE, (long) count * scale);
    }

    /** Scaling's default ceiling: ten times the servers at the start, within {@link #MAX_SERVERS}. */
    static int defaultMaxHosts(int initialHosts) {
        return (int) Math.min(MAX_SERVERS, Math.max(1, initialHosts) * 10L);
    }

    static void checkServers(FieldReader in, List<Integer> counts, int scale) {
        long total = 0;
        for (int count : counts) {
            total += (long) Math.max(0, count) * scale;
        }
        if (total <= MAX_SERVERS) {
            return;
        }
        String found = scale > 1 ? number(total / scale) + " servers x scale " + scale + " = " + number(total)
                : number(total) + " servers";
        in.problem(scale > 1 ? "/scale" : "/fleet/hosts", "at most " + number(MAX_SERVERS)
                + " servers at the start (the counts of fleet.hosts times scale)", found);
    }

    static void checkVms(FieldReader in, int traceFiles, int scale) {
        long vms = (long) traceFiles * scale;
        if (vms > MAX_VMS) {
            in.problem("/scale", "at most " + number(MAX_VMS) + " VMs (the trace's files times scale)",
                    number(traceFiles) + " files x scale " + scale + " = " + number(vms));
        }
    }

    /** The template's VMs on the most servers the run may hold (at the start, or at scaling's maxHosts). */
    static void checkTemplateVms(FieldReader in, String at, int servers, int perHost) {
        long vms = (long) servers * perHost;
        if (vms > MAX_VMS) {
            in.problem(at + "/perHost", "at most " + number(MAX_VMS) + " template VMs in all (perHost "
                    + "times the " + number(servers) + " servers the run may hold)", perHost + ", " + number(vms)
                    + " VMs");
        }
    }

    /** The run's length against its intervals; the durations are in seconds, already read and positive. */
    static void checkRounds(FieldReader in, double durationS, double intervalS, double healthS) {
        if (durationS / intervalS > MAX_DECISIONS) {
            in.problem("/decisionInterval", "at most " + number(MAX_DECISIONS) + " decisions in the run (a "
                    + "decision interval of at least " + seconds(durationS / MAX_DECISIONS) + " for duration "
                    + in.text("/duration", "24h") + ")", in.text("/decisionInterval", ""));
        }
        if (durationS / healthS > MAX_HEALTH_CHECKS) {
            in.problem("/health/interval", "at most " + number(MAX_HEALTH_CHECKS) + " health checks in the run (an "
                    + "interval of at least " + seconds(durationS / MAX_HEALTH_CHECKS) + " for duration "
                    + in.text("/duration", "24h") + ")", in.text("/health/interval", ""));
        }
    }

    /**
     * The tasks the stream draws over the run at its peak rate (arrivals are drawn at the peak and thinned), so
     * that a daily profile or stacked surges cannot multiply a modest rate past any run's reach.
     */
    static void checkArrivals(FieldReader in, double perHour, double[] profile, List<Surge> surges,
                              double durationS) {
        double peak = 1;
        if (profile != null) {
            peak = 0;
            for (double hour : profile) {
                peak = Math.max(peak, hour);
            }
        }
        for (Surge surge : surges) {
            peak *= Math.max(1, surge.factor());
        }
        double tasks = perHour * peak * durationS / 3600;
        if (tasks > MAX_TASKS) {
            in.problem("/workload/arrivals/perHour", "at most " + number((long) MAX_TASKS) + " tasks over the run "
                    + "at the peak rate (perHour x the largest dailyProfile value x the surge factors x the hours "
                    + "of duration " + in.text("/duration", "24h") + ")", in.text("/workload/arrivals/perHour", "")
                    + ", " + String.format(Locale.ROOT, "%,.0f", tasks) + " tasks");
        }
    }

    static int servers(List<HostGroup> groups) {
        return (int) Math.min(Integer.MAX_VALUE, groups.stream().mapToLong(HostGroup::count).sum());
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0fs", Math.ceil(value))
                : String.format(Locale.ROOT, "%.0fms", Math.ceil(value * 1000));
    }
}
