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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run's timeseries.csv (as ldist simulate and compare write it): a column of numbers per name. */
public final class RunSeries {
    private final Map<String, double[]> columns;

    private RunSeries(Map<String, double[]> columns) {
        this.columns = columns;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The column's values, one per row; a column the file lacks (an older ldist) is empty. */
    public double[] column(String name) {
        double[] values = columns.get(name);
        return values == null ? new double[0] : values.clone();
    }

    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    public static RunSeries read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ResultsTable.FormatException(file + ": no such time series (results.csv names it; was the "
                    + "runs folder moved or deleted?)");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> names = parser.getHeaderNames();
            if (!names.contains("timeS")) {
                throw new ResultsTable.FormatException(file + ":1: expected a time series header starting with "
                        + "timeS, found " + String.join(",", names));
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != names.size()) {
                    throw new ResultsTable.FormatException(file + ":" + (record.getRecordNumber() + 1) + ": expected "
                            + names.size() + " values, found " + record.size());
                }
                double[] row = new double[names.size()];
                for (int i = 0; i < row.length; i++) {
                    try {
                        row[i] = Double.parseDouble(record.get(i));
                    } catch (NumberFormatException e) {
                        throw new ResultsTable.FormatException(file + ":" + (record.getRecordNumber() + 1) + ": "
                                + names.get(i) + ": expected a number, found '" + record.get(i) + "'");
                    }
                }
                rows.add(row);
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                double[] values = new double[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = rows.get(r)[c];
                }
                columns.put(names.get(c), values);
            }
            return new RunSeries(columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
