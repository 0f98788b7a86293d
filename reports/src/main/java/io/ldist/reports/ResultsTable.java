package io.ldist.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
 * Columns are read by name, so that a file stays readable when ldist adds a metric: a metric of the catalogue
 * ({@link Metrics#ALL}) without a column has no value (not measured, so reports leave it out), a column this
 * ldist does not know is read past, and each is said once as a notice ({@link #notices()}) rather than silently.
 * The first column names the file format; see {@link #FORMAT}.
 */
public final class ResultsTable {
    /**
     * The format of the rows, {@code ldist-results-N}. N grows only for a change an earlier reader would misread
     * (a column's meaning or unit changed, an identity column renamed), never for an added or removed metric:
     * columns are read by name and a missing metric has no value. So this ldist reads any format up to its own
     * and refuses a greater one, whose columns it could read but not understand. (2 added failoversUnrecovered,
     * before this rule; a file of format 1 reads as one without that column.)
     */
    public static final int FORMAT_VERSION = 2;
    public static final String FORMAT = "ldist-results-" + FORMAT_VERSION;
    private static final String FORMAT_PREFIX = "ldist-results-";
    /**
     * The day of a run on the scenario's own workload (a task stream, or the trace folder it names): no day, an
     * empty cell. Files written before said "-", which reads as this.
     */
    public static final String OWN_WORKLOAD = "";
    private static final String OWN_WORKLOAD_BEFORE = "-";
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
    private final List<String> notices;

    public ResultsTable(List<String> metricNames, List<Row> rows) {
        this(metricNames, rows, List.of());
    }

    private ResultsTable(List<String> metricNames, List<Row> rows, List<String> notices) {
        this.metricNames = List.copyOf(metricNames);
        this.rows = List.copyOf(rows);
        this.notices = List.copyOf(notices);
    }

    /** The columns of numbers the rows have (metrics, and the run's size where written). */
    public List<String> metricNames() {
        return metricNames;
    }

    /** What reading the file left out or found missing, one sentence each, for the user; empty when written. */
    public List<String> notices() {
        return notices;
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
                throw new FormatException(file + ":1: expected a header line naming the columns "
                        + String.join(",", KEYS) + " and the metrics, found an empty file");
            }
            ResultsColumns columns = ResultsColumns.of(file, splitCsv(file, 1, header));
            List<String> lines = in.lines().toList();
            List<Row> rows = new ArrayList<>();
            String format = null;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> cells = splitCsv(file, i + 2, lines.get(i));
                if (cells.size() != columns.width()) {
                    throw new FormatException(file + ":" + (i + 2) + ": expected " + columns.width() + " values, found "
                            + cells.size());
                }
                String found = columns.cell(cells, "format");
                if (format == null) {
                    checkReadable(file, i + 2, found);
                    format = found;
                } else if (!format.equals(found)) {
                    throw new FormatException(file + ":" + (i + 2) + ": expected format " + format + " (as on the "
                            + "first run's line), found '" + found + "'; the file was edited: run the comparison again");
                }
                rows.add(parseRow(file, i + 2, cells, columns));
            }
            if (rows.isEmpty()) {
                throw new FormatException(file + ": holds no runs (only a header)");
            }
            return new ResultsTable(columns.values(), rows, notices(file, format, columns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Refuses a format this ldist cannot read: not ldist's, or a newer ldist's (see {@link #FORMAT}). */
    private static void checkReadable(Path file, int number, String format) {
        if (!format.matches(FORMAT_PREFIX + "[1-9][0-9]*")) {
            throw new FormatException(file + ":" + number + ": expected format " + FORMAT_PREFIX + "N (N up to "
                    + FORMAT_VERSION + "), found '" + format + "'; this file was not written by ldist compare");
        }
        if (version(format) > FORMAT_VERSION) {
            throw new FormatException(file + ":" + number + ": format " + format + " was written by a newer ldist, "
                    + "whose columns this one (format " + FORMAT + " and earlier) would misread; report it with that "
                    + "ldist or a newer one");
        }
    }

    /** The N of ldist-results-N; too many digits to count is a format later than any this ldist knows. */
    private static long version(String format) {
        String digits = format.substring(FORMAT_PREFIX.length());
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** What the report will lack or leave out, said once each. */
    private static List<String> notices(Path file, String format, ResultsColumns columns) {
        List<String> notices = new ArrayList<>();
        List<String> missing = columns.missingMetrics();
        if (!missing.isEmpty()) {
            boolean earlier = version(format) < FORMAT_VERSION;
            notices.add(file + ": " + (earlier ? "written by an earlier ldist (format " + format + "), " : "")
                    + "no column for " + String.join(", ", missing)
                    + (earlier ? "" : " (written by an earlier ldist, or edited)") + "; the report leaves "
                    + (missing.size() == 1 ? "it" : "them") + " out");
        }
        List<String> unknown = columns.unknown();
        if (!unknown.isEmpty()) {
            notices.add(file + ": " + (unknown.size() == 1 ? "a column" : "columns") + " this ldist does not know, "
                    + String.join(", ", unknown) + " (written by a newer ldist?); the report leaves "
                    + (unknown.size() == 1 ? "it" : "them") + " out");
        }
        return notices;
    }

    private static Row parseRow(Path file, int number, List<String> cells, ResultsColumns columns) {
        long seed;
        String seedText = columns.cell(cells, "seed");
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw new FormatException(file + ":" + number + ": seed: expected an integer, found '" + seedText + "'");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : columns.values()) {
            String text = columns.cell(cells, name);
            try {
                values.put(name, text.isEmpty() ? Double.NaN : Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new FormatException(file + ":" + number + ": " + name + ": expected a number, found '"
                        + text + "'");
            }
        }
        return new Row(columns.cell(cells, "scenario"), columns.cell(cells, "policy"),
                columns.cell(cells, "parameter"), columns.cell(cells, "value"), day(columns.cell(cells, "day")), seed,
                columns.cell(cells, "timeseries"), values);
    }

    private static String day(String cell) {
        return cell.equals(OWN_WORKLOAD_BEFORE) ? OWN_WORKLOAD : cell;
    }

    /**
     * One line's cells, as commons-csv reads RFC 4180 (double quotes around a cell with a comma or a quote, a
     * quote inside doubled). Read line by line, so that an error names the file's line: ldist writes no cell
     * with a line break in it.
     */
    static List<String> splitCsv(Path file, int number, String line) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new FormatException(file + ":" + number + ": expected comma-separated values (a quoted cell "
                    + "closed on its line), found a quote left open");
        }
    }
}
