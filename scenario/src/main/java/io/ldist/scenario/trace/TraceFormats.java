package io.ldist.scenario.trace;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The trace formats by name, as {@code workload.format} names them. */
public final class TraceFormats {
    /** What a scenario without {@code workload.format} reads. */
    public static final String DEFAULT = "planetlab";

    private static final Map<String, TraceFormat> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put(DEFAULT, new PlanetLabDay());
    }

    private TraceFormats() {
    }

    public static Optional<TraceFormat> named(String name) {
        return Optional.ofNullable(FORMATS.get(name));
    }

    public static Set<String> names() {
        return FORMATS.keySet();
    }

    /** A PlanetLab day as CloudSim ships it: 288 five-minute samples per VM. */
    private static final class PlanetLabDay implements TraceFormat {
        private static final int SAMPLES_PER_DAY = 288;

        @Override
        public String describe() {
            return "a folder of PlanetLab trace files (" + SAMPLES_PER_DAY + " lines of integer CPU % each)";
        }

        @Override
        public UtilizationTrace read(Path folder) {
            return new PlanetLabTraceReader(SAMPLES_PER_DAY).read(folder);
        }
    }
}
