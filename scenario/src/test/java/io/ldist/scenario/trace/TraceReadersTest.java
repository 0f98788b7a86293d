package io.ldist.scenario.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trace readers read strictly, and say (as notices) whatever they skip, cut or tolerate. */
class TraceReadersTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "arrivalS,cpuMips,ramMb,gpus,durationS\n";

    private Path csv(String text) throws IOException {
        return Files.writeString(tmp.resolve("tasks.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void csvWithCrlfAndAByteOrderMark_readWithOneNotice() throws IOException {
        Path file = csv("\uFEFF" + HEADER.replace("\n", "\r\n") + "0,1000,512,0,60\r\n5,1000,512,1,30\r\n");
        TaskCsvReader reader = new TaskCsvReader();

        List<TaskSpec> tasks = reader.read(file, TaskCeiling.NONE);

        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1).gpus()).isEqualTo(1);
        assertThat(reader.notices()).containsExactly(file + ": a UTF-8 byte-order mark at the start of the file, "
                + "skipped");
    }

    @Test
    void csvWithoutAnyTask_refused() throws IOException {
        Path file = csv(HEADER + "\n\n");

        assertThatThrownBy(() -> new TaskCsvReader().read(file, TaskCeiling.NONE))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(file + ": expected at least one task after the header line, found only blank lines");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2d", "1e3f", "0x1p3", "NaN", "-Infinity", "", " ", "1,5", "1e13"})
    void csvNumberNotPlainOrOutOfRange_refusedAtItsLine(String cell) throws IOException {
        Path file = csv(HEADER + "0,1000,512,0," + cell + "\n");

        assertThatThrownBy(() -> new TaskCsvReader().read(file, TaskCeiling.NONE))
                .isInstanceOf(TraceFormatException.class)
                .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void csvExponentAndSign_accepted() throws IOException {
        Path file = csv(HEADER + "+0,1e3,5.12E2,0,.5\n");

        assertThat(new TaskCsvReader().read(file, TaskCeiling.NONE).get(0).durationS()).isEqualTo(0.5);
    }

    private Path day(String name) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        String lines = IntStream.range(0, 288).mapToObj(i -> String.valueOf(i % 100))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(folder.resolve("vm-1"), lines);
        Files.writeString(folder.resolve("vm-2"), lines);
        return folder;
    }

    @Test
    void traceFolderWithAFolderAndADanglingLink_readWithOneNoticeNamingBoth() throws IOException {
        Path folder = day("d");
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("vm-3"), folder.resolve("missing"));

        UtilizationTrace trace = new PlanetLabTraceReader(288).read(folder);

        assertThat(trace.seriesCount()).isEqualTo(2);
        assertThat(trace.notices()).containsExactly(folder + ": 2 entries skipped, not being readable trace files: "
                + "sub (a folder), vm-3 (a link to " + folder.resolve("missing") + ", which leads to no file: it "
                + "dangles or loops)");
    }

    @Test
    void traceFileWithTrailingBlankLines_readWithoutANotice() throws IOException {
        Path folder = day("d");
        Files.writeString(folder.resolve("vm-1"), "\n\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(new PlanetLabTraceReader(288).read(folder).notices()).isEmpty();
    }

    @Test
    void traceFolderOfOnlyBrokenLinks_refusedNamingThem() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("e"));
        Files.createSymbolicLink(folder.resolve("vm-1"), folder.resolve("vm-1"));

        assertThatThrownBy(() -> new PlanetLabTraceReader(288).read(folder))
                .hasMessage(folder + ": trace folder holds no files (skipped: vm-1 (a link to " + folder.resolve("vm-1")
                        + ", which leads to no file: it dangles or loops))");
    }
}
