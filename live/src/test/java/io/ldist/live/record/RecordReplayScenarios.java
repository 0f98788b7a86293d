package io.ldist.live.record;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.loop.LiveDistributor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record mode: a live run recorded and its decisions replayed on another engine, on the in-memory cloud and on
 * AwsCloud over moto.
 */
abstract class RecordReplayScenarios {
    private static final TypeCatalogue TYPES = TypeCatalogue.of(List.of(LiveConfigs.METAL),
            List.of(LiveConfigs.WORKER));

    @TempDir
    Path dir;

    private final LiveHarness live = new LiveHarness(newCloud());

    abstract CloudUnderTest newCloud();

    @AfterEach
    void closeTheCloud() {
        live.close();
    }

    /**
     * A recorded run with a task stream that rises past the scale-out threshold, a server stopped behind ldist's back
     * (failover) and tasks ending all along.
     */
    private RecordedTrace.Summary recordARun(LiveConfig config, Path recording) {
        Random random = new Random(7);
        try (LiveDistributor d = live.distributor(config, true, CrashPoint.NEVER);
             DecisionRecorder recorder = new DecisionRecorder(recording)) {
            d.addListener(recorder);
            for (int i = 0; i < 3; i++) {
                live.round(d);
            }
            List<TaskTicket> running = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                int arrivals = round < 15 ? 4 + round : 3;
                for (int i = 0; i < arrivals; i++) {
                    running.add(d.submit(new TaskSubmission(5000 + 1000 * random.nextInt(10), 0,
                            1024 + 512 * random.nextInt(8), random.nextBoolean() ? 3600.0 : null, null)));
                }
                for (TaskTicket t : List.copyOf(running)) {
                    if (d.task(t.id()).orElseThrow().state().equals("running") && random.nextInt(4) == 0) {
                        d.finish(t.id(), random.nextInt(20) == 0);
                        running.remove(t);
                    }
                }
                if (round == 18) {
                    String victim = d.cluster().hosts().stream().filter(h -> h.state().equals("active"))
                            .findFirst().orElseThrow().instanceId();
                    live.cloud.stopBehindLdistsBack(victim);
                }
                live.round(d);
            }
            return d.withFleet(recorder::finish);
        }
    }

    @Test
    void theSameSettingsShownTheRecordedViewsMakeEveryRecordedDecisionAgain() throws IOException {
        LiveConfig config = LiveConfigs.demo(dir.resolve("state"), 2, 6, 1, LiveConfigs.roomy());
        Path recording = dir.resolve("rec");
        recordARun(config, recording);

        DecisionReplay.Result result = DecisionReplay.replay(recording, config.engine().newEngine(), TYPES);

        assertThat(result.differences()).isEmpty();
        assertThat(result.allIdentical()).isTrue();
        assertThat(result.wholeDecisions()).isGreaterThanOrEqualTo(33);
        assertThat(result.taskDecisions()).isGreaterThan(150);
        assertThat(result.identical()).isEqualTo(result.calls());
        String decisions = Files.readString(recording.resolve(DecisionRecorder.DECISIONS));
        for (String reason : List.of("SCALE_OUT", "FAILOVER", "DISPATCH", "PROVISION")) {
            assertThat(decisions.contains("reason=" + reason)).as("a decision for " + reason).isTrue();
        }
    }

    @Test
    void otherSettingsDecideOtherwiseAndTheReplaySaysWhereFirst() {
        LiveConfig config = LiveConfigs.demo(dir.resolve("state"), 2, 6, 1, LiveConfigs.roomy());
        Path recording = dir.resolve("rec");
        recordARun(config, recording);
        LiveConfig threeAtLeast = LiveConfigs.demo(dir.resolve("other"), 3, 6, 1, LiveConfigs.roomy());

        DecisionReplay.Result result = DecisionReplay.replay(recording, threeAtLeast.engine().newEngine(), TYPES);

        assertThat(result.allIdentical()).isFalse();
        DecisionReplay.Difference first = result.differences().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.call()).isEqualTo("decide");
        assertThat(first.firstDifference()).startsWith("action 3: recorded LaunchHost")
                .contains("reason=STANDBY_POOL], replayed LaunchHost").endsWith("reason=SCALE_OUT]");
    }

    @Test
    void theTraceHoldsTheTasksInArrivalOrderTheirRunTimesAndTheServersEvents() throws IOException {
        LiveConfig config = LiveConfigs.demo(dir.resolve("state"), 2, 6, 1, LiveConfigs.roomy());
        Path recording = dir.resolve("rec");
        RecordedTrace.Summary summary = recordARun(config, recording);

        List<String> tasks = Files.readAllLines(recording.resolve(RecordedTrace.TASKS));
        assertThat(tasks.get(0)).isEqualTo("arrivalS,cpuMips,ramMb,gpus,durationS,deadlineS");
        assertThat(tasks).hasSize(1 + summary.tasks());
        assertThat(summary.tasks() + summary.tasksNeverStarted()).isEqualTo(4 * 15 + 105 + 3 * 15);
        assertThat(summary.tasksCutShort()).isPositive();
        double last = 0;
        for (String row : tasks.subList(1, tasks.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(6);
            double arrival = Double.parseDouble(cells[0]);
            assertThat(arrival).isGreaterThanOrEqualTo(last);
            assertThat(Double.parseDouble(cells[4])).isGreaterThanOrEqualTo(0);
            last = arrival;
        }
        assertThat(summary.failures()).hasSize(1);
        assertThat(Files.readString(recording.resolve(RecordedTrace.HOSTS))).contains(",FAILED");
        assertThat(Files.readAllLines(recording.resolve(RecordedTrace.UTILIZATION))).hasSizeGreaterThan(30);
        assertThat(summary.durationS()).isEqualTo(33 * 60);
    }

    @Test
    void aRecordingIsNeverOverwritten() throws IOException {
        Path recording = dir.resolve("rec");
        Files.createDirectories(recording);
        Files.writeString(recording.resolve(DecisionRecorder.DECISIONS), "{}\n");

        assertThatThrownBy(() -> new DecisionRecorder(recording)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never overwritten");
        assertThat(Files.readString(recording.resolve(DecisionRecorder.DECISIONS))).isEqualTo("{}\n");
    }

    @Test
    void aBrokenLineIsNamedByFileAndLine() throws IOException {
        LiveConfig config = LiveConfigs.demo(dir.resolve("state"), 2, 6, 1, LiveConfigs.roomy());
        Path recording = dir.resolve("rec");
        recordARun(config, recording);
        Path file = recording.resolve(DecisionRecorder.DECISIONS);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4, lines.get(4).substring(0, lines.get(4).length() / 2));
        Files.write(file, lines);

        assertThatThrownBy(() -> DecisionReplay.replay(recording, config.engine().newEngine(), TYPES))
                .hasMessageContaining(file + ":5: not JSON");
        assertThatThrownBy(() -> DecisionReplay.replay(dir.resolve("nothing"), config.engine().newEngine(), TYPES))
                .hasMessageContaining("no recording here");
    }
}
