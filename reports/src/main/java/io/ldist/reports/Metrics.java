package io.ldist.reports;

import java.util.List;
import java.util.Optional;

/** The headline metrics every run writes to summary.json, in the order reports show them. */
public final class Metrics {
    private Metrics() {
    }

    public static final String ENERGY = "Energy and cost";
    public static final String SLA = "Service level (VM traces)";
    public static final String FLEET = "Fleet";
    public static final String TASKS = "Tasks";
    public static final String FAILOVER = "Failover";

    public static final List<Metric> ALL = List.of(
            new Metric("energyKWh", "energy", "kWh", 1, 2, false, ENERGY,
                    "Energy drawn by powered servers: the power curve at their CPU utilisation, integrated over time."),
            new Metric("costUsd", "cost", "USD", 1, 2, false, ENERGY,
                    "Running servers (booting, active, draining) times their price per hour."),
            new Metric("slatah", "SLATAH", "%", 100, 3, false, SLA,
                    "Share of the time servers with load spent unable to give their VMs all the CPU they asked for."),
            new Metric("pdm", "PDM", "%", 100, 4, false, SLA,
                    "Performance degradation due to migration: CPU migrating VMs asked for and did not get, over all CPU asked for."),
            new Metric("slav", "SLAV", "%", 100, 6, false, SLA, "SLATAH x PDM."),
            new Metric("esv", "ESV", "kWh x SLAV", 1, 6, false, SLA, "Energy x SLAV."),
            new Metric("migrations", "migrations", "", 1, 0, false, FLEET, "Live migrations started."),
            new Metric("activeHostsMean", "mean active servers", "servers", 1, 2, false, FLEET,
                    "Active or draining servers, averaged over the run."),
            new Metric("hostShutdowns", "server shutdowns", "", 1, 0, false, FLEET,
                    "Times a server was switched off or retired."),
            new Metric("meanTimeBeforeHostShutdownS", "mean time before a shutdown", "s", 1, 0, true, FLEET,
                    "From a server becoming active to its shutdown, averaged over shutdowns."),
            new Metric("meanTimeBeforeVmMigrationS", "mean time before a VM migration", "s", 1, 0, true, FLEET,
                    "From a VM starting (or its last migration ending) to its next migration, averaged over migrations."),
            new Metric("unplaced", "VMs that waited for a server", "VMs", 1, 0, false, FLEET,
                    "VMs that found no server at a decision at least once."),
            new Metric("tasksArrived", "tasks arrived", "", 1, 0, true, TASKS, "Tasks that arrived."),
            new Metric("tasksCompleted", "tasks completed", "", 1, 0, true, TASKS, "Tasks that finished successfully."),
            new Metric("tasksLate", "tasks late", "", 1, 0, false, TASKS, "Completed tasks that finished after their deadline."),
            new Metric("tasksDropped", "tasks dropped", "", 1, 0, false, TASKS,
                    "Tasks given up: failed too often, or waited longer than allowed."),
            new Metric("p50WaitS", "median wait", "s", 1, 1, false, TASKS, "Time from arrival to first start, median."),
            new Metric("p95WaitS", "95th percentile wait", "s", 1, 1, false, TASKS, "Time from arrival to first start, 95th percentile."),
            new Metric("p99WaitS", "99th percentile wait", "s", 1, 1, false, TASKS, "Time from arrival to first start, 99th percentile."),
            new Metric("failovers", "failovers", "", 1, 0, false, FAILOVER, "Servers declared failed and fenced off."),
            new Metric("meanTimeToRecoverS", "mean time to recover", "s", 1, 1, false, FAILOVER,
                    "From a server's crash until all its VMs run again elsewhere."),
            new Metric("maxTimeToRecoverS", "longest time to recover", "s", 1, 1, false, FAILOVER,
                    "The longest of those times."));

    public static Optional<Metric> named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
