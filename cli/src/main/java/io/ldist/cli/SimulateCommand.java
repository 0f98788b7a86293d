package io.ldist.cli;

import io.ldist.scenario.LoadedScenario;
import io.ldist.reports.Provenance;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.CsvEventLog;
import io.ldist.sim.record.RunOutput;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.VmTraceWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Runs one scenario in the simulator and writes its results. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist simulate scenarios/quickstart.yaml --out out/quickstart",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a scenario, a trace, an option, an output folder in the way or in use by another run", "1:failure: a full disk, among others"},
        description = "Run a scenario in the simulator; print a summary and write "
        + "summary.json, timeseries.csv, events.csv and run.json to the output folder.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    /** What a run writes, in the order the summary names them. */
    private static final List<String> FILES = List.of("summary.json", "timeseries.csv",
            "events.csv", "run.json");

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (overrides the scenario's).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>).")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty output folder, replacing files of the same name.")
    boolean force;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--json", description = "Print summary.json on standard output instead of the summary table "
            + "(the files are still written).")
    boolean json;

    /**
     * out/NAME: a name that is not one folder's ("../x", "a/b") would put the run somewhere else than out/, so it
     * is refused rather than followed.
     */
    private static Path defaultFolder(String name) {
        String problem = name.contains("/") || name.contains("\\") ? "it holds a '/' or '\\'"
                : name.equals(".") || name.equals("..") ? "it is '" + name + "'" : null;
        Path folder = null;
        try {
            folder = Path.of("out", name);
        } catch (java.nio.file.InvalidPathException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            throw new BadInputException("the scenario's name '" + name + "' cannot name its output folder out/NAME ("
                    + problem + "): give --out DIR, or the scenario another name");
        }
        return folder;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        OptionRange.SEED.check(seed);
        LoadedScenario loaded = scenario.load();
        if (seed != null) {
            loaded = loaded.withSeed(seed);
        }
        Notices.print(spec.commandLine().getErr(), loaded);
        // Hashed as read, before the run: a file changed meanwhile is not what the run simulated.
        Provenance provenance = RunProvenance.collect(spec, scenario.overrides, scenario.files(), null,
                loaded.dataPaths());
        Path target = out != null ? out : defaultFolder(loaded.name());
        // The default folder is ldist's: running the same command again replaces the earlier run there (and says
        // so), as a user expects of the README's first command; a folder named with --out is never replaced unasked.
        boolean replacing = out == null && Files.isDirectory(target) && EarlierFiles.onlyAnEarlierRun(target, FILES);
        SimulationResult result;
        // Everything is written into the staging folder and swapped in at the end: see OutputFolder.
        try (OutputFolder output = OutputFolder.claim(target, force || replacing)) {
            Path staging = output.staging();
            try (CsvEventLog events = new CsvEventLog(staging.resolve("events.csv"));
                 Progress progress = new Progress(loaded.name(), !quiet)) {
                result = new Simulation(loaded.spec(), loaded.newEngine(), events, progress).run();
                TestPause.at("simulated");
                RunOutput.writeSummary(staging.resolve("summary.json"), result.summary());
                TestPause.at("summary.json-written");
                RunOutput.writeTimeseries(staging.resolve("timeseries.csv"), result.timeseries());
                TestPause.at("timeseries.csv-written");
                RunInfo.write(staging.resolve("run.json"), loaded.source(), loaded.spec().seed(),
                        result.simWallSeconds(), loaded.notices(), provenance);
                TestPause.at("run.json-written");
                events.commit();
                TestPause.at("events.csv-written");
            }
            output.commit();
        }
        if (json) {
            try {
                stdout.print(Files.readString(target.resolve("summary.json"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + target.resolve("summary.json"), e);
            }
            stdout.flush();
        } else if (!quiet) {
            String title = String.format(Locale.ROOT, "%s: seed %d, %s simulated in %.2f s", loaded.name(),
                    loaded.spec().seed(), Durations.describe(loaded.spec().durationS()), result.simWallSeconds());
            boolean faults = !loaded.spec().faults().equals(Faults.NONE);
            stdout.print(SummaryTable.render(title, result.summary(),
                    loaded.spec().workload() instanceof VmTraceWorkload, faults));
            stdout.println();
            stdout.println("Wrote " + target + (replacing ? " (replacing the earlier run there; give --out DIR to keep "
                    + "runs apart)" : "") + ": " + String.join(", ", FILES));
        }
        return 0;
    }
}
