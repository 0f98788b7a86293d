package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final ScenarioDocument SCENARIO = ScenarioDocument.parse("""
            fleet:
              hosts:
                - type: m5.large
                  count: 3
                - type: c5.xlarge
                  count: 4
            workload:
              path: data/day.csv
            policies:
            """, "scenarios/x.yaml");

    @Test
    void existingField_replacedWithYamlTypedValue() {
        ScenarioDocument changed = Overrides.apply(SCENARIO, List.of("fleet.hosts[0].count=12", "workload.path=/data/day"));

        assertThat(changed.root().at("/fleet/hosts/0/count").isInt()).isTrue();
        assertThat(changed.root().at("/fleet/hosts/0/count").intValue()).isEqualTo(12);
        assertThat(changed.root().at("/workload/path").textValue()).isEqualTo("/data/day");
    }

    @Test
    void scalarValues_readAsYaml() {
        ScenarioDocument changed = Overrides.apply(SCENARIO,
                List.of("a.int=12", "a.double=0.7", "a.bool=true", "a.text=5m", "a.list=[1, 2]", "a.map={x: 1}"));

        assertThat(changed.root().get("a").toString())
                .isEqualTo("{\"int\":12,\"double\":0.7,\"bool\":true,\"text\":\"5m\",\"list\":[1,2],\"map\":{\"x\":1}}");
    }

    @Test
    void missingLeafField_createdInExistingObject() {
        ScenarioDocument changed = Overrides.apply(SCENARIO, List.of("fleet.hosts[1].zone=eu-west-1a"));

        assertThat(changed.root().at("/fleet/hosts/1/zone").textValue()).isEqualTo("eu-west-1a");
        assertThat(changed.positionOf("/fleet/hosts/1/zone"))
                .contains(new SourcePosition.FromOverride("fleet.hosts[1].zone=eu-west-1a"));
    }

    @Test
    void pathThroughMissingAndEmptySections_createsThem() {
        ScenarioDocument changed = Overrides.apply(SCENARIO, List.of("policies.overload.threshold=0.7"));

        assertThat(changed.root().at("/policies/overload/threshold").doubleValue()).isEqualTo(0.7);
        assertThat(changed.positionOf("/policies/overload"))
                .contains(new SourcePosition.FromOverride("policies.overload.threshold=0.7"));
    }

    @Test
    void override_leavesOriginalDocumentUnchanged() {
        Overrides.apply(SCENARIO, List.of("fleet.hosts[0].count=12"));

        assertThat(SCENARIO.root().at("/fleet/hosts/0/count").intValue()).isEqualTo(3);
        assertThat(SCENARIO.positionOf("/fleet/hosts/0/count")).contains(SourcePosition.at(4, 7));
    }

    @Test
    void replacedSubtree_positionsOfOldChildrenForgotten() {
        ScenarioDocument changed = Overrides.apply(SCENARIO, List.of("fleet.hosts[0]={type: t3.micro}"));

        SourcePosition override = new SourcePosition.FromOverride("fleet.hosts[0]={type: t3.micro}");
        assertThat(changed.positionOf("/fleet/hosts/0/type")).contains(override);
        assertThat(changed.positionOf("/fleet/hosts/0/count")).contains(override);
    }

    @Test
    void laterOverride_winsOverEarlierOne() {
        ScenarioDocument changed = Overrides.apply(SCENARIO, List.of("fleet.hosts[0].count=5", "fleet.hosts[0].count=6"));

        assertThat(changed.root().at("/fleet/hosts/0/count").intValue()).isEqualTo(6);
    }

    @Test
    void indexOutOfRange_refusedNamingTheOverrideAndTheSize() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.hosts[5].count=3")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet.hosts[5].count=3: fleet.hosts: expected an index from 0 to 1"
                        + " (fleet.hosts has 2 elements), found index 5");
    }

    @Test
    void indexIntoMapping_refused() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("workload[0]=x")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set workload[0]=x: workload: expected a list to index into, found a mapping");
    }

    @Test
    void fieldOfList_refusedSuggestingAnIndex() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.hosts.count=3")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet.hosts.count=3: fleet.hosts: expected a mapping that can hold field 'count',"
                        + " found a list, which needs an index such as fleet.hosts[0]");
    }

    @Test
    void indexIntoMissingList_refused() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.zones[0].name=a")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet.zones[0].name=a: fleet.zones: expected an existing list to index into, found nothing");
    }

    @Test
    void assignmentWithoutValue_refusedShowingTheForm() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet..count")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet..count: expected field.path=value, e.g. fleet.hosts[0].count=12,"
                        + " found 'fleet..count'");
    }

    @Test
    void indexTooLargeForAnInt_refusedAsBadPath() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.hosts[99999999999].count=1")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set fleet.hosts[99999999999].count=1: expected field.path=value,"
                        + " e.g. fleet.hosts[0].count=12, found 'fleet.hosts[99999999999].count=1'");
    }

    @Test
    void malformedValue_refusedAtTheOverride() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.hosts[0]={type: [a")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("--set fleet.hosts[0]={type: [a: fleet.hosts[0]: malformed YAML: ");
    }

    @Test
    void severalBadOverrides_allReported() {
        assertThatThrownBy(() -> Overrides.apply(SCENARIO, List.of("fleet.hosts[9].count=1", "workload[0]=x")))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).hasSize(2));
    }
}
