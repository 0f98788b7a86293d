package io.ldist.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * results.csv of a comparison: one row per run, identified by scenario, policy (the variant compared), day and
 * seed, with the path of the run's time series (relative to the results folder) and every headline metric.
 * The first column names the file format so that a file from another version is refused with a clear message
 * instead of being misread. Every metric of the catalogue ({@link Metrics#ALL}) has a column, empty where a run
 * measured nothing, so a file without one is refused rather than reported without that metric; other columns
 * (the run's hosts, VMs and simulated time) are read when present and needed by nothing.
 */
public final class ResultsTable {
    /** The format of the rows: 2 added the column failoversUnrecovered. */
    public static final String FORMAT = "ldist-results-2";
    /** The day of a run on the scenario's own workload (a task stream, or the trace folder it names). */
    public static final String OWN_WORKLOAD = "-";
    public static final List<String> KEYS = List.of("format", "scenario", "policy", "parameter", "value", "day", "seed",
            "timeseries");

    /**
     * One run's identity and metrics (NaN where the run had nothing to measure). {@code parameter} and
     * {@code value} name the swept scenario field and its value in a sweep ("" otherwise); {@code timeseries}
     * is the run's timeseries.csv, relative to the results folder.
     */
    public record Row(String scenario, String policy, String parameter, String value, String day, long seed,
                      String timeseries, Map<String, Double> metrics) {
        public Row {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        public double metric(String name) {
            Double value = metrics.get(name);
            return value == null ? Double.NaN : value;
        }
    }

    private final List<String> metricNames;
    private final List<Row> rows;

    public ResultsTable(List<String> metricNames, List<Row> rows) {
        this.metricNames = List.copyOf(metricNames);
        this.rows = List.copyOf(rows);
    }

    public List<String> metricNames() {
        return metricNames;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Policies in the order they first appear. */
    public List<String> policies() {
        List<String> policies = new ArrayList<>();
        for (Row row : rows) {
            if (!policies.contains(row.policy())) {
                policies.add(row.policy());
            }
        }
        return policies;
    }

    /** The trace days the runs were on; empty when every run used its scenario's own workload. */
    public Set<String> days() {
        Set<String> days = new TreeSet<>();
        rows.stream().filter(r -> !r.day().equals(OWN_WORKLOAD)).forEach(r -> days.add(r.day()));
        return days;
    }

    public List<Row> rowsOf(String policy) {
        return rows.stream().filter(r -> r.policy().equals(policy)).toList();
    }

    // ------------------------------------------------------------------ writing

    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", KEYS));
        for (String metric : metricNames) {
            csv.append(',').append(metric);
        }
        csv.append('\n');
        for (Row row : rows) {
            csv.append(FORMAT).append(',').append(cell(row.scenario())).append(',').append(cell(row.policy()))
                    .append(',').append(cell(row.parameter())).append(',').append(cell(row.value()))
                    .append(',').append(cell(row.day())).append(',').append(row.seed()).append(',')
                    .append(cell(row.timeseries()));
            for (String metric : metricNames) {
                csv.append(',').append(number(row.metric(metric)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.9g", value).replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }

    private static String cell(String text) {
        if (text.contains(",") || text.contains("\"")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    // ------------------------------------------------------------------ reading

    /** Problem with a results file: names the file and, where it can, the line. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String message) {
            super(message);
        }
    }

    public static ResultsTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FormatException(file + ": no results.csv here (run `ldist compare ... --out "
                    + (file.getParent() == null ? "DIR" : file.getParent()) + "` first)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new FormatException(file + ":1: expected a header line starting with "
                        + String.join(",", KEYS) + ", found an empty file");
            }
            List<String> columns = splitCsv(header);
            if (columns.size() < KEYS.size() || !columns.subList(0, KEYS.size()).equals(KEYS)) {
                throw new FormatException(file + ":1: expected a header starting with " + String.join(",", KEYS)
                        + " (format " + FORMAT + "), found '" + header + "'; this file was not written by this "
                        + "version of ldist compare: run the comparison again");
            }
            List<String> metrics = columns.subList(KEYS.size(), columns.size());
            List<String> missing = Metrics.ALL.stream().map(Metric::name).filter(m -> !metrics.contains(m)).toList();
            List<String> lines = in.lines().toList();
            // The format first: a file of another format lacks columns for a reason of its own.
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    checkFormat(file, i + 2, splitCsv(lines.get(i)).get(0), missing);
                    break;
                }
            }
            if (!missing.isEmpty()) {
                throw new FormatException(file + ":1: expected a column for every metric of format " + FORMAT
                        + ", found none for " + String.join(", ", missing) + "; the file was cut or edited: run "
                        + "the comparison again");
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    rows.add(parseRow(file, i + 2, splitCsv(lines.get(i)), columns.size(), metrics));
                }
            }
            if (rows.isEmpty()) {
                throw new FormatException(file + ": holds no runs (only a header)");
            }
            return new ResultsTable(metrics, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Refuses a row of another format, saying so when an earlier ldist wrote it (and what it lacks). */
    private static void checkFormat(Path file, int number, String format, List<String> missing) {
        if (FORMAT.equals(format)) {
            return;
        }
        boolean earlier = format.matches("ldist-results-\\d+") && Integer.parseInt(format.substring(
                "ldist-results-".length())) < Integer.parseInt(FORMAT.substring("ldist-results-".length()));
        throw new FormatException(file + ":" + number + ": expected format " + FORMAT + ", found '" + format + "'"
                + (earlier ? " (written by an earlier ldist" + (missing.isEmpty() ? "" : ", without "
                + String.join(", ", missing)) + ")" : "") + "; run the comparison again with this version of ldist");
    }

    private static Row parseRow(Path file, int number, List<String> cells, int width, List<String> metrics) {
        if (cells.size() != width) {
            throw new FormatException(file + ":" + number + ": expected " + width + " values, found " + cells.size());
        }
        checkFormat(file, number, cells.get(0), List.of());
        long seed;
        try {
            seed = Long.parseLong(cells.get(6));
        } catch (NumberFormatException e) {
            throw new FormatException(file + ":" + number + ": seed: expected an integer, found '" + cells.get(6) + "'");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            String text = cells.get(KEYS.size() + i);
            try {
                values.put(metrics.get(i), text.isEmpty() ? Double.NaN : Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new FormatException(file + ":" + number + ": " + metrics.get(i) + ": expected a number, found '"
                        + text + "'");
            }
        }
        return new Row(cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), seed, cells.get(7),
                values);
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
