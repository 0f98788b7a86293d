package io.ldist.sim.record;

import java.util.List;

/**
 * The lines of timeseries.csv: one row per decision tick (taken after it is applied) and one at the end, each
 * with one value per column. A row tells the fleet as it goes on from there, and what happened during the
 * interval that just ended (overloadedHosts: servers VMs left because they ran hot).
 */
public record Timeseries(List<String> columns, List<List<Number>> rows) {
    public Timeseries {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
