package io.ldist.cli;

import io.ldist.reports.Provenance;
import io.ldist.sim.record.RunOutput;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * @param notices    what reading the scenario's data skipped, cut or tolerated (see {@link Notices})
     * @param provenance the command line, overrides, commit and inputs' hashes of the run
     */
    static void write(java.nio.file.Path file, String source, long seed, double simWallSeconds, List<String> notices,
                      Provenance provenance) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ldistVersion", provenance.ldistVersion());
        info.put("commit", provenance.commit());
        info.put("commandLine", provenance.commandLine());
        info.put("sets", provenance.sets());
        info.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("scenario", source);
        info.put("inputs", provenance.inputs());
        info.put("seed", seed);
        info.put("simWallSeconds", simWallSeconds);
        info.put("java", System.getProperty("java.version"));
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("notices", notices);
        String text = JsonText.of(info);
        RunOutput.writeAtomically(file, out -> out.write(text));
    }
}
