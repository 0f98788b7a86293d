package io.ldist.cli;

import io.ldist.cli.liveconfig.LiveConfigLoader;
import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.VmTraceWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist validate scenarios/planetlab/thr-mmt-0.8.yaml",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:valid", "2:not valid (each problem is printed), or a bad option"},
        description = "Check a scenario without running it: exit 0 when valid, 2 with the "
        + "problems (file, line, field, expected, found) when not. A file with a top-level 'live' section is "
        + "checked as a live config.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (scenario.scenario != null && LiveConfigLoader.isLiveConfig(scenario.scenario)) {
            out.println(LiveConfigSummary.of(scenario.scenario, LiveConfigLoader.load(scenario.scenario,
                    ScenarioOptions.withScale(scenario.overrides, scenario.scale))));
            return 0;
        }
        LoadedScenario loaded = scenario.load();
        Notices.print(spec.commandLine().getErr(), loaded);
        int servers = loaded.spec().hosts().stream().mapToInt(HostGroup::count).sum();
        String workload = loaded.spec().workload() instanceof VmTraceWorkload trace
                ? trace.vmCount() + " VMs following " + trace.trace().seriesCount() + " traces"
                : ((TaskStreamWorkload) loaded.spec().workload()).source() instanceof
                io.ldist.scenario.spec.TaskSource.TaskList list ? list.tasks().size() + " tasks replayed"
                : "a generated task stream";
        int updates = loaded.spec().updates().size();
        // Said only when there are some: the line of a scenario without updates stays as it was.
        String updating = updates == 0 ? "" : updates == 1 ? "; 1 rolling update" : "; " + updates + " rolling updates";
        out.printf("valid: %s (%s): %d servers at start, %s; placement %s%s%n", loaded.name(),
                loaded.source(), servers, workload, loaded.engine().placement(), updating);
        return 0;
    }
}
