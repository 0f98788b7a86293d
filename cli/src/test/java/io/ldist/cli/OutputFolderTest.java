package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where simulate writes: never over existing files unless told to, never half a file. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void nonEmptyFolderWithoutForce_refusedAndUntouched() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "{\"mine\": 1}\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);
        Map<String, Long> before = TestScenarios.listing(tmp);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("output folder " + out + " is not empty; choose another with --out, "
                + "or add --force to replace the files of the same name in it\n");
        assertThat(TestScenarios.listing(tmp)).isEqualTo(before);
        assertThat(out.resolve("summary.json")).hasContent("{\"mine\": 1}");
        assertThat(out.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void outputIsAFile_refused() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.writeString(tmp.resolve("out"), "a file");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("output " + out + " is a file, not a folder\n");
        assertThat(out).hasContent("a file");
    }

    @Test
    void outputUnderAFile_refusedAsBadInput() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path file = Files.writeString(tmp.resolve("runs"), "a file");
        Path out = file.resolve("today");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("cannot create output folder " + out + ": " + file
                + " is a file, not a folder\n");
        assertThat(file).hasContent("a file");
    }

    @Test
    void nonEmptyFolderWithForce_fourFilesReplacedOthersKept() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String file : List.of("summary.json", "timeseries.csv", "events.csv", "run.json")) {
            Files.writeString(out.resolve(file), "old " + file, StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--force", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(EndToEndTest.listFolder(out))
                .containsExactly("events.csv", "notes.txt", "run.json", "summary.json", "timeseries.csv");
        assertThat(TestScenarios.read(out.resolve("summary.json"))).startsWith("{\n  \"energyKWh\": ");
        assertThat(TestScenarios.read(out.resolve("timeseries.csv"))).startsWith("timeS,");
        assertThat(TestScenarios.read(out.resolve("events.csv"))).startsWith("timeS,kind,");
        assertThat(TestScenarios.read(out.resolve("run.json"))).contains("\"ldistVersion\"");
        assertThat(out.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void emptyFolder_usedWithoutForce() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.createDirectories(tmp.resolve("out"));

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(EndToEndTest.listFolder(out)).containsExactly("events.csv", "run.json", "summary.json",
                "timeseries.csv");
    }

    @Test
    void missingParentFolders_created() {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("runs/today/small");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("summary.json")).isRegularFile();
    }

    /** What runs of earlier ldist versions left when killed (hidden temporary files) does not make a folder "used". */
    @Test
    void folderHoldingOnlyLeftTemporaryFiles_usedWithoutForce_andTheyGo() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(".events.csv.tmp"), "30000,Migra418,161,466,,\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve(".timeseries.csv.tmp"), "timeS,act", StandardCharsets.UTF_8);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(EndToEndTest.listFolder(out)).containsExactly("events.csv", "run.json", "summary.json",
                "timeseries.csv");
        assertThat(FolderState.names(out)).as("hidden files too").containsExactly("events.csv", "run.json",
                "summary.json", "timeseries.csv");
    }

    /**
     * A run killed between the two renames of its swap leaves the name free and the earlier output beside it; the
     * next run on the folder renames it back before anything else, and is then refused as the folder holds files.
     */
    @Test
    void swapCutShort_earlierOutputRenamedBack() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path aside = Files.createDirectories(tmp.resolve(".out.old-0123456789ab"));
        Files.writeString(aside.resolve("summary.json"), "{\"earlier\": 1}\n", StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve(".out.staging-00000000000f")).resolve("x");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith("output folder " + out + " is not empty");
        assertThat(out.resolve("summary.json")).hasContent("{\"earlier\": 1}");
        assertThat(FolderState.names(tmp)).as("the dead run's staging folder gone too").contains("out")
                .containsOnly("tasks.yaml", "out", ".out.lock");
    }

    /** The swap renames folders: an --out that is a link to a folder stays a link, the new output where it points. */
    @Test
    void outputIsALinkToAFolder_staysALink() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path real = Files.createDirectories(tmp.resolve("disks/big/out"));
        Files.writeString(real.resolve("summary.json"), "{\"mine\": 1}\n", StandardCharsets.UTF_8);
        Path out = Files.createSymbolicLink(tmp.resolve("out"), real);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--force", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.isSymbolicLink(out)).isTrue();
        assertThat(TestScenarios.read(real.resolve("summary.json"))).startsWith("{\n  \"energyKWh\": ");
        assertThat(FolderState.names(real.getParent())).containsExactly(".out.lock", "out");
    }

    /** The new folder replaces the earlier one: a folder made private stays private. */
    @Test
    void privateFolderReplacedWithForce_staysPrivate() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "{\"mine\": 1}\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--force", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
    }
}
