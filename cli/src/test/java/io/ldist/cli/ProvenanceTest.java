package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output names what made it: run.json, results.provenance.json beside results.csv, and the report record
 * the command line, each --set, ldist's version and commit, and a SHA-256 of each scenario file and trace folder.
 */
class ProvenanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void compare_recordsCommandSetsVersionCommitAndHashes_besideResultsAndInTheReport() throws Exception {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "thr-mmt-0.8,dvfs",
                "--set", "decisionInterval=10m", "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode provenance = JSON.readTree(out.resolve("results.provenance.json").toFile());
        assertThat(provenance.get("commandLine").asText()).isEqualTo("compare " + scenario + " --policies "
                + "thr-mmt-0.8,dvfs --set decisionInterval=10m --out " + out + " --quiet");
        assertThat(texts(provenance.get("sets"))).containsExactly("decisionInterval=10m");
        assertThat(provenance.get("ldistVersion").asText()).isEqualTo(RunInfo.version());
        assertThat(provenance.get("commit").asText()).as("this test runs from the project's checkout")
                .matches("[0-9a-f]{40}(-dirty)?");
        JsonNode inputs = provenance.get("inputs");
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).get("kind").asText()).isEqualTo("scenario");
        assertThat(inputs.get(0).get("path").asText()).isEqualTo(scenario.toString());
        assertThat(inputs.get(0).get("sha256").asText()).isEqualTo(sha256sum(scenario));
        assertThat(inputs.get(1).get("kind").asText()).isEqualTo("trace folder");
        assertThat(inputs.get(1).get("sha256").asText()).isEqualTo(folderHashAsTheReadmeSays(tmp.resolve("trace")));
        assertThat(Files.readString(out.resolve("results.csv"))).as("results.csv stays plain CSV")
                .startsWith("format,scenario,");

        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("Made by <code>ldist compare " + scenario)
                .contains("<h2>Provenance</h2>", "<code>decisionInterval=10m</code>",
                        inputs.get(0).get("sha256").asText(), inputs.get(1).get("sha256").asText());
    }

    @Test
    void simulate_recordsTheSameInRunJson() throws Exception {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--set", "seed=7", "--out", out.toString(),
                "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode info = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(info.get("commandLine").asText()).isEqualTo("simulate " + scenario + " --set seed=7 --out "
                + out + " --quiet");
        assertThat(texts(info.get("sets"))).containsExactly("seed=7");
        assertThat(info.get("commit").asText()).matches("[0-9a-f]{40}(-dirty)?");
        assertThat(info.get("inputs").get(0).get("sha256").asText()).isEqualTo(sha256sum(scenario));
        assertThat(info.get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void resultsWithoutProvenance_reportSaysItWasNotRecorded() throws Exception {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("out");
        assertThat(CliRun.ldist("compare", scenario.toString(), "--out", out.toString(), "--quiet").exitCode())
                .isZero();
        Files.delete(out.resolve("results.provenance.json"));

        CliRun report = CliRun.ldist("report", out.toString(), "--quiet");

        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("How these results were made was not recorded");
    }

    @Test
    void argumentsWithSpaces_quotedAsAShellWouldNeed() throws Exception {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("out dir");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--set", "description=it's mine", "--out",
                out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(JSON.readTree(out.resolve("run.json").toFile()).get("commandLine").asText())
                .endsWith("--set 'description=it'\\''s mine' --out '" + out + "' --quiet");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String sha256sum(Path file) throws Exception {
        return shell("sha256sum '" + file + "'").substring(0, 64);
    }

    /** The README's recipe for a folder's hash, run by the shell: it must give what ldist records. */
    private static String folderHashAsTheReadmeSays(Path folder) throws Exception {
        return shell("cd '" + folder + "' && find . -type f | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum "
                + "| sha256sum").substring(0, 64);
    }

    private static String shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
