package io.ldist.scenario.trace;

import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.engine.util.NearestName;
import io.ldist.scenario.spec.TaskSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads tasks to replay from a CSV file with the header {@code arrivalS,cpuMips,ramMb,gpus,durationS}, an
 * optional {@code deadlineS} column (absent or empty: no deadline) and an optional {@code tier} column naming
 * each task's service tier (absent or empty: drawn by the tiers' shares). Rows must come in arrival order, and
 * no task may ask for more than one VM holds (it could never run). Every row is checked before anything runs.
 */
public final class TaskCsvReader {
    private static final List<String> COLUMNS = List.of("arrivalS", "cpuMips", "ramMb", "gpus", "durationS");
    /**
     * A decimal number as people and spreadsheets write it. Java's own parser would also take {@code 2d} (a
     * double literal: 2 seconds where 2 days was meant), {@code 0x1p3}, {@code NaN} or {@code Infinity}.
     */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final List<String> notices = new ArrayList<>();

    /**
     * What the last {@link #read} tolerated rather than refused (a byte-order mark, blank lines), one sentence
     * each, to be shown to the user: nothing a reader skips is skipped silently.
     */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Reads the tasks of a workload without tiers, refusing any that asks for more than {@code ceiling}. */
    public List<TaskSpec> read(Path file, TaskCeiling ceiling) {
        return read(file, ceiling, List.of());
    }

    /**
     * Reads the tasks, refusing any that asks for more than {@code ceiling}; {@code tierNames} are the workload's
     * tiers in the order they are served, so that a tier's rank is its index there.
     */
    public List<TaskSpec> read(Path file, TaskCeiling ceiling, List<String> tierNames) {
        notices.clear();
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException(file, 0, "task CSV file not found");
        }
        List<String> lines = TextFiles.lines(file, notices::add);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new TraceFormatException(file, 1, "expected a header line " + String.join(",", COLUMNS)
                    + "[,deadlineS], found " + (lines.isEmpty() ? "an empty file" : "an empty line"));
        }
        String header = lines.get(0);
        List<String> names = List.of(header.strip().split("\\s*,\\s*", -1));
        List<String> extra = names.subList(Math.min(5, names.size()), names.size());
        boolean withDeadline = !extra.isEmpty() && extra.get(0).equals("deadlineS");
        boolean withTier = extra.equals(List.of("tier")) || extra.equals(List.of("deadlineS", "tier"));
        if (!names.subList(0, Math.min(5, names.size())).equals(COLUMNS)
                || !(extra.isEmpty() || withTier || extra.equals(List.of("deadlineS")))) {
            throw new TraceFormatException(file, 1, "expected the header " + String.join(",", COLUMNS)
                    + "[,deadlineS][,tier], found '" + header.strip() + "'");
        }
        if (withTier && tierNames.isEmpty()) {
            throw new TraceFormatException(file, 1, "expected no tier column: the workload has no tiers "
                    + "(add workload.tiers, or leave the column out)");
        }
        List<TaskSpec> tasks = new ArrayList<>();
        List<Integer> blank = new ArrayList<>();
        double lastArrival = 0;
        for (int i = 1; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                blank.add(number);
                continue;
            }
            TaskSpec task = parse(line, withDeadline, withTier, tierNames, file, number);
            String excess = ceiling.excess(task.cpuMips(), task.ramMb(), task.gpus());
            if (excess != null) {
                throw new TraceFormatException(file, number, "expected a task that fits " + ceiling.holder()
                        + ", found " + excess);
            }
            if (task.arrivalS() < lastArrival) {
                throw new TraceFormatException(file, number, "expected rows in arrival order, found arrival "
                        + task.arrivalS() + " after " + lastArrival);
            }
            lastArrival = task.arrivalS();
            tasks.add(task);
        }
        if (tasks.isEmpty()) {
            throw new TraceFormatException(file, 0, "expected at least one task after the header line, found "
                    + (blank.isEmpty() ? "none" : "only blank lines"));
        }
        if (!blank.isEmpty()) {
            notices.add(file + ": " + blank.size() + (blank.size() == 1 ? " blank line" : " blank lines")
                    + " skipped (line" + (blank.size() == 1 ? " " : "s ") + lineList(blank) + ")");
        }
        return tasks;
    }

    private static String lineList(List<Integer> lines) {
        List<String> shown = lines.stream().limit(5).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > 5 ? ", ..." : "");
    }

    private static TaskSpec parse(String line, boolean withDeadline, boolean withTier, List<String> tierNames,
                                  Path file, int number) {
        String[] cells = line.split(",", -1);
        int expected = 5 + (withDeadline ? 1 : 0) + (withTier ? 1 : 0);
        if (cells.length != expected) {
            throw new TraceFormatException(file, number, "expected " + expected + " comma-separated values, found "
                    + cells.length);
        }
        double[] values = new double[5];
        for (int i = 0; i < 5; i++) {
            values[i] = number(cells[i], COLUMNS.get(i), file, number);
        }
        if (!(values[4] > 0)) {
            throw new TraceFormatException(file, number, "durationS: expected a number > 0, found " + cells[4].strip());
        }
        double deadline = Double.POSITIVE_INFINITY;
        if (withDeadline && !cells[5].isBlank()) {
            deadline = number(cells[5], "deadlineS", file, number);
            if (deadline < values[0]) {
                throw new TraceFormatException(file, number, "deadlineS: expected a time >= the arrival "
                        + values[0] + ", found " + deadline);
            }
        }
        int tier = tierNames.isEmpty() ? 0 : TaskSpec.TIER_BY_SHARE;
        if (withTier && !cells[expected - 1].isBlank()) {
            String name = cells[expected - 1].strip();
            tier = tierNames.indexOf(name);
            if (tier < 0) {
                throw new TraceFormatException(file, number, "tier: expected one of the workload's tiers ("
                        + String.join(", ", tierNames) + "), found '" + shown(name) + "'"
                        + NearestName.didYouMean(tierNames, name).map(hint -> "; " + hint).orElse(""));
            }
        }
        return new TaskSpec(values[0], values[1], values[3], values[2], values[4], deadline, tier,
                Double.POSITIVE_INFINITY);
    }

    private static double number(String cell, String column, Path file, int line) {
        String text = cell.strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new TraceFormatException(file, line, column + ": expected a number (plain decimals such as 2 or 0.5, "
                    + "no unit), found '" + shown(text) + "'");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value) || value < 0 || value > MAX_VALUE) {
            throw new TraceFormatException(file, line, column + ": expected a number from 0 to 1e12, found " + text);
        }
        return value;
    }

    /** Above this, a time (30,000 years) or a size is a typing slip, and sums of it would lose all precision. */
    private static final double MAX_VALUE = 1e12;

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
