package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

    private static final SchemaValidation SCHEMA =
            SchemaValidation.fromClasspath("io/ldist/scenario/test-scenario.schema.json");
    /** Declares an $id at an address that does not exist, like the shipped schema declares its own. */
    private static final SchemaValidation WITH_ID =
            SchemaValidation.fromClasspath("io/ldist/scenario/id-scenario.schema.json");

    private static List<String> problems(String yaml) {
        return SCHEMA.problems(ScenarioDocument.parse(yaml, "s.yaml")).stream().map(ScenarioProblem::format).toList();
    }

    @Test
    void conformingScenario_hasNoProblems() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - {type: m5.large, count: 3}
                policies: [pabfd, {kind: threshold, threshold: 0.8}, {kind: threshold, threshold: 80%}, {kind: pabfd, slack: 2}]
                workload: {path: day.csv, duration: 24h}
                """)).isEmpty();
    }

    @Test
    void unknownField_refusedListingFieldsWithSuggestion() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts: [{type: m5.large, count: 3}]
                  hostz: []
                """)).containsExactly(
                "s.yaml:4:3: fleet.hostz: expected one of the fields hosts or regions, found unknown field 'hostz';"
                        + " did you mean 'hosts'?");
    }

    @Test
    void unknownFieldFarFromAnyName_refusedWithoutSuggestion() {
        assertThat(problems("name: quickstart\nfleet: {hosts: [{type: m5.large, count: 3}]}\ncolour: blue\n"))
                .containsExactly("s.yaml:3:1: colour: expected one of the fields name, fleet, workload, policy or policies,"
                        + " found unknown field 'colour'");
    }

    @Test
    void misspeltEnumValue_refusedListingValuesWithSuggestion() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - type: m5.larg
                      count: 3
                """)).containsExactly(
                "s.yaml:4:7: fleet.hosts[0].type: expected one of 'm5.large', 'c5.xlarge' or 't3.micro',"
                        + " found 'm5.larg'; did you mean 'm5.large'?");
    }

    @Test
    void wrongType_refusedNamingBothTypes() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - type: m5.large
                      count: five
                """)).containsExactly("s.yaml:5:7: fleet.hosts[0].count: expected an integer, found 'five'");
    }

    @Test
    void valueOfSeveralAllowedTypes_refusedListingThem() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\nworkload: {duration: [1]}\n"))
                .containsExactly("s.yaml:3:12: workload.duration: expected a string or a number, found a list of 1 item");
    }

    @Test
    void belowMinimum_refusedWithBound() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - type: m5.large
                      count: -3
                """)).containsExactly("s.yaml:5:7: fleet.hosts[0].count: expected an integer >= 1, found -3");
    }

    @Test
    void aboveMaximumAndAtExclusiveMinimum_refusedWithBounds() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - {type: m5.large, count: 5000, cpu_overcommit: 0}
                """)).containsExactly(
                "s.yaml:4:24: fleet.hosts[0].count: expected an integer <= 1000, found 5000",
                "s.yaml:4:37: fleet.hosts[0].cpu_overcommit: expected a number > 0, found 0");
    }

    @Test
    void missingRequiredField_refusedAtEnclosingObject() {
        assertThat(problems("""
                name: quickstart
                fleet:
                  hosts:
                    - type: m5.large
                """)).containsExactly(
                "s.yaml:4:7: fleet.hosts[0].count: expected an integer, found nothing (field 'count' is missing)");
    }

    @Test
    void missingRequiredSection_describedThroughItsRef() {
        assertThat(problems("name: quickstart\n"))
                .containsExactly("s.yaml:1:1: fleet: expected a mapping, found nothing (field 'fleet' is missing)");
    }

    @Test
    void emptyList_refusedWithMinimumItems() {
        assertThat(problems("name: quickstart\nfleet:\n  hosts: []\n"))
                .containsExactly("s.yaml:3:3: fleet.hosts: expected a list of at least 1 item, found an empty list");
    }

    @Test
    void patternMismatch_refusedShowingPattern() {
        assertThat(problems("name: Quick Start\nfleet: {hosts: [{type: m5.large, count: 3}]}\n"))
                .containsExactly("s.yaml:1:1: name: expected a string matching the pattern ^[a-z][a-z0-9-]*$,"
                        + " found 'Quick Start'");
    }

    @Test
    void emptyStringBelowMinLength_refusedCountingCharacters() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\nworkload: {path: ''}\n"))
                .containsExactly("s.yaml:3:12: workload.path: expected a string of at least 1 character,"
                        + " found an empty string");
    }

    @Test
    void misspeltDiscriminator_refusedOnceListingAllAlternatives() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\npolicy: {kind: threshld, threshold: 2}\n"))
                .containsExactly("s.yaml:3:10: policy.kind: expected one of 'threshold' or 'pabfd', found 'threshld';"
                        + " did you mean 'threshold'?");
    }

    @Test
    void valueOfNoAlternativesType_refusedOnceListingTypes() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\npolicy: 5\n"))
                .containsExactly("s.yaml:3:1: policy: expected a string or a mapping, found 5");
    }

    @Test
    void misspeltStringAlternative_refusedWithItsValues() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\npolicy: pabfdd\n"))
                .containsExactly("s.yaml:3:1: policy: expected one of 'pabfd' or 'first-fit', found 'pabfdd';"
                        + " did you mean 'pabfd'?");
    }

    @Test
    void matchingAlternativeWithBadField_onlyItsErrorReported() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\npolicy: {kind: threshold, threshold: 2}\n"))
                .containsExactly("s.yaml:3:27: policy.threshold: expected a number <= 1, found 2");
    }

    @Test
    void nestedAlternativesOfNoFittingType_refusedOnceAtTheNestedValue() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\npolicy: {kind: threshold, threshold: true}\n"))
                .containsExactly("s.yaml:3:27: policy.threshold: expected a number or a string, found true");
    }

    @Test
    void anyOfWithOneFittingType_onlyThatAlternativesErrorReported() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\nworkload: {rate: -1}\n"))
                .containsExactly("s.yaml:3:12: workload.rate: expected a number >= 0, found -1");
    }

    @Test
    void anyOfWithNoFittingType_refusedOnceListingTypes() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\nworkload: {rate: true}\n"))
                .containsExactly("s.yaml:3:12: workload.rate: expected a number or a string, found true");
    }

    @Test
    void alternativesInListElements_reportedPerElement() {
        assertThat(problems("""
                name: q
                fleet: {hosts: [{type: m5.large, count: 3}]}
                policies:
                  - {kind: threshold, threshold: 2}
                  - {kind: pabfd, slack: lots}
                """)).containsExactly(
                "s.yaml:4:23: policies[0].threshold: expected a number <= 1, found 2",
                "s.yaml:5:19: policies[1].slack: expected a number, found 'lots'");
    }

    @Test
    void severalProblems_allReportedInLineOrder() {
        ScenarioDocument document = ScenarioDocument.parse("""
                name: Quick
                fleet:
                  hosts:
                    - {type: m5.larg, count: 0}
                  hostz: 1
                """, "s.yaml");

        assertThatThrownBy(() -> SCHEMA.validate(document))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(String.join("\n",
                        "s.yaml:1:1: name: expected a string matching the pattern ^[a-z][a-z0-9-]*$, found 'Quick'",
                        "s.yaml:4:8: fleet.hosts[0].type: expected one of 'm5.large', 'c5.xlarge' or 't3.micro',"
                                + " found 'm5.larg'; did you mean 'm5.large'?",
                        "s.yaml:4:23: fleet.hosts[0].count: expected an integer >= 1, found 0",
                        "s.yaml:5:3: fleet.hostz: expected one of the fields hosts or regions,"
                                + " found unknown field 'hostz'; did you mean 'hosts'?"));
    }

    @Test
    void overriddenValueFailingSchema_refusedAtTheOverride() {
        ScenarioDocument document = ScenarioDocument.parse("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\n", "s.yaml");
        ScenarioDocument overridden = Overrides.apply(document, List.of("fleet.hosts[0].count=-3"));

        assertThatThrownBy(() -> SCHEMA.validate(overridden))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet.hosts[0].count=-3: fleet.hosts[0].count: expected an integer >= 1, found -3");
    }

    @Test
    void overrideCreatingUnknownField_refusedAtTheOverrideWithSuggestion() {
        ScenarioDocument document = ScenarioDocument.parse("name: q\nfleet: {hosts: [{type: m5.large, count: 3}]}\n", "s.yaml");
        ScenarioDocument overridden = Overrides.apply(document, List.of("fleet.regoins=[eu-west-1]"));

        assertThat(SCHEMA.problems(overridden)).map(ScenarioProblem::format).containsExactly(
                "--set fleet.regoins=[eu-west-1]: fleet.regoins: expected one of the fields hosts or regions,"
                        + " found unknown field 'regoins'; did you mean 'regions'?");
    }

    @Test
    void missingSchemaResource_refusedAsProgrammingError() {
        assertThatThrownBy(() -> SchemaValidation.fromClasspath("io/ldist/scenario/absent.schema.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classpath:io/ldist/scenario/absent.schema.json");
    }

    @Test
    void misspeltRequiredField_reportedOnceAsUnknownWithSuggestion() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, cuont: 3}]}\n")).containsExactly(
                "s.yaml:2:34: fleet.hosts[0].cuont: expected one of the fields type, count or cpu_overcommit,"
                        + " found unknown field 'cuont'; did you mean 'count'?");
    }

    @Test
    void missingRequiredFieldBesideAnUnrelatedUnknownOne_bothReported() {
        assertThat(problems("name: q\nfleet: {hosts: [{type: m5.large, colour: red}]}\n")).containsExactly(
                "s.yaml:2:17: fleet.hosts[0].count: expected an integer, found nothing (field 'count' is missing)",
                "s.yaml:2:34: fleet.hosts[0].colour: expected one of the fields type, count or cpu_overcommit,"
                        + " found unknown field 'colour'");
    }

    private static List<String> problemsWithId(String yaml) {
        return WITH_ID.problems(ScenarioDocument.parse(yaml, "s.yaml")).stream().map(ScenarioProblem::format).toList();
    }

    @Test
    void schemaWithId_unknownTopLevelFieldListsTheFieldsOffline() {
        assertThat(problemsWithId("name: q\nlimt: 3\n")).containsExactly(
                "s.yaml:2:1: limt: expected one of the fields name, limit, ram or fleet, found unknown field 'limt';"
                        + " did you mean 'limit'?");
    }

    @Test
    void schemaWithId_nestedLookupsWorkOffline() {
        assertThat(problemsWithId("name: q\nfleet: {count: 2}\n")).containsExactly(
                "s.yaml:2:1: fleet.ram: expected a size such as 4GiB, found nothing (field 'ram' is missing)");
    }

    @Test
    void boundOnIntegerOrString_saysInteger() {
        assertThat(problemsWithId("name: q\nlimit: 0\n")).containsExactly(
                "s.yaml:2:1: limit: expected an integer >= 1, found 0");
    }

    @Test
    void wrongTypeForATitledSchema_usesTheTitle() {
        assertThat(problemsWithId("name: q\nram: [4]\n")).containsExactly(
                "s.yaml:2:1: ram: expected a size such as 4GiB, found a list of 1 item");
    }
}
