package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDocumentTest {

    private static final String QUICKSTART = """
            name: quickstart
            fleet:
              hosts:
                - type: m5.large
                  count: 3
                - {type: c5.xlarge, count: 4}
              regions: [eu-west-1, us-east-1]
            workload:
              path: data/day.csv
            """;

    @Test
    void nestedBlockMapping_positionOfGivesKeyLineAndColumn() {
        ScenarioDocument document = ScenarioDocument.parse(QUICKSTART, "scenarios/quickstart.yaml");

        assertThat(document.positionOf("/name")).contains(SourcePosition.at(1, 1));
        assertThat(document.positionOf("/fleet/hosts")).contains(SourcePosition.at(3, 3));
        assertThat(document.positionOf("/workload/path")).contains(SourcePosition.at(9, 3));
    }

    @Test
    void blockSequenceItem_positionOfGivesItemAndFieldLines() {
        ScenarioDocument document = ScenarioDocument.parse(QUICKSTART, "scenarios/quickstart.yaml");

        assertThat(document.positionOf("/fleet/hosts/0")).contains(SourcePosition.at(4, 7));
        assertThat(document.positionOf("/fleet/hosts/0/count")).contains(SourcePosition.at(5, 7));
    }

    @Test
    void flowStyleItems_positionOfGivesColumnsWithinTheLine() {
        ScenarioDocument document = ScenarioDocument.parse(QUICKSTART, "scenarios/quickstart.yaml");

        assertThat(document.positionOf("/fleet/hosts/1")).contains(SourcePosition.at(6, 7));
        assertThat(document.positionOf("/fleet/hosts/1/count")).contains(SourcePosition.at(6, 25));
        assertThat(document.positionOf("/fleet/regions/1")).contains(SourcePosition.at(7, 24));
    }

    @Test
    void pointerWithoutPosition_positionOfFallsBackToNearestEnclosingValue() {
        ScenarioDocument document = ScenarioDocument.parse(QUICKSTART, "scenarios/quickstart.yaml");

        assertThat(document.positionOf("/fleet/hosts/1/zone")).contains(SourcePosition.at(6, 7));
        assertThat(document.positionOf("/missing/deeper")).contains(SourcePosition.at(1, 1));
    }

    @Test
    void keyWithSlash_positionOfUsesEscapedPointer() {
        ScenarioDocument document = ScenarioDocument.parse("labels:\n  team/owner: infra\n", "x.yaml");

        assertThat(document.positionOf("/labels/team~1owner")).contains(SourcePosition.at(2, 3));
        assertThat(document.fieldPath("/labels/team~1owner")).isEqualTo("labels.team/owner");
    }

    @Test
    void pointerIntoList_problemUsesDottedPathWithIndexes() {
        ScenarioDocument document = ScenarioDocument.parse(QUICKSTART, "scenarios/quickstart.yaml");

        ScenarioProblem problem = document.problem("/fleet/hosts/0/count", "an integer >= 1", "-3");

        assertThat(problem.format())
                .isEqualTo("scenarios/quickstart.yaml:5:7: fleet.hosts[0].count: expected an integer >= 1, found -3");
    }

    @Test
    void malformedYaml_refusedWithParserLineAndShortReason() {
        String text = "fleet:\n  name: a\n   bad: b: c\n";

        assertThatThrownBy(() -> ScenarioDocument.parse(text, "scenarios/x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("scenarios/x.yaml:3:7: malformed YAML: mapping values are not allowed here");
    }

    @Test
    void unclosedFlowSequence_refusedWithWhereTheSequenceStarted() {
        assertThatThrownBy(() -> ScenarioDocument.parse("a: [1, 2\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("x.yaml:2:1: malformed YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence at line 1)");
    }

    @Test
    void duplicateKey_refusedAtSecondOccurrenceNamingTheFirst() {
        String text = "fleet:\n  name: a\n  hosts: []\n  name: b\n";

        assertThatThrownBy(() -> ScenarioDocument.parse(text, "scenarios/x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("scenarios/x.yaml:4:3: fleet.name: expected each key at most once in a mapping,"
                        + " found 'name' again (first at line 2)");
    }

    @Test
    void emptyFile_refusedAsEmptyDocument() {
        assertThatThrownBy(() -> ScenarioDocument.parse("# nothing yet\n", "scenarios/x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("scenarios/x.yaml: expected a mapping of scenario fields, found an empty document");
    }

    @Test
    void topLevelList_refusedAsNotAMapping() {
        assertThatThrownBy(() -> ScenarioDocument.parse("- a\n- b\n", "scenarios/x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("scenarios/x.yaml:1:1: expected a mapping of scenario fields at the top level,"
                        + " found a list of 2 items");
    }

    @Test
    void secondDocument_refused() {
        assertThatThrownBy(() -> ScenarioDocument.parse("a: 1\n---\nb: 2\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("x.yaml:3:1: expected a single YAML document, found a second document");
    }

    @Test
    void alias_refusedRatherThanReadAsTheAnchorName() {
        assertThatThrownBy(() -> ScenarioDocument.parse("a: &size 4\nb: *size\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("x.yaml:2:4: b: expected a plain value (YAML anchors and aliases are not supported),"
                        + " found the alias *size");
    }

    @Test
    void scalarTypes_readAsYamlCoreTypes() {
        ScenarioDocument document = ScenarioDocument.parse(
                "i: 12\nd: 0.7\nb: true\ns: 5m\nn: ~\nempty:\nquoted: ''\nyes: no\n", "x.yaml");

        assertThat(document.root().get("i").isInt()).isTrue();
        assertThat(document.root().get("d").isDouble()).isTrue();
        assertThat(document.root().get("b").booleanValue()).isTrue();
        assertThat(document.root().get("s").textValue()).isEqualTo("5m");
        assertThat(document.root().get("n").isNull()).isTrue();
        assertThat(document.root().get("empty").isNull()).isTrue();
        assertThat(document.root().get("quoted").textValue()).isEmpty();
        assertThat(document.root().get("yes").textValue()).isEqualTo("no");
    }

    @Test
    void file_parsedAndNamedAsGiven(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("quick.yaml");
        Files.writeString(file, "name: q\n");

        ScenarioDocument document = ScenarioDocument.parse(file);

        assertThat(document.displayName()).isEqualTo(file.toString());
        assertThat(document.root().get("name").textValue()).isEqualTo("q");
    }

    @Test
    void missingFile_refusedNamingTheFile(@TempDir Path directory) {
        Path file = directory.resolve("absent.yaml");

        assertThatThrownBy(() -> ScenarioDocument.parse(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ": expected a readable scenario file, found no such file");
    }

    @Test
    void relativePath_resolvedAgainstScenarioDirectory(@TempDir Path directory) throws IOException {
        Path file = Files.createDirectories(directory.resolve("scenarios")).resolve("x.yaml");
        Files.writeString(file, "workload: {path: ../data/day.csv}\n");

        ScenarioDocument document = ScenarioDocument.parse(file);

        assertThat(document.resolvePath("../data/day.csv")).isEqualTo(directory.resolve("data/day.csv"));
    }

    @Test
    void absolutePath_resolvedUnchanged() {
        ScenarioDocument document = ScenarioDocument.parse("a: 1\n", "scenarios/x.yaml");
        Path absolute = Path.of("/srv/data/day.csv").toAbsolutePath();

        assertThat(document.resolvePath(absolute.toString())).isEqualTo(absolute);
    }

    @Test
    void textWithPathLikeName_relativePathResolvedAgainstItsDirectory() {
        ScenarioDocument document = ScenarioDocument.parse("a: 1\n", "scenarios/x.yaml");

        assertThat(document.resolvePath("data/day.csv")).isEqualTo(Path.of("scenarios/data/day.csv"));
    }
}
