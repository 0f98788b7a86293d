package io.ldist.cli;

import static io.ldist.cli.TestScenarios.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet too large for the heap: ldist in its own small-heap JVM says how to give Java more memory, exits 1,
 * and leaves no output folder behind (nor touches one that held an earlier run).
 */
class OutOfMemoryTest {
    @TempDir
    Path tmp;

    private Process ldistWithSmallHeap(Path out) throws IOException {
        return ldistWithSmallHeap("simulate", out);
    }

    private Process ldistWithSmallHeap(String command, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                Ldist.class.getName(), command, SCENARIOS.resolve("planetlab/thr-mmt-0.8.yaml").toString(),
                "--scale", "256", "--out", out.toString(), "--force");
        return new ProcessBuilder(line).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return output;
    }

    @Test
    void fleetTooLargeForTheHeap_saysHowToGiveJavaMore_andLeavesNoFolder() throws Exception {
        Path out = tmp.resolve("out");

        Process process = ldistWithSmallHeap(out);
        String output = finish(process);

        assertThat(process.exitValue()).as(output).isEqualTo(Ldist.FAILURE);
        assertThat(output).contains("ldist: out of memory (Java heap space); give Java a larger heap, for example "
                + "LDIST_JAVA_OPTS=-Xmx8g ./ldist ...");
        assertThat(out).doesNotExist();
    }

    @Test
    void fleetTooLargeForTheHeap_leavesAnEarlierRunAsItWas() throws Exception {
        Path out = tmp.resolve("out");
        CliRun earlier = CliRun.ldist("simulate", "--out", out.toString(), "--quiet");
        assertThat(earlier.exitCode()).as(earlier.toString()).isZero();
        byte[] summary = Files.readAllBytes(out.resolve("summary.json"));

        Process process = ldistWithSmallHeap(out);
        String output = finish(process);

        assertThat(process.exitValue()).as(output).isEqualTo(Ldist.FAILURE);
        assertThat(out.resolve("summary.json")).hasBinaryContent(summary);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", "timeseries.csv", "events.csv", "run.json");
        }
    }

    @Test
    void comparisonTooLargeForTheHeap_saysHowToGiveJavaMore_andLeavesNoFolder() throws Exception {
        Path out = tmp.resolve("compared");

        Process process = ldistWithSmallHeap("compare", out);
        String output = finish(process);

        assertThat(process.exitValue()).as(output).isEqualTo(Ldist.FAILURE);
        assertThat(output).contains("ldist: out of memory (Java heap space); give Java a larger heap");
        assertThat(out).doesNotExist();
    }
}
