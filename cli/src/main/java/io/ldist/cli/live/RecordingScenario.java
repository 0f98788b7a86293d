package io.ldist.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.ldist.scenario.Overrides;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.live.LiveConfig;
import io.ldist.live.record.RecordedTrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The scenario beside a recording, so that {@code ldist simulate} replays what a live run saw: the live config's own
 * {@code fleet} and {@code policies} sections (its text, with the run's {@code --set}s applied: one schema for both,
 * so the simulator's engine gets the settings the live one had), the servers there were when recording began, the
 * recorded tasks ({@value RecordedTrace#TASKS}) and, as crashes, the failures of those servers. Failures of servers
 * launched during the recording cannot be named by the scenario format (it names servers present at the start) and
 * are listed in the header instead.
 */
public final class RecordingScenario {
    public static final String FILE = "scenario.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private RecordingScenario() {
    }

    public static Path write(Path configFile, List<String> overrides, LiveConfig config, RecordedTrace.Summary summary,
                             Path dir) {
        JsonNode source = Overrides.apply(ScenarioDocument.parse(configFile), overrides).root();
        ObjectNode scenario = YAML.createObjectNode();
        scenario.put("name", config.name() + "-recorded");
        scenario.put("description", "What ldist live saw on cluster " + config.cluster() + ", replayed: "
                + summary.tasks() + " tasks over " + seconds(summary.durationS()) + ".");
        scenario.put("seed", 1);
        scenario.put("duration", seconds(Math.max(summary.durationS(), config.intervalS())));
        scenario.put("decisionInterval", seconds(config.intervalS()));
        ObjectNode fleet = ((ObjectNode) source.path("fleet")).deepCopy();
        ArrayNode hosts = fleet.putArray("hosts");
        ObjectNode running = hosts.addObject();
        running.put("type", config.hostType().name());
        // The format needs a server to start from; a recording that began with none starts from one.
        running.put("count", Math.max(1, summary.activeAtStart()));
        if (summary.standbyAtStart() > 0) {
            ObjectNode standby = hosts.addObject();
            standby.put("type", config.hostType().name());
            standby.put("count", summary.standbyAtStart());
            standby.put("state", "standby");
        }
        scenario.set("fleet", fleet);
        ObjectNode workload = scenario.putObject("workload");
        workload.put("kind", "tasks");
        workload.put("csv", RecordedTrace.TASKS);
        scenario.set("policies", source.path("policies").deepCopy());
        List<RecordedTrace.HostFailure> named = summary.failures().stream()
                .filter(f -> f.atStart() && f.host() < summary.activeAtStart()).toList();
        if (!named.isEmpty()) {
            ArrayNode crashes = scenario.putObject("faults").putArray("crashes");
            for (RecordedTrace.HostFailure failure : named) {
                ObjectNode crash = crashes.addObject();
                crash.put("host", failure.host());
                crash.put("at", seconds(failure.atS()));
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("# Recorded by ldist live run --record from ").append(configFile.getFileName())
                .append(" (cluster ").append(config.cluster()).append(").\n");
        text.append("# Replay the world with: ldist simulate ").append(FILE)
                .append("; check the decisions with: ldist live replay <this folder>\n");
        if (summary.tasks() == 0) {
            text.append("# No task ran while recording: a task workload needs one, so neither ldist simulate nor\n"
                    + "# ldist live replay can use this recording (record while tasks are given to the API).\n");
        }
        if (summary.tasksCutShort() > 0) {
            text.append("# ").append(summary.tasksCutShort())
                    .append(" task(s) still running when recording ended are given the time they had run.\n");
        }
        if (summary.tasksNeverStarted() > 0) {
            text.append("# ").append(summary.tasksNeverStarted())
                    .append(" task(s) that never started are left out (no run time to replay).\n");
        }
        for (RecordedTrace.HostFailure failure : summary.failures()) {
            if (!named.contains(failure)) {
                text.append("# Server ").append(failure.host()).append(" failed at ").append(seconds(failure.atS()))
                        .append("; it was launched during the recording, which a scenario's crashes cannot name.\n");
            }
        }
        Path file = dir.resolve(FILE);
        try {
            text.append(YAML.writeValueAsString(scenario));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the recording's scenario: " + e.getMessage(), e);
        }
        return file;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%ds", (long) Math.ceil(s));
    }
}
