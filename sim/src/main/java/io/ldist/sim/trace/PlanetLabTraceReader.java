package io.ldist.sim.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (files.isEmpty()) {
            throw new TraceFormatException(folder, 0, "trace folder holds no files");
        }
        List<String> names = new ArrayList<>(files.size());
        byte[][] percent = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            names.add(files.get(i).getFileName().toString());
            percent[i] = readFile(files.get(i));
        }
        return new UtilizationTrace(names, percent, INTERVAL_S);
    }

    private byte[] readFile(Path file) {
        byte[] values = new byte[samplesPerFile];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (int line = 1; line <= samplesPerFile; line++) {
                String text = in.readLine();
                if (text == null) {
                    throw new TraceFormatException(file, line,
                            "expected " + samplesPerFile + " lines of CPU utilisation, found only " + (line - 1));
                }
                values[line - 1] = parsePercent(text.strip(), file, line);
            }
        } catch (IOException e) {
            throw new TraceFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return values;
    }

    private static byte parsePercent(String text, Path file, int line) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(file, line,
                    "expected an integer CPU utilisation in percent (0-100), found '" + text + "'");
        }
        if (value < 0 || value > 100) {
            throw new TraceFormatException(file, line,
                    "expected an integer CPU utilisation in percent (0-100), found " + value);
        }
        return (byte) value;
    }
}
