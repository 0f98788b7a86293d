package io.ldist.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a built report into a results folder: everything is first written to a staging folder, and only
 * then do the charts folder and report.html replace the old ones, so a report that fails half-way leaves the
 * previous one whole.
 */
public final class ReportFiles {
    public static final String REPORT = "report.html";

    private ReportFiles() {
    }

    public static void write(Path folder, ComparisonReport.Built report) {
        Path staging = folder.resolve(".report.partial");
        try {
            FileTree.delete(staging);
            // Level by level, not createDirectories: a folder removed meanwhile (a run stopped) is not made again.
            Path charts = Files.createDirectory(Files.createDirectory(staging).resolve(ComparisonReport.CHARTS));
            for (ComparisonReport.ChartFiles chart : report.charts()) {
                Files.write(charts.resolve(chart.stem() + ".png"), chart.png());
                Files.write(charts.resolve(chart.stem() + ".svg"), chart.svg());
            }
            Files.writeString(staging.resolve(REPORT), report.html(), StandardCharsets.UTF_8);
            Path oldCharts = folder.resolve(ComparisonReport.CHARTS);
            FileTree.delete(oldCharts);
            Files.move(charts, oldCharts);
            move(staging.resolve(REPORT), folder.resolve(REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + folder, e);
        } finally {
            try {
                FileTree.delete(staging);
            } catch (IOException ignored) {
                // A leftover staging folder; the error that got us here matters more.
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
