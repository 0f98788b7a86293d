package io.ldist.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a results.csv, read by name rather than by position, so that a file with columns this ldist
 * does not know (a newer one's metrics) or without some it does (an earlier one's) is still read. The
 * identity of a run ({@link ResultsTable#KEYS}) cannot be guessed, so a header without one of those is refused.
 */
final class ResultsColumns {
    /** Columns every run writes and no report needs: the run's size. */
    static final List<String> RUN_SIZE = List.of("hosts", "vms", "simulatedS");

    private final Map<String, Integer> index;
    private final int width;
    private final List<String> values;
    private final List<String> unknown;
    private final List<String> missingMetrics;

    private ResultsColumns(Map<String, Integer> index, int width, List<String> values, List<String> unknown,
                           List<String> missingMetrics) {
        this.index = index;
        this.width = width;
        this.values = values;
        this.unknown = unknown;
        this.missingMetrics = missingMetrics;
    }

    /** Reads the header's column names, refusing one named twice or one without a run's identity. */
    static ResultsColumns of(Path file, List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i), i) != null) {
                throw new ResultsTable.FormatException(file + ":1: column '" + names.get(i) + "' appears twice; "
                        + "the file was edited: run the comparison again");
            }
        }
        List<String> missingKeys = ResultsTable.KEYS.stream().filter(k -> !index.containsKey(k)).toList();
        if (!missingKeys.isEmpty()) {
            throw new ResultsTable.FormatException(file + ":1: no column for " + String.join(", ", missingKeys)
                    + " (every results.csv has " + String.join(", ", ResultsTable.KEYS) + "), found '"
                    + String.join(",", names) + "'; the file was cut or edited, or written by an ldist too early "
                    + "to report: run the comparison again");
        }
        List<String> values = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (ResultsTable.KEYS.contains(name)) {
                continue;
            }
            if (Metrics.named(name).isPresent() || RUN_SIZE.contains(name)) {
                values.add(name);
            } else {
                unknown.add(name);
            }
        }
        // A metric only some scenarios measure (rolling updates, affinity rules) is no column missing from the
        // others' results.
        List<String> missingMetrics = Metrics.ALL.stream().filter(m -> !Metrics.onlyWhenAsked(m)).map(Metric::name)
                .filter(m -> !index.containsKey(m))
                .toList();
        return new ResultsColumns(index, names.size(), List.copyOf(values), List.copyOf(unknown), missingMetrics);
    }

    /** How many cells each row has. */
    int width() {
        return width;
    }

    /** The columns of numbers this ldist knows (metrics of the catalogue and the run's size), in file order. */
    List<String> values() {
        return values;
    }

    /** Columns this ldist does not know, presumably written by a newer one: read past, never parsed. */
    List<String> unknown() {
        return unknown;
    }

    /** Metrics of the catalogue the file has no column for: not measured, as far as a report can tell. */
    List<String> missingMetrics() {
        return missingMetrics;
    }

    /** The cell of the named column in one row of {@link #width()} cells. */
    String cell(List<String> cells, String column) {
        return cells.get(index.get(column));
    }
}
