package io.ldist.cli;

import static io.ldist.cli.TestScenarios.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The commands other than simulate, and the command line itself. */
class CommandLineTest {

    static Stream<Path> shippedScenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SCENARIOS)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(SCENARIOS.resolve("sweeps")))
                    .filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("scenarios in " + SCENARIOS).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void everyShippedScenario_valid(Path scenario) {
        CliRun run = CliRun.ldist("validate", scenario.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("valid: ").contains("(" + scenario + ")");
    }

    @Test
    void scaleOption_replicatesServersAndVms(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path scenario = TestScenarios.trace(tmp);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--scale", "3", "--out",
                tmp.resolve("out").toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String summary = TestScenarios.read(tmp.resolve("out/summary.json"));
        assertThat(summary).contains("\"hosts\": 9,", "\"vms\": 12,");
    }

    @Test
    void validateWithoutScenario_checksTheEmbeddedQuickstart() {
        CliRun run = CliRun.ldist("validate");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("valid: quickstart (embedded quickstart): 5 servers at start, "
                + "a generated task stream; placement least-loaded\n");
    }

    @Test
    void validateReferenceScenario_describesTheTraceWorkload() {
        CliRun run = CliRun.ldist("validate", SCENARIOS.resolve("planetlab/thr-mmt-0.8.yaml").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(": 800 servers at start, 1052 VMs following 1052 traces; placement pabfd\n");
    }

    @Test
    void policies_listsEveryPolicyOfEveryFamily() {
        CliRun run = CliRun.ldist("policies");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("policies.scorer\n", "policies.placement\n", "policies.overload\n",
                "policies.vmSelection\n", "policies.underload\n");
        assertThat(run.out()).contains("\n  " + EngineSettings.WEIGHTED_SCORER + " ");
        for (PolicyFamily<?> family : List.of(Policies.SCORERS, PlacementPolicies.family(null), Policies.OVERLOAD,
                Policies.VM_SELECTION, Policies.UNDERLOAD)) {
            assertThat(family.names()).isNotEmpty();
            for (String name : family.names()) {
                assertThat(run.out()).as("policy " + name).containsPattern("\n  " + name + " +\\S");
            }
        }
        assertThat(run.out()).contains("  pabfd ", "  thr ", "  mmt ", "  least-utilized ", "  dominant-resource ");
        assertThat(run.out()).contains("\npolicies.scaling\n  none ", "\n  threshold ", "\n  dvfs ");
    }

    @Test
    void version_printsTheVersion() {
        CliRun run = CliRun.ldist("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("ldist \\S+\n");
    }

    static Stream<String> subcommands() {
        return Stream.of("simulate", "validate", "compare", "report", "bench", "policies", "forecast-eval", "anomaly-eval",
                "plan-fleet", "catalogue", "live",
                "live plan", "live run", "live replay", "completion");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subcommands")
    void everySubcommand_answersVersion_asLdistDoes(String subcommand) {
        String version = CliRun.ldist("--version").out();
        List<String> args = new java.util.ArrayList<>(List.of(subcommand.split(" ")));
        args.add("--version");

        CliRun run = CliRun.ldist(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(version).matches("ldist \\S+\n");
    }

    @Test
    void completion_printsAScriptCompletingEverySubcommand() {
        CliRun run = CliRun.ldist("completion");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_ldist");
        subcommands().filter(name -> !name.contains(" ")).forEach(name -> assertThat(run.out()).contains(name));
        assertThat(run.out()).contains("plan", "replay", "--out", "--json", "--catalogue");
    }

    @Test
    void completionHelp_saysHowToInstallIt() {
        CliRun run = CliRun.ldist("completion", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("source <(ldist completion)");
    }

    @Test
    void simulateHelp_endsWithItsExitCodesAndAnExample() {
        CliRun run = CliRun.ldist("simulate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\nExit codes:\n  0   done\n  2   bad input: a scenario, ")
                .contains("\n  1   failure: a full disk, among others\n")
                .endsWith("\nExample:\n  ldist simulate scenarios/quickstart.yaml --out out/quickstart\n");
    }

    @Test
    void help_listsTheCommands() {
        CliRun run = CliRun.ldist("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ldist ").contains("  simulate ", "  validate ", "  bench ",
                "  policies ");
    }

    @Test
    void unknownSubcommand_exit2WithUsage() {
        CliRun run = CliRun.ldist("simulat");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ldist: Unmatched argument at index 0: 'simulat'; did you mean 'simulate'?\n")
                .contains("Usage: ldist [-hV] [COMMAND]", "  simulate ");
    }

    @Test
    void unknownOption_exit2WithTheCommandsUsage() {
        CliRun run = CliRun.ldist("simulate", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith("ldist: Unknown option: '--frobnicate'\n")
                .contains("Usage: ldist simulate ", "--out=DIR", "--force");
    }

    @Test
    void misspeltOption_namesTheNearestOne() {
        CliRun run = CliRun.ldist("simulate", "--sed", "3");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith("ldist: Unknown option: '--sed'; did you mean '--seed'?\n");
    }

    @Test
    void optionValueOfTheWrongType_exit2WithUsage() {
        CliRun run = CliRun.ldist("simulate", "--seed", "many");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith("ldist: Invalid value for option '--seed': 'many' is not a long\n")
                .contains("Usage: ldist simulate ");
    }

    @Test
    void benchWithZeroRuns_exit2() {
        CliRun run = CliRun.ldist("bench", "--runs", "0");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("--runs: expected an integer from 1 to 10,000, found 0\n");
    }

    @Test
    void missingScenarioFile_exit2NamingIt() {
        CliRun run = CliRun.ldist("validate", "no-such-scenario.yaml");

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("no-such-scenario.yaml: expected a readable scenario file, found no such file\n");
    }
}
