package io.ldist.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Results tables made by hand for report tests: runs of named policies on days and seeds, with given metrics. */
public final class SampleResults {
    private final List<ResultsTable.Row> rows = new ArrayList<>();

    /** Adds one run; {@code metrics} alternates names and values ("energyKWh", 12.0, ...). */
    public SampleResults run(String policy, String day, long seed, Object... metrics) {
        return sweptRun(policy, "", "", day, seed, metrics);
    }

    public SampleResults sweptRun(String policy, String parameter, String value, String day, long seed,
                                  Object... metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i += 2) {
            values.put((String) metrics[i], ((Number) metrics[i + 1]).doubleValue());
        }
        rows.add(new ResultsTable.Row("scenario", policy, parameter, value, day, seed, "", values));
        return this;
    }

    public ResultsTable table() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        return new ResultsTable(List.copyOf(names), rows);
    }
}
