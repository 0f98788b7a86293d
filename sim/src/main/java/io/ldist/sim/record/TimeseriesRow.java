package io.ldist.sim.record;

/**
 * One line of timeseries.csv, taken at each decision (after it is applied): the fleet as it goes on from
 * there, and what happened during the interval that just ended (overloadedHosts: servers VMs left because
 * they ran hot).
 */
public record TimeseriesRow(double timeS, int activeHosts, int bootingHosts, int standbyHosts, int drainingHosts,
                            int failedHosts, int vmsRunning, int vmsPending, double meanCpu, double powerW,
                            double energyKWh, double costUsdPerHour, int migrations, int tasksQueued,
                            int tasksRunning, int tasksCompleted, int scaleOuts, int scaleIns, int failovers,
                            int hostCrashes, int overloadedHosts) {
    public static final String HEADER = "timeS,activeHosts,bootingHosts,standbyHosts,drainingHosts,failedHosts,"
            + "vmsRunning,vmsPending,meanCpu,powerW,energyKWh,costUsdPerHour,migrations,tasksQueued,"
            + "tasksRunning,tasksCompleted,scaleOuts,scaleIns,failovers,hostCrashes,overloadedHosts";
}
