package io.ldist.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ldist.reports.Metric.Direction.HIGHER_IS_BETTER;
import static io.ldist.reports.Metric.Direction.LOWER_IS_BETTER;
import static io.ldist.reports.Metric.Direction.NONE;

/**
 * The headline metrics every run writes to summary.json, in the order reports show them, each with the direction
 * that is better. Counts the workload or the faults decide (tasks arrived and completed, failovers) have none;
 * nor have server shutdowns and the time before one, since switching servers off is how consolidation saves
 * energy and switching them off soon after they came on is churn: more or fewer, sooner or later, is no merit by
 * itself. A longer time before a VM migration is better: each migration slows the VM (see PDM).
 */
public final class Metrics {
    private Metrics() {
    }

    public static final String ENERGY = "Energy and cost";
    public static final String SLA = "Service level (VM traces)";
    public static final String FLEET = "Fleet";
    public static final String TASKS = "Tasks";
    public static final String FAILOVER = "Failover";
    public static final String UPDATES = "Rolling updates";
    public static final String TIERS = "Service tiers";
    /** A service tier's metrics are named {@code tier.NAME.METRIC}. */
    public static final String TIER_PREFIX = "tier.";
    public static final String POOLS = "Pools";
    /** A pool's metrics are named {@code pool.NAME.METRIC}. */
    public static final String POOL_PREFIX = "pool.";

    public static final List<Metric> ALL = List.of(
            new Metric("energyKWh", "energy", "kWh", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Energy drawn by powered servers: the power curve at their CPU utilisation, integrated over time."),
            new Metric("costUsd", "cost", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "What the run paid: running servers (booting, active, draining) times their price per hour, "
                            + "and, where the scenario prices them (costs), the parts below."),
            new Metric("costOnDemandUsd", "cost: on-demand hours", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Running servers that no reservation covers, times their on-demand price per hour."),
            new Metric("costReservedUsd", "cost: reservations", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Reserved servers times their price per hour over the whole run, whether they ran or not."),
            new Metric("costLicencesUsd", "cost: licences", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Hypervisor or OS licences per running server-hour."),
            new Metric("costStandbyUsd", "cost: stopped standby servers", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Servers waiting stopped in the warm pool, times their storage price per hour."),
            new Metric("costEnergyUsd", "cost: energy", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Energy drawn, times the price per kWh."),
            new Metric("costMigrationsUsd", "cost: migrations", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Memory copied by migrations times the price per GB, and the time VMs ran degraded while "
                            + "migrating times its penalty per second."),
            new Metric("costSlaUsd", "cost: SLA penalties", "USD", 1, 2, LOWER_IS_BETTER, ENERGY,
                    "Overloaded server-hours, late tasks and dropped tasks, each times its penalty."),
            new Metric("slatah", "SLATAH", "%", 100, 3, LOWER_IS_BETTER, SLA,
                    "Share of the time servers with load spent unable to give their VMs all the CPU they asked for."),
            new Metric("pdm", "PDM", "%", 100, 4, LOWER_IS_BETTER, SLA,
                    "Performance degradation due to migration: CPU migrating VMs asked for and did not get, over all CPU asked for."),
            new Metric("slav", "SLAV", "%", 100, 6, LOWER_IS_BETTER, SLA, "SLATAH x PDM."),
            new Metric("esv", "ESV", "kWh x SLAV", 1, 6, LOWER_IS_BETTER, SLA, "Energy x SLAV."),
            new Metric("migrations", "migrations", "", 1, 0, LOWER_IS_BETTER, FLEET, "Live migrations started."),
            new Metric("activeHostsMean", "mean active servers", "servers", 1, 2, LOWER_IS_BETTER, FLEET,
                    "Active or draining servers, averaged over the run."),
            new Metric("peakHosts", "peak servers running", "servers", 1, 0, LOWER_IS_BETTER, FLEET,
                    "The most servers running at once (booting, active, draining or being updated): paid for at "
                            + "their hourly price, what a fleet must be able to buy at its peak."),
            new Metric("standbyHostsMean", "mean stopped servers", "servers", 1, 2, NONE, FLEET,
                    "Servers stopped or switched off (the standby pool, ready to resume), averaged over the run: "
                            + "paid for their storage only."),
            new Metric("hostShutdowns", "server shutdowns", "", 1, 0, NONE, FLEET,
                    "Times a server was switched off or retired: how consolidation saves energy, but churn when "
                            + "servers go off soon after coming on."),
            new Metric("meanTimeToCapacityS", "mean time to capacity", "s", 1, 1, LOWER_IS_BETTER, FLEET,
                    "From a scale-out asking for servers until all it asked for meanwhile are active, averaged over "
                            + "scale-outs: a warm standby pool resumes servers in its resume time instead of a boot "
                            + "time."),
            new Metric("maxTimeToCapacityS", "longest time to capacity", "s", 1, 1, LOWER_IS_BETTER, FLEET,
                    "The longest of those times."),
            new Metric("meanTimeBeforeHostShutdownS", "mean time before a shutdown", "s", 1, 0, NONE, FLEET,
                    "From a server becoming active to its shutdown, averaged over shutdowns: longer is less churn, "
                            + "shorter is servers switched off sooner."),
            new Metric("meanTimeBeforeVmMigrationS", "mean time before a VM migration", "s", 1, 0, HIGHER_IS_BETTER,
                    FLEET, "From a VM starting (or its last migration ending) to its next migration, averaged over "
                            + "migrations; each migration slows the VM (PDM)."),
            new Metric("unplaced", "VMs that waited for a server", "VMs", 1, 0, LOWER_IS_BETTER, FLEET,
                    "VMs that found no server at a decision at least once."),
            new Metric("affinityHardViolations", "hard affinity rules broken", "rule-intervals", 1, 0,
                    LOWER_IS_BETTER, FLEET, "Hard affinity groups broken, counted once per group per decision "
                            + "interval; the engine never breaks one, so any value but 0 is a bug."),
            new Metric("affinitySoftViolations", "soft affinity rules broken", "rule-intervals", 1, 0,
                    LOWER_IS_BETTER, FLEET, "Soft affinity groups broken, counted once per group per decision "
                            + "interval: what their weight traded for energy and packing."),
            new Metric("tasksArrived", "tasks arrived", "", 1, 0, NONE, TASKS,
                    "Tasks that arrived: the workload's doing."),
            new Metric("tasksCompleted", "tasks completed", "", 1, 0, NONE, TASKS,
                    "Tasks that finished successfully: mostly the workload's doing (the tasks a policy fails show "
                            + "as dropped, late or waiting)."),
            new Metric("tasksLate", "tasks late", "", 1, 0, LOWER_IS_BETTER, TASKS,
                    "Completed tasks that finished after their deadline."),
            new Metric("tasksDropped", "tasks dropped", "", 1, 0, LOWER_IS_BETTER, TASKS,
                    "Tasks given up: failed too often, or waited longer than allowed."),
            new Metric("p50WaitS", "median wait", "s", 1, 1, LOWER_IS_BETTER, TASKS,
                    "Time from arrival to first start, median."),
            new Metric("p95WaitS", "95th percentile wait", "s", 1, 1, LOWER_IS_BETTER, TASKS,
                    "Time from arrival to first start, 95th percentile."),
            new Metric("p99WaitS", "99th percentile wait", "s", 1, 1, LOWER_IS_BETTER, TASKS,
                    "Time from arrival to first start, 99th percentile."),
            new Metric("failovers", "failovers", "", 1, 0, NONE, FAILOVER,
                    "Servers declared failed and fenced off: the faults' doing."),
            new Metric("failoversUnrecovered", "failovers not recovered", "", 1, 0, LOWER_IS_BETTER, FAILOVER,
                    "Failovers whose VMs were not all running again elsewhere when the run ended; the times to "
                            + "recover leave them out."),
            new Metric("meanTimeToRecoverS", "mean time to recover", "s", 1, 1, LOWER_IS_BETTER, FAILOVER,
                    "From a server's crash until all its VMs run again elsewhere, over the failovers that "
                            + "recovered."),
            new Metric("maxTimeToRecoverS", "longest time to recover", "s", 1, 1, LOWER_IS_BETTER, FAILOVER,
                    "The longest of those times."),
            new Metric("updates", "rolling updates", "", 1, 0, NONE, UPDATES,
                    "Rolling updates the scenario asked for (only runs that asked for one report this group)."),
            new Metric("updatesAborted", "updates aborted", "", 1, 0, LOWER_IS_BETTER, UPDATES,
                    "Updates whose abort rule was breached while a batch was still to start."),
            new Metric("updatesUnfinished", "updates unfinished at the end", "", 1, 0, LOWER_IS_BETTER, UPDATES,
                    "Updates still under way when the run ended (measured up to the end)."),
            new Metric("updateDurationS", "update duration", "s", 1, 0, LOWER_IS_BETTER, UPDATES,
                    "From an update's start to its last server back in service, summed over updates."),
            new Metric("serversUpdated", "servers updated", "", 1, 0, HIGHER_IS_BETTER, UPDATES,
                    "Servers that came back from their update."),
            new Metric("updateBatches", "update batches", "", 1, 0, NONE, UPDATES, "Batches started."),
            new Metric("updateMaxServersOut", "most servers out at once", "", 1, 0, NONE, UPDATES,
                    "The most servers draining or down for an update at the same time."),
            new Metric("updateTasksLate", "tasks late during updates", "", 1, 0, LOWER_IS_BETTER, UPDATES,
                    "Tasks that finished after their deadline while an update was under way."),
            new Metric("updateTasksDropped", "tasks dropped during updates", "", 1, 0, LOWER_IS_BETTER, UPDATES,
                    "Tasks given up while an update was under way."),
            new Metric("updateSlav", "SLAV during updates", "%", 100, 6, LOWER_IS_BETTER, UPDATES,
                    "SLATAH x PDM over the time updates were under way."),
            new Metric("updateCostUsd", "fleet cost during updates", "USD", 1, 2, NONE, UPDATES,
                    "What the whole fleet cost while updates were under way (longer updates cost more of it)."),
            new Metric("updateExtraCostUsd", "extra servers' cost", "USD", 1, 2, LOWER_IS_BETTER, UPDATES,
                    "On-demand price of the servers resumed or launched for the updates, from then to the update's "
                            + "end."));

    /**
     * The metrics a quick look shows first (compare's summary, a sweep's charts), when the runs measured them (the
     * rolling update ones only in runs that asked for an update).
     */
    public static final List<String> HEADLINE = List.of("energyKWh", "migrations", "slatah", "pdm", "slav",
            "costUsd", "tasksLate", "tasksDropped", "p95WaitS", "updateDurationS", "serversUpdated",
            "updateTasksLate", "updateExtraCostUsd");

    /** The parts of costUsd, in the order they stack. */
    public static final List<String> COST_PARTS = List.of("costOnDemandUsd", "costReservedUsd", "costLicencesUsd",
            "costStandbyUsd", "costEnergyUsd", "costMigrationsUsd", "costSlaUsd");

    /**
     * The metrics of the catalogue these runs measured: a column with at least one value other than zero. The
     * parts of the cost are shown only when some run paid for more than on-demand hours (they would only
     * repeat costUsd otherwise).
     */
    public static List<Metric> measured(ResultsTable results) {
        boolean priced = results.metricNames().containsAll(List.of("costUsd", "costOnDemandUsd"))
                && results.rows().stream().anyMatch(r -> r.metric("costUsd") != r.metric("costOnDemandUsd"));
        List<Metric> metrics = new ArrayList<>();
        for (Metric metric : ALL) {
            if (results.metricNames().contains(metric.name()) && results.rows().stream()
                    .anyMatch(r -> Double.isFinite(r.metric(metric.name())) && r.metric(metric.name()) != 0)
                    && (priced || !COST_PARTS.contains(metric.name()))) {
                metrics.add(metric);
            }
        }
        return metrics; // a service tier's metrics have their own table (GroupSection), and so do a pool's
    }

    /** Whether a run paid for more than its on-demand hours, so that the parts of its cost say something. */
    public static boolean priced(Map<String, ? extends Number> summary) {
        Number total = summary.get("costUsd");
        Number onDemand = summary.get("costOnDemandUsd");
        return total != null && onDemand != null && total.doubleValue() != onDemand.doubleValue();
    }

    /** Metrics only runs with affinity rules report. */
    private static final List<String> AFFINITY_METRICS = List.of("affinityHardViolations", "affinitySoftViolations");

    /**
     * Whether only runs that asked for it measure the metric (a rolling update's, an affinity rule's): a
     * results.csv without its column lacks nothing, so a report does not call it missing.
     */
    public static boolean onlyWhenAsked(Metric metric) {
        return metric.group().equals(UPDATES) || AFFINITY_METRICS.contains(metric.name());
    }

    /** What each service tier measures, under {@code tier.NAME.}: the task metrics and its own. */
    private static final List<String> PER_TIER = List.of("tasksArrived", "tasksCompleted", "tasksLate",
            "tasksDropped", "p50WaitS", "p95WaitS");
    private static final Metric STARTED_IN_TIME = new Metric("startedInTime", "started within the wait objective",
            "%", 100, 1, HIGHER_IS_BETTER, TIERS, "Tasks of the tier that started within its wait objective, of all "
                    + "that arrived (those dropped or never started count as missing it).");

    private static final Metric TASKS_STARTED = new Metric("tasksStarted", "tasks started", "", 1, 0,
            HIGHER_IS_BETTER, TASKS, "Tasks that started at least once: the wait quantiles are taken over them.");

    /** What each pool measures, under {@code pool.NAME.}: its servers and the outcomes of its tasks. */
    private static final List<String> PER_POOL = List.of("peakHosts", "activeHostsMean", "tasksArrived",
            "tasksStarted", "tasksCompleted", "tasksLate", "tasksDropped", "p50WaitS", "p95WaitS");

    /** A metric of the catalogue, of a service tier ({@code tier.gold.p95WaitS}) or of a pool ({@code pool.gpu.peakHosts}). */
    public static Optional<Metric> named(String name) {
        Optional<Metric> listed = ALL.stream().filter(m -> m.name().equals(name)).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        String prefix = groupPrefix(name);
        int dot = name.lastIndexOf('.');
        if (prefix.isEmpty() || dot <= prefix.length()) {
            return Optional.empty();
        }
        String group = name.substring(prefix.length(), dot);
        String base = name.substring(dot + 1);
        if (prefix.equals(POOL_PREFIX)) {
            Optional<Metric> of = base.equals(TASKS_STARTED.name()) ? Optional.of(TASKS_STARTED)
                    : PER_POOL.contains(base) ? named(base) : Optional.empty();
            return of.map(m -> new Metric(name,
                    group + ": " + m.label(), m.unit(), m.scale(), m.decimals(), m.direction(), POOLS,
                    m.definition() + " Pool " + group + " only (a task that may run in several pools counts in "
                            + "the first)."));
        }
        Optional<Metric> of = base.equals(STARTED_IN_TIME.name()) ? Optional.of(STARTED_IN_TIME)
                : PER_TIER.contains(base) ? named(base) : Optional.empty();
        return of.map(m -> new Metric(name, group + ": " + m.label(), m.unit(), m.scale(), m.decimals(),
                m.direction(), TIERS, m.definition() + " Tasks of tier " + group + " only."));
    }

    /** {@code tier.} or {@code pool.} when the name is a service tier's or a pool's metric, else "". */
    public static String groupPrefix(String name) {
        return name.startsWith(TIER_PREFIX) ? TIER_PREFIX : name.startsWith(POOL_PREFIX) ? POOL_PREFIX : "";
    }

    /** The names of the service tiers whose metrics are among {@code names}, in their order. */
    public static List<String> tiers(java.util.Collection<String> names) {
        return groups(TIER_PREFIX, names);
    }

    /** The names of the pools whose metrics are among {@code names}, in their order. */
    public static List<String> pools(java.util.Collection<String> names) {
        return groups(POOL_PREFIX, names);
    }

    private static List<String> groups(String prefix, java.util.Collection<String> names) {
        return names.stream().filter(n -> n.startsWith(prefix) && named(n).isPresent())
                .map(n -> n.substring(prefix.length(), n.lastIndexOf('.'))).distinct().toList();
    }

    /** The metrics every pool has, in the order tables show them ({@code pool.NAME.} in front). */
    public static List<String> perPool() {
        return PER_POOL;
    }

    /** The metrics every service tier has, in the order tables show them ({@code tier.NAME.} in front). */
    public static List<String> perTier() {
        List<String> names = new ArrayList<>(PER_TIER);
        names.add(STARTED_IN_TIME.name());
        return names;
    }
}
