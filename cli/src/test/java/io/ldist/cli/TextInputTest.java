package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is not what a reader expects (tabs, control characters, other encodings, byte-order marks, units
 * in a CSV number) is refused where it is, in the user's words; what a reader tolerates (a byte-order mark, a
 * link in a trace folder that leads nowhere, lines past the day) is said on standard error and in run.json.
 */
class TextInputTest {
    @TempDir
    Path tmp;

    private String refused(Path scenario, String... options) {
        Map<String, Long> before = listing(tmp);
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--out",
                tmp.resolve("out").toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.ldist(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("    at ");
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    private CliRun ran(Path scenario) {
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private static Path writeBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // ------------------------------------------------------------ scenario text

    @Test
    void tabUsedForIndentation_refusedAtItsLine_notANullPointer() {
        Path scenario = TestScenarios.tasks(tmp, "      count: 2", "\t  count: 2");

        assertThat(refused(scenario)).isEqualTo(scenario + ":15:1: malformed YAML: a tab character, which YAML does "
                + "not allow for indentation: indent with spaces\n");
    }

    @Test
    void nulByte_refusedAtItsOwnLineAndColumn() {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: small\0tasks");

        assertThat(refused(scenario)).isEqualTo(scenario + ":1:12: the control character U+0000 (NUL), which a YAML "
                + "file may not hold (a binary file, or text damaged in a copy?)\n");
    }

    @Test
    void controlCharacterInASetValue_refusedAtTheSet() {
        assertThat(refused(TestScenarios.tasks(tmp), "--set", "name=a\u001Bb")).startsWith("--set name=a\\u001Bb: "
                + "name: the control character U+001B (ESC)");
    }

    @Test
    void nameWithAnEscapedControlCharacter_refused_notACrashOnTheOutputFolder() {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: \"small\\0tasks\"");

        assertThat(refused(scenario)).isEqualTo(scenario + ":1:1: name: expected a name without control characters "
                + "(it names the output folder), found 'small\\u0000tasks'\n");
    }

    @Test
    void nameThatIsAPath_refusedAsTheDefaultOutputFolder() {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: ../../elsewhere");
        Map<String, Long> before = listing(tmp);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("the scenario's name '../../elsewhere' cannot name its output folder "
                + "out/NAME (it holds a '/' or '\\'): give --out DIR, or the scenario another name\n");
        assertThat(listing(tmp)).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8_refusedAtTheirLineAndColumn() throws IOException {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: small-t\u00E4sks");
        byte[] latin1 = Files.readString(scenario).getBytes(StandardCharsets.ISO_8859_1);
        writeBytes(scenario, latin1);

        assertThat(refused(scenario)).isEqualTo(scenario + ":1:14: the byte 0xE4 is not UTF-8 text: save the scenario "
                + "as UTF-8 (it looks like another encoding, such as Latin-1 or Windows-1252)\n");
    }

    @Test
    void scenarioSavedAsUtf16_refusedSayingSo() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        writeBytes(scenario, Files.readString(scenario).getBytes(StandardCharsets.UTF_16));

        assertThat(refused(scenario)).isEqualTo(scenario + ":1:1: the file is UTF-16 text (its byte-order mark says "
                + "so): save the scenario as UTF-8\n");
    }

    @Test
    void scenarioWithAByteOrderMark_readAsItsText() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        writeBytes(scenario, concat(BOM, Files.readAllBytes(scenario)));

        ran(scenario);
    }

    @Test
    void nestingPastJacksonsLimit_saidInTheUsersWords() {
        Path scenario = TestScenarios.tasks(tmp, "placement: least-loaded", "placement: " + "[".repeat(1200));

        assertThat(refused(scenario)).startsWith(scenario + ":33:").endsWith(": malformed YAML: lists or mappings "
                + "nested more than 1000 deep\n");
    }

    @Test
    void complexKey_saidInTheUsersWords() {
        Path scenario = TestScenarios.tasks(tmp, "  placement: least-loaded", "  ? [a, b]\n  : least-loaded");

        assertThat(refused(scenario)).isEqualTo(scenario + ":33:6: malformed YAML: a key that is not plain text "
                + "(YAML's complex keys, such as ? [a, b], are not supported)\n");
    }

    @Test
    void binaryValue_refusedAtTheField() {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: !!binary aGk=");

        assertThat(refused(scenario)).isEqualTo(scenario + ":1:7: name: expected a mapping, a list or a plain value, "
                + "found binary data (a !!binary value)\n");
    }

    @Test
    void numberOfThousandsOfDigits_refusedWithoutJacksonsWords() {
        Path scenario = TestScenarios.tasks(tmp, "seed: 7", "seed: " + "9".repeat(1500));

        assertThat(refused(scenario)).startsWith(scenario + ":2:").doesNotContain("StreamReadConstraints");
    }

    @Test
    void scenarioFileOfManyMegabytes_refusedBeforeParsing() throws IOException {
        Path scenario = TestScenarios.tasks(tmp, "name: small-tasks", "name: small-tasks\ndescription: "
                + "x".repeat(5 * 1024 * 1024));
        long size = Files.size(scenario);

        assertThat(refused(scenario)).isEqualTo(scenario + ": expected a readable scenario file, found "
                + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes: a scenario is at most 4,194,304 bytes "
                + "(tasks to replay go in a CSV file named by workload.csv)\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".inf", "-.inf", ".nan", "1e999"})
    void infiniteOrNotANumber_refusedAtTheField(String value) {
        Path scenario = TestScenarios.tasks(tmp, "perHour: 60", "perHour: " + value);

        assertThat(refused(scenario)).isEqualTo(scenario + ":28:14: workload.arrivals.perHour: expected a finite "
                + "number, found " + value + "\n");
    }

    // ------------------------------------------------------------ task CSV

    private Path csvScenario(String csv) throws IOException {
        Files.writeString(tmp.resolve("tasks.csv"), csv, StandardCharsets.UTF_8);
        return TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n    duration: 2m\n",
                "  csv: tasks.csv\n");
    }

    @Test
    void csvSavedByASpreadsheet_withAByteOrderMark_readAndSaid() throws IOException {
        Path scenario = csvScenario("");
        writeBytes(tmp.resolve("tasks.csv"), concat(BOM,
                "arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n".getBytes(StandardCharsets.UTF_8)));

        CliRun run = ran(scenario);

        String notice = tmp.resolve("tasks.csv") + ": a UTF-8 byte-order mark at the start of the file, skipped";
        assertThat(run.err()).isEqualTo("ldist: notice: " + notice + "\n");
        assertThat(TestScenarios.read(tmp.resolve("out/run.json"))).contains("\"notices\": [\n    \"" + notice + "\"");
    }

    @Test
    void csvWithOnlyItsHeader_refused() throws IOException {
        Path scenario = csvScenario("arrivalS,cpuMips,ramMb,gpus,durationS\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: expected a CSV file of tasks "
                + "(arrivalS,cpuMips,ramMb,gpus,durationS[,deadlineS][,tier]), found 'tasks.csv' (" + tmp.resolve("tasks.csv")
                + "): expected at least one task after the header line, found none\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2d", "2f", "0x10", "NaN", "Infinity", "1_000", "2 s", "٣"})
    void csvNumberThatJavaWouldStretchToRead_refusedAtItsLine(String duration) throws IOException {
        Path scenario = csvScenario("arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n5,1000,512,0,"
                + duration + "\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + tmp.resolve("tasks.csv")
                + ":3: durationS: expected a number (plain decimals such as 2 or 0.5, no unit), found '" + duration
                + "'\n");
    }

    @Test
    void csvBlankLines_skippedAndSaid() throws IOException {
        Path scenario = csvScenario("arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n\n5,1000,512,0,60\n");

        assertThat(ran(scenario).err()).isEqualTo("ldist: notice: " + tmp.resolve("tasks.csv")
                + ": 1 blank line skipped (line 3)\n");
    }

    @Test
    void csvSavedAsUtf16_refusedSayingSo() throws IOException {
        Path scenario = csvScenario("");
        writeBytes(tmp.resolve("tasks.csv"), "arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n"
                .getBytes(StandardCharsets.UTF_16LE));
        writeBytes(tmp.resolve("tasks.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                Files.readAllBytes(tmp.resolve("tasks.csv"))));

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + tmp.resolve("tasks.csv")
                + ":1: expected UTF-8 text, found UTF-16 (its byte-order mark says so): save the file as UTF-8\n");
    }

    @Test
    void csvTasksAfterTheEndOfTheRun_said() throws IOException {
        Path scenario = csvScenario("arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,60\n3600,1000,512,0,60\n"
                + "7200,1000,512,0,60\n");

        assertThat(ran(scenario).err()).isEqualTo("ldist: notice: " + tmp.resolve("tasks.csv") + ": 2 of 3 tasks arrive "
                + "at or after the end of the run (duration 1h) and are not run\n");
    }

    @Test
    void taskSizePastAnyServer_refused() {
        Path scenario = TestScenarios.tasks(tmp, "cpuMips: 1000", "cpuMips: {uniform: [1, 1e300]}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":30:28: workload.task.cpuMips.uniform[1]: expected a number "
                + "from 0 to 1e12, found 1.0E300\n");
    }

    @Test
    void csvNotUtf8_refusedAtItsLine() throws IOException {
        Path scenario = csvScenario("");
        writeBytes(tmp.resolve("tasks.csv"), "arrivalS,cpuMips,ramMb,gpus,durationS\n0,1000,512,0,6\u00B50\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + tmp.resolve("tasks.csv")
                + ":2: expected UTF-8 text, found the byte 0xB5, which is not UTF-8 (save the file as UTF-8 or plain "
                + "ASCII)\n");
    }

    // ------------------------------------------------------------ trace folders

    @Test
    void linksInTheTraceFolderThatDangleOrLoop_skippedAndSaid() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Path folder = tmp.resolve("trace");
        Files.createSymbolicLink(folder.resolve("vm-05"), folder.resolve("gone"));
        Files.createSymbolicLink(folder.resolve("vm-06"), folder.resolve("vm-07"));
        Files.createSymbolicLink(folder.resolve("vm-07"), folder.resolve("vm-06"));

        CliRun run = ran(scenario);

        String notice = folder + ": 3 entries skipped, not being readable trace files: vm-05 (a link to "
                + folder.resolve("gone") + ", which leads to no file: it dangles or loops), vm-06 (a link to "
                + folder.resolve("vm-07") + ", which leads to no file: it dangles or loops), vm-07 (a link to "
                + folder.resolve("vm-06") + ", which leads to no file: it dangles or loops)";
        assertThat(run.err()).isEqualTo("ldist: notice: " + notice + "\n");
        assertThat(TestScenarios.read(tmp.resolve("out/run.json"))).contains(notice);
    }

    @Test
    void traceFileLongerThanADay_cutAndSaid() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Files.writeString(tmp.resolve("trace/vm-02"), "7\n8\n", StandardOpenOption.APPEND);

        assertThat(ran(scenario).err()).isEqualTo("ldist: notice: " + tmp.resolve("trace") + ": 1 file has more than "
                + "288 lines; only the first 288 of each are read: vm-02 (290 lines)\n");
    }

    @Test
    void runLongerThanItsTrace_saidThatTheLastValueHolds() {
        Path scenario = TestScenarios.trace(tmp, "duration: 2h", "duration: 30h");

        assertThat(ran(scenario).err()).isEqualTo("ldist: notice: " + tmp.resolve("trace") + ": the trace covers 24 h "
                + "(288 samples of 300 s) and the run lasts 30h: past its end each VM keeps its last value\n");
    }

    @Test
    void traceFolderThatIsADanglingLink_refusedSayingSo() throws IOException {
        // Outside the test folder, whose listing (the proof that nothing was written) cannot size a dangling link.
        Path elsewhere = Files.createTempDirectory("ldist-link");
        Path link = Files.createSymbolicLink(elsewhere.resolve("day"), elsewhere.resolve("gone"));
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: " + link);
        try {
            assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: expected a folder of PlanetLab "
                    + "trace files (288 lines of integer CPU % each), found '" + link + "', a link that leads nowhere "
                    + "(it dangles or loops)\n");
        } finally {
            Files.delete(link);
            Files.delete(elsewhere);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+5", "٣", "5.0", "0x1"})
    void traceValueThatIsNotPlainDigits_refusedAtItsLine(String value) {
        Path scenario = TestScenarios.trace(tmp);
        TestScenarios.replaceLine(tmp.resolve("trace/vm-03"), 10, value);

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: trace file "
                + tmp.resolve("trace/vm-03") + ":10: expected an integer CPU utilisation in percent (0-100), found '"
                + value + "'\n");
    }

    @Test
    void traceFileNotUtf8_refusedAtItsLine() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Path file = tmp.resolve("trace/vm-01");
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = (byte) 0xFF;
        Files.write(file, bytes);

        assertThat(refused(scenario)).contains("trace file " + file + ":").contains(": expected UTF-8 text, found the "
                + "byte 0xFF");
    }
}
