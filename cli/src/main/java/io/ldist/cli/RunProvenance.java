package io.ldist.cli;

import io.ldist.reports.Provenance;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Gathers the provenance of a command's run: its command line, overrides, ldist's build and inputs' hashes. */
public final class RunProvenance {
    private RunProvenance() {
    }

    /**
     * @param scenarios the scenario files read (none for the embedded quickstart)
     * @param sweep     the sweep file of a comparison, or null
     * @param dataPaths every trace folder, task file or catalogue file the runs read; each is hashed once
     */
    public static Provenance collect(CommandSpec spec, List<String> sets, List<Path> scenarios, Path sweep,
                                     List<Path> dataPaths) {
        List<Provenance.Input> inputs = new ArrayList<>();
        for (Path scenario : new LinkedHashSet<>(scenarios)) {
            inputs.add(InputHashes.of("scenario", scenario));
        }
        if (sweep != null) {
            inputs.add(InputHashes.of("sweep file", sweep));
        }
        Set<Path> data = new LinkedHashSet<>(dataPaths);
        for (Path path : data) {
            inputs.add(InputHashes.of(kind(path), path));
        }
        return new Provenance(commandLine(spec), sets, RunInfo.version(), SourceCommit.describe(), inputs);
    }

    /**
     * What a data path is: a folder is a trace folder; a YAML file a catalogue file (fleet.catalogue: the task reader
     * reads CSV only); any other file a task file.
     */
    private static String kind(Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            return "trace folder";
        }
        String name = String.valueOf(path.getFileName());
        return name.endsWith(".yaml") || name.endsWith(".yml") ? "catalogue file" : "task file";
    }

    /** The arguments as typed, quoted where a shell would need it, so that the line can be run again. */
    private static String commandLine(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        for (String argument : spec.commandLine().getParseResult().originalArgs()) {
            words.add(argument.matches("[A-Za-z0-9_./=:,@%+-]+") ? argument
                    : "'" + argument.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
