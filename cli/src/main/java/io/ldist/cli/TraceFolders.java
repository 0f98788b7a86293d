package io.ldist.cli;

import io.ldist.scenario.trace.TraceFormatException;
import io.ldist.scenario.trace.TraceFormats;
import io.ldist.scenario.trace.UtilizationTrace;

import java.nio.file.Files;
import java.nio.file.Path;

/** A PlanetLab trace folder named on the command line (forecast-eval, anomaly-eval), read or refused clearly. */
final class TraceFolders {
    private TraceFolders() {
    }

    static UtilizationTrace readPlanetLab(Path traces) {
        if (!Files.isDirectory(traces)) {
            throw new BadInputException(traces + ": expected a folder of PlanetLab trace files, found "
                    + (Files.exists(traces) ? "a file" : "nothing (it does not exist)"));
        }
        try {
            return TraceFormats.named(TraceFormats.DEFAULT).orElseThrow().read(traces);
        } catch (TraceFormatException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
