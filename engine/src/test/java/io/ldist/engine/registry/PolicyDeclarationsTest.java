package io.ldist.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parameter declarations against the constructors they stand for: a value the declaration accepts must
 * build the policy, and a value it refuses must be one the constructor would have thrown on, so that the
 * loader's early check neither lets a crash through nor refuses a working scenario.
 */
class PolicyDeclarationsTest {
    private static final List<PolicyFamily<?>> FAMILIES = List.of(Policies.SCORERS, PlacementPolicies.family(null),
            Policies.OVERLOAD, Policies.VM_SELECTION, Policies.UNDERLOAD);

    @Test
    void everyPolicy_buildsWithItsDeclaredDefaults() {
        for (PolicyFamily<?> family : FAMILIES) {
            for (String name : family.names()) {
                assertThat((Object) family.create(PolicyChoice.of(name), PolicyContext.DEFAULT)).as(name).isNotNull();
            }
        }
    }

    @Test
    void numberParameters_acceptExactlyWhatTheConstructorAccepts() {
        int probed = 0;
        for (PolicyFamily<?> family : FAMILIES) {
            for (String name : family.names()) {
                for (PolicyParameter parameter : family.parameters(name)) {
                    if (parameter.type() != ParameterType.NUMBER) {
                        continue;
                    }
                    for (double value : probes(parameter.range())) {
                        PolicyChoice choice = new PolicyChoice(name, Map.of(parameter.name(), value));
                        boolean declared = parameter.refusal(value).isEmpty();
                        assertThat(builds(family, choice)).as(name + "." + parameter.name() + " = " + value)
                                .isEqualTo(declared);
                        probed++;
                    }
                }
            }
        }
        assertThat(probed).isGreaterThan(0);
    }

    @Test
    void aValueOutOfRange_refusedByTheRegistryNamingTheRange() {
        assertThatThrownBy(() -> Policies.OVERLOAD.create(new PolicyChoice("iqr", Map.of("safety", -1.0)),
                PolicyContext.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overload.iqr.safety must be a number >= 0, was -1.0");
    }

    @Test
    void anUndeclaredParameter_refusedListingTheDeclaredOnes() {
        assertThatThrownBy(() -> Policies.OVERLOAD.create(new PolicyChoice("thr", Map.of("treshold", 0.7)),
                PolicyContext.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overload.thr has no parameter 'treshold'; its parameters: threshold");
    }

    @Test
    void aFlagGivenAsANumber_refusedAsTheWrongType() {
        assertThat(Policies.OVERLOAD.parameter("lr", "tricube").orElseThrow().refusal(1.0)).contains("true or false");
    }

    @Test
    void aPolicyParameter_namesAPolicyOfItsFamily_orItsDefault() {
        PolicyFamily<String> family = new PolicyFamily<String>("test").register("pick", "reads a selector",
                List.of(PolicyParameter.policy("selector", Policies.VM_SELECTION, "mmt", "the VM selector")),
                (p, c) -> p.policy("selector"));

        assertThat(family.create(PolicyChoice.of("pick"), PolicyContext.DEFAULT)).isEqualTo("mmt");
        assertThat(family.create(new PolicyChoice("pick", Map.of("selector", "mc")), PolicyContext.DEFAULT))
                .isEqualTo("mc");
        assertThat(family.parameter("pick", "selector").orElseThrow().refusal("mcc"))
                .contains("a select policy: one of " + String.join(", ", Policies.VM_SELECTION.names()));
    }

    @Test
    void aPoliciesParameter_namesOneOrMorePoliciesOfItsFamily_orItsDefault() {
        PolicyFamily<List<String>> family = new PolicyFamily<List<String>>("test").register("pick", "reads selectors",
                List.of(PolicyParameter.policies("selectors", Policies.VM_SELECTION, List.of("mmt", "rs"), "VM "
                        + "selectors")), (p, c) -> p.policies("selectors"));
        PolicyParameter selectors = family.parameter("pick", "selectors").orElseThrow();

        assertThat(family.create(PolicyChoice.of("pick"), PolicyContext.DEFAULT)).containsExactly("mmt", "rs");
        assertThat(family.create(new PolicyChoice("pick", Map.of("selectors", List.of("mc"))), PolicyContext.DEFAULT))
                .containsExactly("mc");
        assertThat(selectors.defaultText()).isEqualTo("mmt,rs");
        assertThat(selectors.refusal(List.of("mc", "mcc"))).contains("a list of select policies, each one of "
                + String.join(", ", Policies.VM_SELECTION.names()));
        assertThat(selectors.refusal(List.of())).isPresent();
        assertThat(selectors.refusal("mc")).isPresent();
    }

    @Test
    void theSelectorForecaster_buildsWithMembersOfItsOwnFamily() {
        var factory = Policies.FORECASTERS.create(new PolicyChoice("selector", Map.of("members",
                List.of("last-value", "ar"))), PolicyContext.DEFAULT);
        var forecaster = factory.create(io.ldist.engine.forecast.ForecastSetup.utilisation(2, 3, 300));
        forecaster.update(0, 0.4);
        assertThat(forecaster.point(0, 1)).isEqualTo(0.4);
        assertThatThrownBy(() -> Policies.FORECASTERS.create(new PolicyChoice("selector", Map.of("members",
                List.of("lastvalue"))), PolicyContext.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forecast.selector.members must be a list of forecast policies");
        // The declared range is the constructor's: a finite power above 0.
        PolicyParameter power = Policies.FORECASTERS.parameter("selector", "power").orElseThrow();
        assertThat(power.refusal(Double.POSITIVE_INFINITY)).isPresent();
        assertThat(power.refusal(0.0)).isPresent();
        assertThat(power.refusal(1e6)).isEmpty();
    }

    @Test
    void integerParameters_refuseFractions() {
        PolicyParameter steps = PolicyParameter.integer("steps", ParameterRange.atLeast(1), 3, "", "steps ahead");

        assertThat(steps.refusal(2L)).isEmpty();
        assertThat(steps.refusal(2.5)).contains("a whole number >= 1");
        assertThat(steps.refusal(0L)).contains("a whole number >= 1");
    }

    @Test
    void aDefaultOutsideItsOwnRange_refusedWhenDeclared() {
        assertThatThrownBy(() -> PolicyParameter.number("x", ParameterRange.POSITIVE_SHARE, 2, "", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ranges_readAsTheyAreWritten() {
        assertThat(ParameterRange.POSITIVE_SHARE.phrase()).isEqualTo("in (0, 1]");
        assertThat(ParameterRange.atLeast(0).phrase()).isEqualTo(">= 0");
        assertThat(ParameterRange.above(0).phrase()).isEqualTo("> 0");
        assertThat(ParameterRange.ANY.phrase()).isEmpty();
    }

    private static boolean builds(PolicyFamily<?> family, PolicyChoice choice) {
        try {
            family.create(choice, PolicyContext.DEFAULT, false);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** Each bound, the nearest numbers either side of it, and values far off and not numbers at all. */
    private static List<Double> probes(ParameterRange range) {
        List<Double> values = new ArrayList<>(List.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                -1.0, 0.0, 0.5, 1.0, 2.0, 1e9));
        for (double bound : new double[] {range.min(), range.max()}) {
            if (Double.isFinite(bound)) {
                values.addAll(List.of(bound, Math.nextDown(bound), Math.nextUp(bound)));
            }
        }
        return values;
    }
}
