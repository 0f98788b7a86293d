package io.ldist.cli.live;

import io.ldist.cli.liveconfig.LiveConfigLoader;
import io.ldist.live.LiveConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The live config a live command works on, with its --set overrides and the --hypervisor choice. */
final class LiveOptions {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Live config (YAML): fleet, policies and a 'live' section, e.g. scenarios/live/moto-demo.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override a config field, e.g. --set live.api.port=0 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--hypervisor", paramLabel = "ssm|simulated",
            description = "Override the config's hypervisor: ssm (Hyper-V through Run Command) or simulated (VMs kept "
                    + "in memory, for an endpoint without real hosts).")
    String hypervisor;

    /** The config, checked as {@code ldist validate} checks it; --hypervisor is one more override, checked alike. */
    LiveConfig load() {
        return LiveConfigLoader.load(config, allOverrides());
    }

    /** The --set overrides, then --hypervisor as one more. */
    List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (hypervisor != null) {
            all.add("live.hypervisor=" + hypervisor);
        }
        return all;
    }
}
