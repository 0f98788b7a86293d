package io.ldist.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.cli.Ldist;
import io.ldist.cli.liveconfig.LiveConfigLoader;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.loop.LiveDistributor;
import io.ldist.live.record.DecisionRecorder;
import io.ldist.live.record.RecordedTrace;
import io.ldist.live.testkit.MotoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sim-to-live check, end to end: a live run of scenarios/live/moto-demo.yaml against moto, with tasks given to it
 * through the distributor, recorded; then ldist live replay shows the engine the simulator builds from the
 * recording's scenario every recorded view and gets every recorded decision back, and ldist simulate replays the
 * recorded workload.
 */
class RecordAndReplayTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final Path DEMO = Path.of("../scenarios/live/moto-demo.yaml");

    @TempDir
    Path tmp;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static int ldist(StringWriter out, String... args) {
        return Ldist.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    @Test
    void aRecordedLiveRunIsDecidedAlikeByTheSimulatorsEngineAndReplaysInTheSimulator() throws Exception {
        List<String> overrides = List.of("live.endpoint=" + MOTO.endpoint(), "live.stateDir=" + tmp.resolve("state"),
                "live.api.port=0");
        LiveConfig config = LiveConfigLoader.load(DEMO, overrides);
        Path recording = tmp.resolve("recording");
        try (LiveSession session = LiveSession.open(config, LiveSession.Mode.APPLY, line -> { })) {
            LiveDistributor live = session.distributor();
            DecisionRecorder recorder = new DecisionRecorder(recording);
            live.addListener(recorder);
            for (int i = 0; i < 3; i++) {
                live.reconcile(); // launch, boot, place the template's VMs
            }
            List<TaskTicket> running = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                running.add(live.submit(new TaskSubmission(10_000 + 1000 * (i % 5), 0, 4096, i % 2 == 0 ? 600.0 : null,
                        null)));
            }
            live.reconcile();
            for (TaskTicket ticket : running.subList(0, 12)) {
                if (live.task(ticket.id()).orElseThrow().state().equals("running")) {
                    live.finish(ticket.id(), false);
                }
            }
            live.reconcile();
            RecordedTrace.Summary summary = live.withFleet(recorder::finish);
            RecordingScenario.write(DEMO, overrides, config, summary, recording);
            assertThat(summary.tasks()).isEqualTo(24);
        }

        StringWriter replay = new StringWriter();
        assertThat(ldist(replay, "live", "replay", recording.toString())).as(replay.toString()).isZero();
        assertThat(replay.toString()).containsPattern("same plan: (\\d+) of \\1\\n");
        assertThat(replay.toString()).contains("per-task");

        StringWriter simulate = new StringWriter();
        assertThat(ldist(simulate, "simulate", recording.resolve("scenario.yaml").toString(), "--out",
                tmp.resolve("sim").toString(), "--quiet")).as(simulate.toString()).isZero();
        assertThat(Files.readString(tmp.resolve("sim/summary.json"))).contains("\"tasksArrived\": 24");
    }

    @Test
    void liveRunRecordWritesTheRecordingWhenItStops() {
        Path recording = tmp.resolve("rec");
        StringWriter out = new StringWriter();
        int exit = ldist(out, "live", "run", "--config", DEMO.toString(), "--apply", "--once", "--record",
                recording.toString(), "--set", "live.endpoint=" + MOTO.endpoint(), "--set",
                "live.stateDir=" + tmp.resolve("state"), "--set", "live.api.port=0");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(recording.resolve(DecisionRecorder.DECISIONS)).isNotEmptyFile();
        assertThat(recording.resolve(RecordingScenario.FILE)).isNotEmptyFile();
        assertThat(recording.resolve(RecordedTrace.TASKS)).exists();
        assertThat(out.toString()).contains("recorded 2 engine calls and 0 tasks into " + recording);
        StringWriter again = new StringWriter();
        assertThat(ldist(again, "live", "run", "--config", DEMO.toString(), "--once", "--record",
                recording.toString(), "--set", "live.endpoint=" + MOTO.endpoint(), "--set",
                "live.stateDir=" + tmp.resolve("state2"), "--set", "live.api.port=0")).isEqualTo(Ldist.BAD_INPUT);
        assertThat(again.toString()).contains("--record: ", "never overwritten");
        StringWriter empty = new StringWriter();
        assertThat(ldist(empty, "live", "replay", recording.toString())).isEqualTo(Ldist.BAD_INPUT);
        assertThat(empty.toString()).contains("no task ran while it was recorded");
    }

    @Test
    void aRecordingMadeWithOtherPoliciesIsToldApartAtItsFirstDifferentDecision() throws Exception {
        List<String> overrides = List.of("live.endpoint=" + MOTO.endpoint(), "live.stateDir=" + tmp.resolve("state"),
                "live.api.port=0");
        LiveConfig config = LiveConfigLoader.load(DEMO, overrides);
        Path recording = tmp.resolve("recording");
        try (LiveSession session = LiveSession.open(config, LiveSession.Mode.APPLY, line -> { })) {
            LiveDistributor live = session.distributor();
            DecisionRecorder recorder = new DecisionRecorder(recording);
            live.addListener(recorder);
            live.reconcile();
            live.reconcile();
            live.submit(new TaskSubmission(10_000, 0, 4096, null, null));
            live.reconcile();
            RecordingScenario.write(DEMO, List.of(), config, live.withFleet(recorder::finish), recording);
        }
        // Someone edits the scenario's scaling floor: the replay no longer makes the first decision the live one did.
        Path scenario = recording.resolve("scenario.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("minHosts: 2", "minHosts: 3"));

        StringWriter replay = new StringWriter();
        assertThat(ldist(replay, "live", "replay", recording.toString())).as(replay.toString()).isEqualTo(1);
        assertThat(replay.toString()).contains("line 2 (decide at").contains("LaunchHost");
    }
}
