package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.registry.PolicyParameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's policy tables against the registry's declarations, so that a default or a range changed in one
 * place cannot silently disagree with the other. On failure the message gives the cell the README should have.
 */
class ReadmePolicyTablesTest {
    private static final Path README = TestScenarios.SCENARIOS.getParent().resolve("README.md");

    @Test
    void everyPolicyWithParameters_hasARowWhoseParametersAreTheDeclaredOnes() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int rows = 0;
        for (PolicyFamily<?> family : List.of(Policies.OVERLOAD, Policies.UNDERLOAD)) {
            for (String name : family.names()) {
                assertThat(lastCell(lines, "| `" + name + "` |")).as("README parameters of " + family.family()
                        + "." + name).isEqualTo(cell(family, name));
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(0);
    }

    @Test
    void scenarioTable_givesTheRegistrysDefaultPolicies() throws IOException {
        List<String> lines = Files.readAllLines(README);

        assertThat(lastCell(lines, "| `policies.placement` |")).isEqualTo(RegistryLists.PLACEMENT.defaultName()
                .orElseThrow());
        assertThat(lastCell(lines, "| `policies.overload`, `vmSelection`, `underload` |")).isEqualTo(
                List.of(Policies.OVERLOAD, Policies.VM_SELECTION, Policies.UNDERLOAD).stream()
                        .map(family -> family.defaultName().orElse("none")).collect(Collectors.joining(", ")));
    }

    @Test
    void everyRegisteredPolicy_isNamedInTheReadme() throws IOException {
        String readme = Files.readString(README);
        for (PolicyFamily<?> family : List.of(Policies.SCORERS, RegistryLists.PLACEMENT, Policies.OVERLOAD,
                Policies.VM_SELECTION, Policies.UNDERLOAD)) {
            for (String name : family.names()) {
                assertThat(readme).as(family.family() + "." + name).contains("`" + name + "`");
            }
        }
    }

    /** The last cell of the table row that starts with {@code start}. */
    private static String lastCell(List<String> lines, String start) {
        String row = lines.stream().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no README table row starts with " + start));
        String[] cells = row.split(" \\| ");
        return cells[cells.length - 1].replaceFirst(" \\|$", "");
    }

    /** "`safety`: a number >= 0, default 1.5; `fallback`: a share in (0, 1], default 0.7". */
    private static String cell(PolicyFamily<?> family, String name) {
        return family.parameters(name).stream().map(ReadmePolicyTablesTest::describe).collect(Collectors.joining("; "));
    }

    private static String describe(PolicyParameter parameter) {
        return "`" + parameter.name() + "`: " + parameter.expected() + ", default " + parameter.defaultText();
    }
}
