package io.ldist.cli.live;

import io.ldist.cli.Ldist;
import io.ldist.cli.BadInputException;
import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.live.record.DecisionRecorder;
import io.ldist.live.record.DecisionReplay;
import io.ldist.live.record.RecordedTrace;
import io.ldist.live.record.TypeCatalogue;
import io.ldist.scenario.spec.HostGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The sim-to-live check: the engine the simulator builds from a recording's scenario is shown every view the live
 * engine was shown, in order, and must return every plan the live one returned.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist live replay out/recording",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every plan is the same", "1:some plans differ (the first differences are printed)", "2:a bad recording"},
        description = "Check a recording of ldist live run --record: the simulator's engine, built from the "
                + "recording's scenario.yaml, is shown each view the live engine saw and must make the same decision. "
                + "Exit 0 when every plan is the same, 1 with the first differences when not, 2 for a bad recording.")
public final class LiveReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "The folder ldist live run --record wrote.")
    Path recording;

    @Override
    public Integer call() {
        Path scenarioFile = recording.resolve(RecordingScenario.FILE);
        if (!Files.isRegularFile(recording.resolve(DecisionRecorder.DECISIONS))) {
            throw new BadInputException(recording + ": no recording here (expected " + DecisionRecorder.DECISIONS
                    + "; record one with ldist live run --record " + recording + ")");
        }
        if (!Files.isRegularFile(scenarioFile)) {
            throw new BadInputException(scenarioFile + ": not found: the recording was not finished (its scenario "
                    + "is written when ldist live run --record stops)");
        }
        if (!hasTasks(recording.resolve(RecordedTrace.TASKS))) {
            throw new BadInputException(recording + ": no task ran while it was recorded, and the scenario that "
                    + "builds the engine to replay on needs one: record while tasks are given to the API");
        }
        LoadedScenario scenario = ScenarioLoader.load(scenarioFile, List.of());
        DecisionReplay.Result result;
        try {
            result = DecisionReplay.replay(recording, scenario.engine().newEngine(), catalogue(scenario));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("replayed %d engine calls of %s (%d whole decisions, %d per-task) on the engine of %s%n",
                result.calls(), recording.resolve(DecisionRecorder.DECISIONS), result.wholeDecisions(),
                result.taskDecisions(), scenarioFile);
        out.printf("same plan: %d of %d%n", result.identical(), result.calls());
        for (DecisionReplay.Difference d : result.differences()) {
            out.printf("  line %d (%s at %.0f s): %s%n", d.line(), d.call(), d.atS(), d.firstDifference());
        }
        if (result.differing() > result.differences().size()) {
            out.printf("  ... and %d more%n", result.differing() - result.differences().size());
        }
        return result.allIdentical() ? 0 : 1;
    }

    private static boolean hasTasks(Path tasks) {
        try (var lines = Files.lines(tasks)) {
            return lines.skip(1).anyMatch(line -> !line.isBlank());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Every server type the scenario's engine may launch or find, and the VM type of its template. */
    private static TypeCatalogue catalogue(LoadedScenario scenario) {
        List<HostType> hosts = new ArrayList<>();
        scenario.spec().hosts().stream().map(HostGroup::type).forEach(hosts::add);
        EngineSettings engine = scenario.engine();
        if (engine.scaling() != null && engine.scaling().launchType() != null) {
            hosts.add(engine.scaling().launchType());
        }
        List<VmType> vms = new ArrayList<>();
        if (engine.template() != null) {
            vms.add(engine.template().type());
        }
        return TypeCatalogue.of(hosts, vms);
    }
}
