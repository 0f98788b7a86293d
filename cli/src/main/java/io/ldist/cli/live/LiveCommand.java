package io.ldist.cli.live;

import io.ldist.cli.Ldist;
import picocli.CommandLine.Command;

/** {@code ldist live}: the engine against a real fleet (EC2 instances hosting Hyper-V VMs). */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        description = "Run the engine against a live fleet: 'plan' shows what it would do now, 'run' keeps the "
                + "fleet reconciled and serves the task API (dry run unless --apply; --record DIR keeps what it saw), "
                + "'replay' checks a recording against the simulator's engine.",
        subcommands = {LivePlanCommand.class, LiveRunCommand.class, LiveReplayCommand.class})
public final class LiveCommand {
}
