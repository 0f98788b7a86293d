package io.ldist.cli.live;

import picocli.CommandLine.Command;

/** {@code ldist live}: the engine against a real fleet (EC2 instances hosting Hyper-V VMs). */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Run the engine against a live fleet: 'plan' shows what it would do now, 'run' keeps the "
                + "fleet reconciled and serves the task API. Dry run unless --apply.",
        subcommands = {LivePlanCommand.class, LiveRunCommand.class})
public final class LiveCommand {
}
