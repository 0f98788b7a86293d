package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's {@code updates} section: a valid one runs a rolling update whose batches show in events.csv and
 * whose metrics show in summary.json (only then); each mistake is refused with its file, line and field.
 */
class RollingUpdateScenarioTest {
    private static final String END = "  placement: least-loaded\n";

    @TempDir
    Path tmp;

    private Path withUpdates(String updates) {
        return TestScenarios.tasks(tmp, END, END + updates);
    }

    private String refused(Path scenario) {
        Map<String, Long> before = listing(tmp);
        CliRun run = CliRun.ldist("validate", scenario.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(listing(tmp)).isEqualTo(before);
        return run.err();
    }

    @Test
    void validUpdate_runsInBatches_andItsMetricsAreInTheSummary() throws IOException {
        Path scenario = withUpdates("updates:\n  - {at: 10m, hosts: all, batch: {size: 1}, pause: 1m, duration: 5m,"
                + " abortIf: {queueWaitP95: 30m}}\n");
        CliRun validate = CliRun.ldist("validate", scenario.toString());
        Path out = tmp.resolve("out");
        CliRun simulate = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(validate.out()).endsWith("placement least-loaded; 1 rolling update\n");
        assertThat(simulate.exitCode()).as(simulate.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("updates").asInt()).isEqualTo(1);
        assertThat(summary.get("serversUpdated").asInt()).isEqualTo(2);
        assertThat(summary.get("updateBatches").asInt()).isEqualTo(2);
        assertThat(summary.get("updateMaxServersOut").asInt()).isEqualTo(1);
        assertThat(summary.get("updateDurationS").asDouble()).isGreaterThanOrEqualTo(2 * 300 + 60);
        List<String> rows = Files.readAllLines(out.resolve("events.csv"));
        assertThat(rows.stream().filter(r -> r.contains(",RollingUpdate,BATCH_STARTED,"))).hasSize(2);
        assertThat(rows.stream().filter(r -> r.contains(",UpdateHost,ROLLING_UPDATE,"))).hasSize(2);
        assertThat(rows.stream().filter(r -> r.contains(",HostUpdated,ROLLING_UPDATE,"))).hasSize(2);
        assertThat(rows.stream().filter(r -> r.contains(",RollingUpdate,FINISHED,"))).hasSize(1);
        assertThat(simulate.out()).contains("  Rolling updates\n", "servers updated                                 2");
    }

    @Test
    void scenarioWithoutUpdates_summaryHasNoUpdateMetrics() throws IOException {
        Path out = tmp.resolve("out");
        CliRun simulate = CliRun.ldist("simulate", TestScenarios.tasks(tmp).toString(), "--out", out.toString());

        assertThat(simulate.exitCode()).as(simulate.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.has("updates")).isFalse();
        assertThat(summary.has("updateDurationS")).isFalse();
        assertThat(simulate.out()).doesNotContain("Rolling updates");
    }

    @Test
    void serverIndexNotPresentAtStart_refused() {
        Path scenario = withUpdates("updates:\n  - {at: 10m, hosts: [0, 5], duration: 5m}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:26: updates[0].hosts[1]: expected the index of a "
                + "server present at the start (0 to 1), found 5\n");
    }

    @Test
    void unknownHostType_refusedWithTheNearestName() {
        Path scenario = withUpdates("updates:\n  - {at: 10m, hosts: {type: bx}, duration: 5m}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:23: updates[0].hosts.type: expected the name of a "
                + "host type of fleet.hostTypes (box) or of the instance catalogue (ldist catalogue lists them), "
                + "found 'bx'; did you mean 'box'?\n");
    }

    @Test
    void batchSizeAndHealthyShareTogether_refused() {
        Path scenario = withUpdates("updates:\n  - {at: 10m, batch: {size: 1, minHealthy: 90%}, duration: 5m}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:32: updates[0].batch.minHealthy: expected either "
                + "'size' (servers per batch) or 'minHealthy' (the share that stays in service), not both, found "
                + "90%\n");
    }

    @Test
    void allServersHealthy_refused() {
        Path scenario = withUpdates("updates:\n  - {at: 10m, batch: {minHealthy: 100%}, duration: 5m}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:23: updates[0].batch.minHealthy: expected a share "
                + "below 100% (at 100% no server may leave service to be updated), found 100%\n");
    }

    @Test
    void updateAfterTheEnd_refused() {
        Path scenario = withUpdates("updates:\n  - {at: 2h, duration: 5m}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:6: updates[0].at: expected a time before the end of "
                + "the run (duration 1h), found 2h\n");
    }

    @Test
    void missingOrZeroDowntime_refused() {
        Path missing = withUpdates("updates:\n  - {at: 10m}\n");
        String missingProblem = refused(missing);
        Path zero = withUpdates("updates:\n  - {at: 10m, duration: 0s}\n");

        assertThat(missingProblem).isEqualTo(missing + ":35:5: updates[0].duration: expected a duration such as 300 "
                + "(s), 90s, 5m, 1.5h or 2d, found nothing (field 'duration' is missing)\n");
        assertThat(refused(zero)).isEqualTo(zero + ":35:15: updates[0].duration: expected a duration > 0, found "
                + "'0s'\n");
    }

    @Test
    void unknownAbortRule_refusedNamingTheKnownOnes() {
        Path scenario = withUpdates("updates:\n  - {at: 10m, duration: 5m, abortIf: {p95WaitS: 300}}\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":35:39: updates[0].abortIf.p95WaitS: expected one of the "
                + "fields queueWaitP95, lateQueued or overloadedServers, found unknown field 'p95WaitS'\n");
    }
}
