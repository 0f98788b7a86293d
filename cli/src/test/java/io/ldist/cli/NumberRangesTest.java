package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every integer and quantity of a scenario and every numeric option has a range, checked before any work: a
 * value past it is refused with its place and field (exit 2), never wrapped around into a small count
 * (4294967300 servers running as 4) nor left to fail with a stack trace deep in the simulator.
 */
class NumberRangesTest {
    @TempDir
    Path tmp;

    private String refused(String... args) {
        String err = CliRun.refusedLeaving(tmp, args);
        assertThat(err).doesNotContain("Exception").doesNotContain("    at ");
        return err;
    }

    private String simulateRefused(Path scenario, String... options) {
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--out",
                tmp.resolve("out").toString()));
        args.addAll(List.of(options));
        return refused(args.toArray(String[]::new));
    }

    /** Each integer field of both test scenarios, with the largest value it takes. */
    static Stream<Arguments> integerFields() {
        return Stream.of(
                Arguments.of("tasks", "fleet.hosts[0].count", "1000000"),
                Arguments.of("tasks", "fleet.hostTypes[0].cores", "100000"),
                Arguments.of("tasks", "fleet.vmTypes[0].cores", "100000"),
                Arguments.of("tasks", "fleet.vmTypes[0].taskSlots", "10000"),
                Arguments.of("tasks", "fleet.maxVmsPerHost", "10000"),
                Arguments.of("tasks", "fleet.template.perHost", "10000"),
                Arguments.of("tasks", "workload.maxAttempts", "1000"),
                Arguments.of("tasks", "seed", "9007199254740992", "9007199254740991"),
                Arguments.of("tasks", "policies.failover.missedChecks", "1000"),
                Arguments.of("tasks", "policies.circuitBreaker.minTasks", "1000000"),
                Arguments.of("tasks", "policies.scaling", "{policy: threshold, maxHosts: 4294967296}", "1000000"),
                Arguments.of("tasks", "policies.scaling", "{policy: threshold, minHosts: 4294967296}", "1000000"),
                Arguments.of("tasks", "policies.scaling", "{policy: threshold, step: 4294967296}", "1000000"),
                Arguments.of("tasks", "policies.scaling", "{policy: threshold, standbyPool: 4294967296}", "1000000"),
                Arguments.of("trace", "scale", "10000"),
                Arguments.of("trace", "faults", "{crashes: [{host: 4294967296, at: 1m}]}", "999999"),
                Arguments.of("trace", "faults", "{flaky: [{host: 4294967296, from: 1m, to: 2m, errorRate: 0.5}]}",
                        "999999"))
                .map(a -> a.get().length == 3 ? Arguments.of(a.get()[0], a.get()[1], "4294967300", a.get()[2]) : a);
    }

    @Test
    void aTaskStreamScaled_scalesItsScalingSettings_withinTheServerLimit() {
        Path scenario = TestScenarios.tasks(tmp);
        String err = simulateRefused(scenario, "--scale", "64", "--set",
                "policies.scaling={policy: threshold, maxHosts: 100000}");

        assertThat(err).contains("policies.scaling.maxHosts: expected at most 1,000,000 servers with scale 64, "
                + "found 100,000 (6,400,000 servers)");
    }

    @ParameterizedTest(name = "{1}={2}")
    @MethodSource("integerFields")
    void integerBeyondItsRange_refusedAtTheField_neverWrapped(String base, String field, String value, String max) {
        Path scenario = base.equals("tasks") ? TestScenarios.tasks(tmp) : TestScenarios.trace(tmp);

        for (String huge : !value.equals("4294967300") ? List.of(value) : List.of(value, "1000000000000",
                "99999999999999999999999")) {
            String err = simulateRefused(scenario, "--set", field + "=" + huge);

            assertThat(err).as(field + "=" + huge).startsWith("--set " + field + "=" + huge + ": ")
                    .contains("expected an integer <= " + max + ", found ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed=1e308", "fleet.hosts[0].count=1e308", "fleet.hosts[0].count=-1e300",
            "fleet.maxVmsPerHost=1e20", "workload.maxAttempts=4e9"})
    void integerWrittenAsAFloatPastTheRangeOfALong_refusedByTheBound_notAConversionFailure(String assignment) {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", assignment))
                .startsWith("--set " + assignment + ": ").containsPattern("expected an integer [<>]= ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fleet.hosts[0].count=-1", "seed=-1", "workload.maxAttempts=0", "fleet.vmTypes[0].cores=0"})
    void integerBelowItsRange_refused(String assignment) {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", assignment))
                .startsWith("--set " + assignment + ": ").contains("expected an integer >= ");
    }

    @Test
    void serversTimesScale_beyondTheSimulatorsLimit_refusedWithTheProduct() {
        Path scenario = TestScenarios.trace(tmp, "count: 3}", "count: 1000}");

        assertThat(simulateRefused(scenario, "--scale", "10000")).isEqualTo("--set scale=10000: scale: expected at "
                + "most 1,000,000 servers at the start (the counts of fleet.hosts times scale), found 1,000 servers "
                + "x scale 10000 = 10,000,000\n");
    }

    @Test
    void templateVmsOnTheLargestFleet_beyondTheLimit_refusedWithTheProduct() {
        Path scenario = TestScenarios.tasks(tmp, "maxVmsPerHost: 2", "maxVmsPerHost: 10000", "count: 2",
                "count: 1000", "cores: 4", "cores: 1", "ram: 8GiB", "ram: 1", "perHost: 2", "perHost: 10000",
                "cores: 8", "cores: 100000");

        assertThat(simulateRefused(scenario, "--set", "policies.scaling={policy: threshold, maxHosts: 1000000}"))
                .isEqualTo(scenario + ":24:5: fleet.template.perHost: expected at most 10,000,000 template VMs in "
                        + "all (perHost times the 1,000,000 servers the run may hold), found 10000, "
                        + "10,000,000,000 VMs\n");
    }

    @Test
    void countsTogether_beyondTheLimit_refusedAtTheHosts() {
        Path scenario = TestScenarios.trace(tmp, "- {type: small-host, count: 3}",
                "- {type: small-host, count: 600000}\n    - {type: small-host, count: 600000}");

        assertThat(simulateRefused(scenario)).isEqualTo(scenario + ":13:3: fleet.hosts: expected at most 1,000,000 "
                + "servers at the start (the counts of fleet.hosts times scale), found 1,200,000 servers\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"duration=3651d", "duration=1e300", "fleet.hostTypes[0].ram=2000TiB",
            "fleet.hostTypes[0].network=1e9", "fleet.hostTypes[0].bootTime=99999999999d"})
    void quantityBeyondItsRange_refused(String assignment) {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", assignment))
                .startsWith("--set " + assignment + ": ").contains(": expected a ").contains(" of at most ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fleet.hostTypes[0].mipsPerCore=1e300", "workload.arrivals.perHour=1e300",
            "fleet.hostTypes[0].pricePerHour=1e300", "policies.weights={cpu: 1e300}",
            "fleet.hostTypes[0].power=[1, 1e300]"})
    void numberBeyondItsRange_refused(String assignment) {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", assignment))
                .startsWith("--set " + assignment + ": ").contains("expected a number <= ");
    }

    @Test
    void runOfTooManyDecisions_refusedAtTheInterval() {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", "duration=365d", "--set",
                "decisionInterval=1ms")).isEqualTo("--set decisionInterval=1ms: decisionInterval: expected at most "
                + "10,000,000 decisions in the run (a decision interval of at least 4s for duration 365d), "
                + "found 1ms\n");
    }

    @Test
    void arrivalsOfTooManyTasks_refusedAtTheRate() {
        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", "duration=365d", "--set",
                "workload.arrivals.perHour=100000")).startsWith("--set workload.arrivals.perHour=100000: "
                + "workload.arrivals.perHour: expected at most 100,000,000 tasks over the run at the peak rate");
    }

    @Test
    void surgesThatMultiplyAModestRate_refusedAtTheRate() {
        String surges = "workload.arrivals.surges=[{from: 1m, to: 2m, factor: 1000}, {from: 1m, to: 2m, factor: 1000},"
                + " {from: 1m, to: 2m, factor: 1000}]";

        assertThat(simulateRefused(TestScenarios.tasks(tmp), "--set", surges)).isEqualTo(TestScenarios.tasks(tmp)
                + ":28:5: workload.arrivals.perHour: expected at most 100,000,000 tasks over the run at the peak "
                + "rate (perHour x the largest dailyProfile value x the surge factors x the hours of duration 1h), "
                + "found 60, 60,000,000,000 tasks\n");
    }

    @Test
    void crashOfAServerPastTheFleet_refusedEvenWhereAnIntWouldWrapToZero() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(simulateRefused(scenario, "--set", "faults={crashes: [{host: 3, at: 1m}]}"))
                .isEqualTo("--set faults={crashes: [{host: 3, at: 1m}]}: faults.crashes[0].host: expected the index "
                        + "of a server present at the start (0 to 2), found 3\n");
    }

    // ------------------------------------------------------------ options

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of(List.of("simulate", "--seed", "-1"), "--seed: expected an integer from 0 to "
                        + "9,007,199,254,740,991, found -1"),
                Arguments.of(List.of("simulate", "--seed", "9007199254740992"), "--seed: expected an integer from 0 "
                        + "to 9,007,199,254,740,991, found 9007199254740992"),
                Arguments.of(List.of("simulate", "--scale", "200000000"), "--scale: expected an integer from 1 to "
                        + "10,000, found 200000000"),
                Arguments.of(List.of("simulate", "--scale", "0"), "--scale: expected an integer from 1 to 10,000, "
                        + "found 0"),
                Arguments.of(List.of("validate", "--scale", "-5"), "--scale: expected an integer from 1 to 10,000, "
                        + "found -5"),
                Arguments.of(List.of("bench", "--runs", "2147483647"), "--runs: expected an integer from 1 to "
                        + "10,000, found 2147483647"),
                Arguments.of(List.of("bench", "--warmup", "-1"), "--warmup: expected an integer from 0 to 10,000, "
                        + "found -1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void numericOptionBeyondItsRange_refusedBeforeAnyWork(List<String> args, String message) {
        List<String> all = new ArrayList<>(args);
        if (args.get(0).equals("simulate")) {
            all.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        assertThat(refused(all.toArray(String[]::new))).isEqualTo(message + "\n");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("compareOptions")
    void compareOptionBeyondItsRange_refused(String option, String value, String message) {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused("compare", scenario.toString(), option, value, "--out", tmp.resolve("out").toString()))
                .isEqualTo(message + "\n");
    }

    static Stream<Arguments> compareOptions() {
        return Stream.of(
                Arguments.of("--seeds", "2147483647", "--seeds: expected an integer from 1 to 10,000, found 2147483647"),
                Arguments.of("--threads", "0", "--threads: expected an integer from 1 to 1,024, found 0"),
                Arguments.of("--threads", "100000", "--threads: expected an integer from 1 to 1,024, found 100000"),
                Arguments.of("--scale", "200000000", "--scale: expected an integer from 1 to 10,000, found 200000000"));
    }

    @Test
    void optionThatIsNotANumberAtAll_refusedByTheParser() {
        String err = refused("simulate", "--seed", "99999999999999999999", "--out", tmp.resolve("out").toString());

        assertThat(err).startsWith("ldist: Invalid value for option '--seed': '99999999999999999999' is not a long");
    }
}
