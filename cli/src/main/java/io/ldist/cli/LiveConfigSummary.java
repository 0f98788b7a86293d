package io.ldist.cli;

import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.util.Numbers;
import io.ldist.live.LiveConfig;
import io.ldist.live.cloud.LaunchSpec;
import io.ldist.live.execute.SafetyCaps;

import java.nio.file.Path;

/** The one line {@code ldist validate} prints for a valid live config: what it would drive, and within what. */
final class LiveConfigSummary {
    private LiveConfigSummary() {
    }

    static String of(Path file, LiveConfig config) {
        LaunchSpec launch = config.launch();
        String from = launch.launchTemplate() == null ? launch.imageId()
                : "launch template " + launch.launchTemplate()
                        + (launch.imageId() == null ? "" : " with " + launch.imageId());
        ScalingSettings scaling = config.engine().scaling();
        String fleet = scaling == null ? "a fixed fleet"
                : "scaling " + scaling.minHosts() + " to " + scaling.maxHosts() + " servers"
                        + (scaling.pool().varies() ? " (standby pool " + scaling.pool().sizing().name().toLowerCase(
                                java.util.Locale.ROOT).replace('_', '-') + ")"
                                : scaling.standbyPool() == 0 ? "" : " (standby " + scaling.standbyPool() + ")");
        SafetyCaps caps = config.caps();
        return String.format(java.util.Locale.ROOT, "valid: %s (%s): live config of cluster %s in %s%s, %s hypervisor; "
                        + "launches %s from %s; %s; caps %d instances, %s USD/h, disruption %s%%; placement %s; "
                        + "API on %s:%d",
                config.name(), file, config.cluster(), config.region(),
                config.endpoint() == null ? "" : " at " + config.endpoint(), config.hypervisor(),
                launch.instanceType(), from, fleet, caps.maxInstances(), Numbers.plain(caps.maxCostPerHour()),
                Numbers.plain(Math.round(caps.disruptionBudget() * 1000) / 10.0), config.engine().placement(),
                config.api().host(), config.api().port());
    }
}
