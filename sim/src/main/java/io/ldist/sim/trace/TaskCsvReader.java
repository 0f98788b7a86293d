package io.ldist.sim.trace;

import io.ldist.sim.spec.TaskCeiling;
import io.ldist.sim.spec.TaskSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tasks to replay from a CSV file with the header {@code arrivalS,cpuMips,ramMb,gpus,durationS} and an
 * optional {@code deadlineS} column (absent or empty: no deadline). Rows must come in arrival order, and no
 * task may ask for more than one VM holds (it could never run). Every row is checked before anything runs.
 */
public final class TaskCsvReader {
    private static final List<String> COLUMNS = List.of("arrivalS", "cpuMips", "ramMb", "gpus", "durationS");

    /** Reads the tasks, refusing any that asks for more than {@code ceiling}. */
    public List<TaskSpec> read(Path file, TaskCeiling ceiling) {
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException(file, 0, "task CSV file not found");
        }
        List<TaskSpec> tasks = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new TraceFormatException(file, 1, "expected a header line " + String.join(",", COLUMNS)
                        + "[,deadlineS], found an empty file");
            }
            List<String> names = List.of(header.strip().split("\\s*,\\s*"));
            boolean withDeadline = names.size() == 6 && names.get(5).equals("deadlineS");
            if (!names.subList(0, Math.min(5, names.size())).equals(COLUMNS) || (names.size() != 5 && !withDeadline)) {
                throw new TraceFormatException(file, 1, "expected the header " + String.join(",", COLUMNS)
                        + "[,deadlineS], found '" + header.strip() + "'");
            }
            String line;
            int number = 1;
            double lastArrival = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                TaskSpec task = parse(line, withDeadline, file, number);
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
        } catch (IOException e) {
            throw new TraceFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return tasks;
    }

    private static TaskSpec parse(String line, boolean withDeadline, Path file, int number) {
        String[] cells = line.split(",", -1);
        int expected = withDeadline ? 6 : 5;
        if (cells.length != expected) {
            throw new TraceFormatException(file, number, "expected " + expected + " comma-separated values, found "
                    + cells.length);
        }
        double[] values = new double[5];
        for (int i = 0; i < 5; i++) {
            values[i] = number(cells[i], COLUMNS.get(i), file, number, true);
        }
        if (!(values[4] > 0)) {
            throw new TraceFormatException(file, number, "durationS: expected a number > 0, found " + cells[4].strip());
        }
        double deadline = Double.POSITIVE_INFINITY;
        if (withDeadline && !cells[5].isBlank()) {
            deadline = number(cells[5], "deadlineS", file, number, true);
            if (deadline < values[0]) {
                throw new TraceFormatException(file, number, "deadlineS: expected a time >= the arrival "
                        + values[0] + ", found " + deadline);
            }
        }
        return new TaskSpec(values[0], values[1], values[3], values[2], values[4], deadline);
    }

    private static double number(String cell, String column, Path file, int line, boolean nonNegative) {
        String text = cell.strip();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(file, line, column + ": expected a number, found '" + text + "'");
        }
        if (!Double.isFinite(value) || (nonNegative && value < 0)) {
            throw new TraceFormatException(file, line, column + ": expected a finite number >= 0, found " + text);
        }
        return value;
    }
}
