package io.ldist.cli;

import io.ldist.scenario.LoadedScenario;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.Locale;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Times the simulation of a scenario over several runs in one JVM (trace reading and JVM start excluded),
 * without writing files, for docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist bench scenarios/quickstart.yaml --runs 5 --warmup 2",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a scenario, a trace, an option", "1:failure: a full disk, among others"},
        description = "Time the simulation itself over several runs (no files written): "
        + "each run's wall time, then min, median and max. The first runs include JIT warm-up.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs (default 5).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Untimed runs first, to let the JIT compile (default 0: the first run is timed cold).")
    int warmup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OptionRange.RUNS.check(runs);
        OptionRange.WARMUP.check(warmup);
        LoadedScenario loaded = scenario.load();
        Notices.print(spec.commandLine().getErr(), loaded);
        for (int i = 0; i < warmup; i++) {
            runOnce(loaded);
        }
        double[] seconds = new double[runs];
        SimulationResult last = null;
        for (int i = 0; i < runs; i++) {
            last = runOnce(loaded);
            seconds[i] = last.simWallSeconds();
            out.printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, seconds[i]);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "%s: %d runs, sim wall min %.3f s, median %.3f s, max %.3f s "
                        + "(%d hosts, %d VMs, %s migrations; %d cores, Java %s)%n",
                loaded.name(), runs, sorted[0], sorted[runs / 2], sorted[runs - 1],
                last.summary().get("hosts").intValue(), last.summary().get("vms").intValue(),
                last.summary().get("migrations"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        return 0;
    }

    private static SimulationResult runOnce(LoadedScenario loaded) {
        return new Simulation(loaded.spec(), loaded.newEngine(), EventLog.NONE, null).run();
    }
}
