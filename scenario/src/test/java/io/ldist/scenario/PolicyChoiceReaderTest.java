package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.registry.ParameterRange;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each type of declared parameter read from a scenario value, including those no shipped policy declares yet
 * (whole numbers, a policy of another family), which the command-line tests cannot reach.
 */
class PolicyChoiceReaderTest {
    private static final PolicyParameter STEPS = PolicyParameter.integer("steps", ParameterRange.atLeast(1), 3, "",
            "samples ahead");
    private static final PolicyParameter SELECTOR = PolicyParameter.policy("selector", Policies.VM_SELECTION, "mmt",
            "the VM selector");
    private static final PolicyParameter SHARE = PolicyParameter.number("below", ParameterRange.POSITIVE_SHARE, 1,
            PolicyParameter.SHARE, "a share");
    private static final PolicyParameter SAFETY = PolicyParameter.number("safety", ParameterRange.atLeast(0), 1.5, "",
            "a factor");

    private final FieldReader in = new FieldReader(ScenarioDocument.parse("""
            steps: 4
            halfStep: 2.5
            selector: MC
            misspelt: mcc
            share: 80%
            badShare: 80 parsecs
            textSafety: '1.5'
            flag: true
            """, "test.yaml"));
    private final PolicyChoiceReader reader = new PolicyChoiceReader(in);

    @Test
    void wholeNumber_readAsALong_andAFractionRefused() {
        assertThat(reader.value("/steps", STEPS, in.node("/steps"))).isEqualTo(4L);
        assertThat(reader.value("/halfStep", STEPS, in.node("/halfStep"))).isNull();
        assertThat(messages()).containsExactly("test.yaml:2:1: halfStep: expected a whole number >= 1, found 2.5");
    }

    @Test
    void policyName_readIgnoringCase_andAMisspeltOneGetsTheNearest() {
        assertThat(reader.value("/selector", SELECTOR, in.node("/selector"))).isEqualTo("mc");
        assertThat(reader.value("/misspelt", SELECTOR, in.node("/misspelt"))).isNull();
        assertThat(messages()).containsExactly("test.yaml:4:1: misspelt: expected a select policy: one of "
                + String.join(", ", Policies.VM_SELECTION.names()) + ", found 'mcc'; did you mean 'mc'?");
    }

    @Test
    void share_takesAPercentage_andBadTextIsSaidOnce() {
        assertThat(reader.value("/share", SHARE, in.node("/share"))).isEqualTo(0.8);
        assertThat(reader.value("/badShare", SHARE, in.node("/badShare"))).isNull();
        assertThat(in.problems()).hasSize(1);
    }

    @Test
    void textForAPlainNumber_orAFlagForANumber_refusedAsTheWrongType() {
        assertThat(reader.value("/textSafety", SAFETY, in.node("/textSafety"))).isNull();
        assertThat(reader.value("/flag", SAFETY, in.node("/flag"))).isNull();
        assertThat(messages()).containsExactly(
                "test.yaml:7:1: textSafety: expected a number >= 0, found '1.5'",
                "test.yaml:8:1: flag: expected a number >= 0, found true");
    }

    private List<String> messages() {
        return in.problems().stream().map(ScenarioProblem::format).toList();
    }
}
