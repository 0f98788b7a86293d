package io.ldist.cli;

import io.ldist.sim.record.RunOutput;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        String json = String.format(Locale.ROOT, """
                {
                  "ldistVersion": "%s",
                  "finishedAt": "%s",
                  "scenario": "%s",
                  "seed": %d,
                  "simWallSeconds": %s,
                  "java": "%s",
                  "cores": %d
                }
                """, version(), Instant.now().truncatedTo(ChronoUnit.SECONDS), escape(source), seed,
                RunOutput.number(simWallSeconds), escape(System.getProperty("java.version")),
                Runtime.getRuntime().availableProcessors());
        RunOutput.writeAtomically(file, out -> out.write(json));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
