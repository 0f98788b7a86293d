package io.ldist.scenario.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a PlanetLab day (CoMon data as shipped with CloudSim): a folder with one file per VM, one integer per
 * line, the VM's CPU utilisation in percent, every 300 s. Files are taken in name order, the reproducible
 * order. Every line is checked before anything runs.
 */
public final class PlanetLabTraceReader {
    public static final double INTERVAL_S = 300;

    private final int samplesPerFile;

    /** @param samplesPerFile lines expected in each file (288 for one day) */
    public PlanetLabTraceReader(int samplesPerFile) {
        if (samplesPerFile < 1) {
            throw new IllegalArgumentException("samples per file must be >= 1");
        }
        this.samplesPerFile = samplesPerFile;
    }

    public UtilizationTrace read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TraceFormatException(folder, 0, Files.exists(folder)
                    ? "expected a folder of PlanetLab trace files, found a file"
                    : "trace folder not found");
        }
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path entry : listing.sorted().toList()) {
                // Follows links: a link to a trace file is read; one that dangles or loops is said, not dropped.
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                } else {
                    skipped.add(entry.getFileName() + " (" + whyNotAFile(entry) + ")");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TraceFormatException(folder, 0, "cannot list the trace folder: " + e.getMessage());
        }
        List<String> notices = new ArrayList<>();
        if (!skipped.isEmpty()) {
            notices.add(folder + ": " + skipped.size() + (skipped.size() == 1 ? " entry" : " entries")
                    + " skipped, not being readable trace files: " + shortList(skipped));
        }
        if (files.isEmpty()) {
            throw new TraceFormatException(folder, 0, "trace folder holds no files"
                    + (skipped.isEmpty() ? "" : " (skipped: " + shortList(skipped) + ")"));
        }
        List<String> names = new ArrayList<>(files.size());
        List<String> longer = new ArrayList<>();
        byte[][] percent = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            names.add(files.get(i).getFileName().toString());
            percent[i] = readFile(files.get(i), longer, notices);
        }
        if (!longer.isEmpty()) {
            notices.add(folder + ": " + longer.size() + (longer.size() == 1 ? " file has" : " files have")
                    + " more than " + samplesPerFile + " lines; only the first " + samplesPerFile
                    + " of each are read: " + shortList(longer));
        }
        return new UtilizationTrace(names, percent, INTERVAL_S, notices);
    }

    private static String whyNotAFile(Path entry) {
        if (Files.isSymbolicLink(entry)) {
            try {
                Path target = Files.readSymbolicLink(entry);
                return !Files.exists(entry) ? "a link to " + target + ", which leads to no file: it dangles or loops"
                        : Files.isDirectory(entry) ? "a link to the folder " + target : "a link to " + target
                        + ", not a regular file";
            } catch (IOException e) {
                return "an unreadable link";
            }
        }
        return Files.isDirectory(entry) ? "a folder" : "not a regular file";
    }

    private static String shortList(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(5, items.size())))
                + (items.size() > 5 ? " and " + (items.size() - 5) + " more" : "");
    }

    private byte[] readFile(Path file, List<String> longer, List<String> notices) {
        byte[] values = new byte[samplesPerFile];
        List<String> lines = TextFiles.lines(file, notices::add);
        for (int line = 1; line <= samplesPerFile; line++) {
            if (line > lines.size()) {
                throw new TraceFormatException(file, line,
                        "expected " + samplesPerFile + " lines of CPU utilisation, found only " + (line - 1));
            }
            values[line - 1] = parsePercent(lines.get(line - 1).strip(), file, line);
        }
        // Blank lines after the day are what editors leave; anything else there is cut, and said.
        if (lines.subList(samplesPerFile, lines.size()).stream().anyMatch(text -> !text.isBlank())) {
            longer.add(file.getFileName() + " (" + lines.size() + " lines)");
        }
        return values;
    }

    private static byte parsePercent(String text, Path file, int line) {
        // Digits only: Integer.parseInt would also take '+5' and digits of other scripts.
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TraceFormatException(file, line, "expected an integer CPU utilisation in percent (0-100), found '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        int value = Integer.parseInt(text);
        if (value > 100) {
            throw new TraceFormatException(file, line,
                    "expected an integer CPU utilisation in percent (0-100), found " + value);
        }
        return (byte) value;
    }
}
