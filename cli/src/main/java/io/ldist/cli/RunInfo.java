package io.ldist.cli;

import io.ldist.sim.record.RunOutput;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * run.json: how and when a run was made. The only output file that may differ between identical runs, since
 * it holds the wall time and the date.
 */
final class RunInfo {
    private RunInfo() {
    }

    static String version() {
        String version = RunInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    static void write(Path file, String source, long seed, double simWallSeconds) {
        write(file, source, seed, simWallSeconds, List.of());
    }

    /** @param notices what reading the scenario's data skipped, cut or tolerated (see {@link Notices}) */
    static void write(Path file, String source, long seed, double simWallSeconds, List<String> notices) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < notices.size(); i++) {
            list.append(i == 0 ? "\n    \"" : ",\n    \"").append(escape(notices.get(i))).append('"');
        }
        list.append(notices.isEmpty() ? "]" : "\n  ]");
        String json = String.format(Locale.ROOT, """
                {
                  "ldistVersion": "%s",
                  "finishedAt": "%s",
                  "scenario": "%s",
                  "seed": %d,
                  "simWallSeconds": %s,
                  "java": "%s",
                  "cores": %d,
                  "notices": %s
                }
                """, version(), Instant.now().truncatedTo(ChronoUnit.SECONDS), escape(source), seed,
                RunOutput.number(simWallSeconds), escape(System.getProperty("java.version")),
                Runtime.getRuntime().availableProcessors(), list);
        RunOutput.writeAtomically(file, out -> out.write(json));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
