package io.ldist.sim.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's files: summary.json, timeseries.csv and events.csv. Each file is written to a temporary
 * file in the same folder and moved into place only when complete, so a failed run leaves nothing
 * half-written. Numbers are formatted the same way on every machine, so identical runs give identical bytes.
 */
public final class RunOutput {
    private RunOutput() {
    }

    /** A number as written in ldist's files: integers as integers, others with up to 9 significant decimals. */
    public static String number(Number value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String text = String.format(Locale.ROOT, "%.9g", d);
        if (text.contains("e")) {
            return text;
        }
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }

    /** A flat JSON object of the metrics; metrics with nothing to measure are null. */
    public static void writeSummary(Path file, Map<String, ? extends Number> metrics) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, ? extends Number> entry : metrics.entrySet()) {
            String value = number(entry.getValue());
            json.append("  \"").append(entry.getKey()).append("\": ").append(value.isEmpty() ? "null" : value);
            json.append(++i < metrics.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        writeAtomically(file, out -> out.write(json.toString()));
    }

    public static void writeTimeseries(Path file, Timeseries series) {
        writeAtomically(file, out -> {
            out.write(String.join(",", series.columns()));
            out.write('\n');
            StringBuilder line = new StringBuilder();
            for (List<Number> row : series.rows()) {
                line.setLength(0);
                for (int i = 0; i < row.size(); i++) {
                    line.append(i == 0 ? "" : ",").append(number(row.get(i)));
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    /**
     * A task stream's waits: {@code waitS,tasksStarted,tasksArrived}, one row per wait of the grid, the tasks that
     * started within it and all that arrived (the same on every row), so that a reader can pool runs.
     */
    public static void writeWaits(Path file, WaitDistribution waits) {
        writeAtomically(file, out -> {
            out.write("waitS,tasksStarted,tasksArrived\n");
            for (int i = 0; i < waits.waitS().length; i++) {
                out.write(number(waits.waitS()[i]) + "," + waits.started()[i] + "," + waits.arrived() + "\n");
            }
        });
    }

    /** Line of events.csv for one event. */
    public static String eventLine(EventRow r) {
        return String.join(",", number(r.timeS()), r.kind(), r.reason(), id(r.host()), id(r.vm()), id(r.toHost()),
                r.task() < 0 ? "" : Long.toString(r.task()), csv(r.detail()));
    }

    private static String id(int index) {
        return index < 0 ? "" : Integer.toString(index);
    }

    private static String csv(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    public static void writeAtomically(Path file, Content content) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = newWriter(temporary)) {
                content.writeTo(out);
            }
            moveIntoPlace(temporary, file);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Opens {@code file} to write text, replacing what it held. */
    static BufferedWriter newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(SimulatedFullDisk.around(Files.newOutputStream(file)),
                StandardCharsets.UTF_8));
    }

    public static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more can be done; the original error matters more.
        }
    }
}
