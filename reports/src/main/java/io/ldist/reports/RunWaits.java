package io.ldist.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task-stream run's waits as compare writes them beside its time series ({@link #fileBeside}): at each wait of
 * a grid, the tasks that started within it, of all that arrived. Runs of one variant pool by adding counts.
 */
public record RunWaits(double[] waitS, long[] started, long arrived) {
    private static final List<String> HEADER = List.of("waitS", "tasksStarted", "tasksArrived");

    /** The waits file of the run whose time series is {@code timeseries} ("runs/0001-x.csv": "runs/0001-x.waits.csv"). */
    public static String fileBeside(String timeseries) {
        return (timeseries.endsWith(".csv") ? timeseries.substring(0, timeseries.length() - 4) : timeseries)
                + ".waits.csv";
    }

    /** The run's waits, or empty when it has none (a trace replay, or results of an ldist that wrote none). */
    public static Optional<RunWaits> readBeside(Path resultsFolder, String timeseries) {
        if (timeseries.isEmpty()) {
            return Optional.empty();
        }
        Path file = resultsFolder.resolve(fileBeside(timeseries));
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Each variant's waits over all its runs, keyed by its label; empty unless every run wrote its waits. */
    public static Map<String, RunWaits> pooled(Variants variants, Path resultsFolder) {
        Map<String, RunWaits> pooled = new LinkedHashMap<>();
        for (Variant variant : variants.all()) {
            RunWaits sum = null;
            for (ResultsTable.Row row : variants.rowsOf(variant)) {
                Optional<RunWaits> waits = RunWaits.readBeside(resultsFolder, row.timeseries());
                if (waits.isEmpty()) {
                    return Map.of();
                }
                sum = sum == null ? waits.get() : sum.plus(waits.get());
            }
            if (sum != null) {
                pooled.put(variant.label(), sum);
            }
        }
        return pooled;
    }

    static RunWaits read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new ResultsTable.FormatException(file + ":1: expected the header " + String.join(",", HEADER)
                        + ", found " + String.join(",", parser.getHeaderNames()));
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.size() != HEADER.size()) {
                    throw new ResultsTable.FormatException(file + ":" + line + ": expected 3 values, found "
                            + record.size());
                }
                double[] row = new double[3];
                for (int i = 0; i < 3; i++) {
                    try {
                        row[i] = Double.parseDouble(record.get(i));
                    } catch (NumberFormatException e) {
                        throw new ResultsTable.FormatException(file + ":" + line + ": " + HEADER.get(i)
                                + ": expected a number, found '" + record.get(i) + "'");
                    }
                }
                if (row[1] > row[2] || !rows.isEmpty() && (row[0] <= rows.get(rows.size() - 1)[0]
                        || row[1] < rows.get(rows.size() - 1)[1])) {
                    throw new ResultsTable.FormatException(file + ":" + line + ": expected waits ascending and "
                            + "started counts that grow with them, up to the arrived count");
                }
                rows.add(row);
            }
            double[] waits = rows.stream().mapToDouble(r -> r[0]).toArray();
            long[] started = rows.stream().mapToLong(r -> (long) r[1]).toArray();
            return new RunWaits(waits, started, rows.isEmpty() ? 0 : (long) rows.get(0)[2]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** This run and {@code other} together, on the same grid (else the shorter grid's points). */
    public RunWaits plus(RunWaits other) {
        int n = Math.min(waitS.length, other.waitS.length);
        long[] sum = new long[n];
        for (int i = 0; i < n; i++) {
            sum[i] = started[i] + other.started[i];
        }
        return new RunWaits(Arrays.copyOf(waitS, n), sum, arrived + other.arrived);
    }

    /** The share of arrived tasks that started within grid point {@code i}. */
    public double shareStarted(int i) {
        return arrived == 0 ? Double.NaN : (double) started[i] / arrived;
    }
}
