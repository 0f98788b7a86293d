package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.anomaly.AnomalyInjector.Label;
import io.ldist.engine.anomaly.AnomalyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldist anomaly-eval on a small generated trace folder: its scores, its determinism, its bad input. */
class AnomalyEvalTest {
    private static final String HEADER = "detector,kind,precision,recall,f1,mean_delay_samples,false_alarms_per_day";

    @TempDir
    Path tmp;

    /** Four quiet series (a 3-sample pattern of 20 to 22 % plus a per-file offset), where a spike stands out. */
    private Path quietFolder() {
        Path folder = tmp.resolve("quiet");
        try {
            Files.createDirectories(folder);
            for (int f = 0; f < 4; f++) {
                int file = f;
                List<String> lines = IntStream.range(0, 288).mapToObj(i -> String.valueOf(20 + 5 * file + i % 3))
                        .toList();
                Files.write(folder.resolve("vm-0" + (f + 1)), lines, StandardCharsets.US_ASCII);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDetectorThatCatchesAnObviousSpikeHasRecallOne() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("anomaly-eval", quietFolder().toString(), "--detectors", "robust-z", "--kinds",
                "spike", "--seed", "7", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("anomaly.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo(HEADER);
        String[] spike = csv.get(1).split(",", -1);
        assertThat(spike[0]).isEqualTo("robust-z");
        assertThat(spike[1]).isEqualTo("spike");
        assertThat(spike[3]).as("recall").isEqualTo("1.0000");
        assertThat(Double.parseDouble(spike[5])).as("mean delay").isLessThanOrEqualTo(1.0);
        assertThat(csv.get(2)).startsWith("robust-z,all,");
        assertThat(csv.get(2).substring("robust-z,all,".length()))
                .isEqualTo(csv.get(1).substring("robust-z,spike,".length()));
        assertThat(run.out()).contains("4 series of 288 samples", "robust-z", "spike", "false alarms/d",
                "wrote " + out.resolve("anomaly.csv"));
    }

    @Test
    void everyDetectorAndKindHasARowAndAnAllRow() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("anomaly-eval", TestScenarios.traceFolder(tmp.resolve("day")).toString(),
                "--injections-per-series", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("anomaly.csv"));
        assertThat(csv).hasSize(1 + 3 * (AnomalyKind.values().length + 1));
        assertThat(csv.subList(1, csv.size())).extracting(row -> row.split(",")[0] + "/" + row.split(",")[1])
                .startsWith("robust-z/spike", "robust-z/level-shift", "robust-z/stuck-at", "robust-z/drift",
                        "robust-z/all", "outside-interval/spike")
                .contains("isolation-forest/all");
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(7);
            for (int c : new int[] {2, 3, 4}) {
                if (!cells[c].isEmpty()) {
                    assertThat(Double.parseDouble(cells[c])).isBetween(0.0, 1.0);
                }
            }
            assertThat(Double.parseDouble(cells[6])).isNotNegative();
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherAnomalies() throws IOException {
        Path traces = TestScenarios.traceFolder(tmp.resolve("day"));
        String[] common = {"anomaly-eval", traces.toString(), "--detectors", "robust-z,isolation-forest"};
        assertThat(run(common, "1", "a").exitCode()).isZero();
        assertThat(run(common, "1", "b").exitCode()).isZero();
        assertThat(run(common, "2", "c").exitCode()).isZero();

        byte[] first = Files.readAllBytes(tmp.resolve("a/anomaly.csv"));
        assertThat(Files.readAllBytes(tmp.resolve("b/anomaly.csv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(tmp.resolve("c/anomaly.csv"))).isNotEqualTo(first);
    }

    private CliRun run(String[] common, String seed, String out) {
        List<String> args = new java.util.ArrayList<>(List.of(common));
        args.addAll(List.of("--seed", seed, "--out", tmp.resolve(out).toString()));
        return CliRun.ldist(args.toArray(String[]::new));
    }

    @Test
    void anAlarmIsARunOfFlagsMatchedToOneAnomalyWithinThreeSamplesOfItsEnd() {
        List<Label> labels = List.of(new Label(10, 12, AnomalyKind.SPIKE), new Label(30, 40, AnomalyKind.DRIFT),
                new Label(60, 60, AnomalyKind.SPIKE));
        boolean[] flagged = new boolean[80];
        for (int t : new int[] {2, 3, 4, 15, 16, 34, 36, 65}) {
            flagged[t] = true;
        }
        // 2-4: one false alarm; 15: end + 3 of the first, a hit 5 late; 34: a hit 4 late; 36: a second alarm on
        // the same anomaly, false; 65: end + 5 of the third, false, which is missed.
        AnomalyEvalCommand.Tally tally = AnomalyEvalCommand.score(flagged, labels);

        assertThat(tally.planted).isEqualTo(3);
        assertThat(tally.hits).isEqualTo(2);
        assertThat(tally.falseAlarms).isEqualTo(3);
        assertThat(tally.missed()).isEqualTo(1);
        assertThat(tally.delaySum).isEqualTo(5 + 4);
    }

    @Test
    void badFoldersDetectorsKindsAndNumbersAreRefusedPlainly() throws IOException {
        Path traces = TestScenarios.traceFolder(tmp.resolve("day"));
        String out = tmp.resolve("out").toString();

        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", tmp.resolve("nowhere").toString(), "--out", out))
                .contains("nowhere: expected a folder of PlanetLab trace files, found nothing (it does not exist)");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.resolve("vm-01").toString(), "--out", out))
                .contains("vm-01: expected a folder of PlanetLab trace files, found a file");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString(), "--detectors", "robust-x",
                "--out", out))
                .contains("--detectors: expected one of robust-z, outside-interval, isolation-forest, found "
                        + "'robust-x'; did you mean 'robust-z'?");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString(), "--kinds", "spike,spkie",
                "--out", out))
                .contains("--kinds: expected one of spike, level-shift, stuck-at, drift, found 'spkie'; did you "
                        + "mean 'spike'?");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString(), "--seed", "abc", "--out", out))
                .contains("--seed", "'abc'");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString(), "--injections-per-series", "x",
                "--out", out))
                .contains("--injections-per-series", "'x'");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString(), "--injections-per-series", "0",
                "--out", out))
                .contains("--injections-per-series: expected a whole number >= 1, found 0");
        assertThat(CliRun.refusedLeaving(tmp, "anomaly-eval", traces.toString()))
                .contains("Missing required option: '--out=OUT'");
    }
}
