package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Small scenarios written into a test's temporary folder: a one-hour task stream on two servers, and a two-hour
 * vm-trace run on three servers following a tiny PlanetLab-style trace folder made next to it. Tests derive bad
 * scenarios from them by replacing one piece of text, so that the line numbers in expected messages can be read
 * off the text blocks below.
 */
final class TestScenarios {
    /** The repository's scenarios/ folder (Maven runs tests in the cli module's folder; IDEs may use the root). */
    static final Path SCENARIOS = Stream.of(Path.of("..", "scenarios"), Path.of("scenarios"))
            .map(path -> path.toAbsolutePath().normalize())
            .filter(path -> Files.isRegularFile(path.resolve("quickstart.yaml")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("scenarios/ not found from " + Path.of("").toAbsolutePath()));

    static final String TASKS = """
            name: small-tasks
            seed: 7
            duration: 1h
            decisionInterval: 1m
            fleet:
              maxVmsPerHost: 2
              hostTypes:
                - name: box
                  cores: 8
                  mipsPerCore: 2000
                  ram: 32GiB
                  power: [100, 200]
              hosts:
                - type: box
                  count: 2
              vmTypes:
                - name: worker
                  cores: 4
                  mipsPerCore: 2000
                  ram: 8GiB
                  taskSlots: 4
              template:
                vmType: worker
                perHost: 2
            workload:
              kind: tasks
              arrivals:
                perHour: 60
              task:
                cpuMips: 1000
                duration: 2m
            policies:
              placement: least-loaded
            """;

    static final String TRACE = """
            name: small-trace
            seed: 1
            duration: 2h
            decisionInterval: 5m
            fleet:
              maxVmsPerHost: unlimited
              hostTypes:
                - name: small-host
                  cores: 2
                  mipsPerCore: 2000
                  ram: 4GiB
                  power: [90, 130]
              hosts:
                - {type: small-host, count: 3}
              vmTypes:
                - {name: tiny, cores: 1, mipsPerCore: 500, ram: 512MiB}
            workload:
              kind: vm-trace
              path: trace
              vmTypes: [tiny]
            policies:
              placement: pabfd
              overload: {name: thr, threshold: 0.8}
              vmSelection: mmt
              underload: least-utilized
            """;

    /** Trace files in the tiny trace folder, and their names. */
    static final List<String> TRACE_FILES = List.of("vm-01", "vm-02", "vm-03", "vm-04");

    private TestScenarios() {
    }

    /** The task scenario, with each {@code replacements} pair (text, by) applied (the text must occur once), as {@code dir/tasks.yaml}. */
    static Path tasks(Path dir, String... replacements) {
        return write(dir.resolve("tasks.yaml"), TASKS, replacements);
    }

    /** The trace scenario, edited likewise, as {@code dir/trace.yaml}, with its trace folder {@code dir/trace}. */
    static Path trace(Path dir, String... replacements) {
        traceFolder(dir.resolve("trace"));
        return write(dir.resolve("trace.yaml"), TRACE, replacements);
    }

    /** A folder of four trace files of 288 lines each (CPU % between 0 and 89). */
    static Path traceFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            for (int f = 0; f < TRACE_FILES.size(); f++) {
                int file = f;
                List<String> lines = IntStream.range(0, 288).mapToObj(i -> String.valueOf((i * 7 + file * 13) % 90))
                        .toList();
                Files.write(folder.resolve(TRACE_FILES.get(f)), lines, StandardCharsets.US_ASCII);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces line {@code line} (1-based) of a text file. */
    static void replaceLine(Path file, int line, String text) {
        try {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.set(line - 1, text);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text, String... replacements) {
        assertThat(replacements.length % 2).as("replacements come in pairs").isZero();
        String edited = text;
        for (int i = 0; i < replacements.length; i += 2) {
            int at = edited.indexOf(replacements[i]);
            assertThat(at).as("'%s' in the scenario text", replacements[i]).isNotNegative();
            assertThat(edited.indexOf(replacements[i], at + 1)).as("'%s' only once", replacements[i]).isNegative();
            edited = edited.substring(0, at) + replacements[i + 1] + edited.substring(at + replacements[i].length());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, edited, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and folder under {@code root} with its size (folders -1), to show that a run wrote nothing. */
    static Map<String, Long> listing(Path root) {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> {
                try {
                    files.put(root.relativize(path).toString(), Files.isDirectory(path) ? -1 : Files.size(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
