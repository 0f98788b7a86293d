package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.ldist.engine.registry.Policies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ldist simulate refuses bad input before doing any work: exit code 2, the exact message (file, line, column,
 * field, expected, found), and nothing written, neither the output folder nor a temporary file. Scenario
 * lines and columns below refer to {@link TestScenarios#TASKS} and {@link TestScenarios#TRACE}.
 */
class SimulateBadInputTest {
    @TempDir
    Path tmp;

    /** Runs simulate on {@code scenario} and checks the refusal; returns the message. */
    private String refused(Path scenario, String... options) {
        Map<String, Long> before = listing(tmp);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(options));

        CliRun run = CliRun.ldist(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    // ------------------------------------------------------------ YAML and fields

    @Test
    void malformedYaml_refusedAtTheLineOfTheMistake() {
        Path scenario = TestScenarios.tasks(tmp, "  placement: least-loaded", "  placement: [least-loaded");

        assertThat(refused(scenario)).isEqualTo(scenario + ":34:1: malformed YAML: expected ',' or ']', but got "
                + "<stream end> (while parsing a flow sequence at line 33)\n");
    }

    @Test
    void unknownTopLevelField_refusedListingTheFieldsWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "decisionInterval: 1m", "decisionIntervall: 1m");

        assertThat(refused(scenario)).isEqualTo(scenario + ":4:1: decisionIntervall: expected one of the fields name, "
                + "description, seed, duration, decisionInterval, scale, fleet, workload, policies, migration, health, "
                + "faults, updates, costs or affinity, found unknown field 'decisionIntervall'; did you mean "
                + "'decisionInterval'?\n");
    }

    @Test
    void unknownNestedField_refusedWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "taskSlots: 4", "taskSlot: 4");

        assertThat(refused(scenario)).isEqualTo(scenario + ":21:7: fleet.vmTypes[0].taskSlot: expected one of the "
                + "fields name, cores, mipsPerCore, gpus, ram, network or taskSlots, found unknown field 'taskSlot'; "
                + "did you mean 'taskSlots'?\n");
    }

    @Test
    void misspeltRequiredField_reportedOnceAsTheUnknownField() {
        Path scenario = TestScenarios.tasks(tmp, "cpuMips: 1000", "cpuMps: 1000");

        assertThat(refused(scenario)).isEqualTo(scenario + ":30:5: workload.task.cpuMps: expected one of the fields "
                + "cpuMips, gpus, ram, duration or deadlineFactor, found unknown field 'cpuMps'; "
                + "did you mean 'cpuMips'?\n");
    }

    // ------------------------------------------------------------ policies

    @Test
    void unknownPlacementPolicy_refusedWithTheNearestName() {
        Path scenario = TestScenarios.tasks(tmp, "placement: least-loaded", "placement: least-loadd");

        assertThat(refused(scenario)).isEqualTo(scenario + ":33:3: policies.placement: expected a placement policy: "
                + "one of " + RegistryLists.orList(RegistryLists.PLACEMENT) + ", found 'least-loadd'; did you mean 'least-loaded'?\n");
    }

    @Test
    void unknownOverloadPolicy_refusedWithTheNearestName() {
        Path scenario = TestScenarios.trace(tmp, "{name: thr,", "{name: thrr,");

        assertThat(refused(scenario)).isEqualTo(scenario + ":23:14: policies.overload.name: expected an overload "
                + "policy: one of " + RegistryLists.orList(Policies.OVERLOAD, "none") + ", found 'thrr'; did you mean 'thr'?\n");
    }

    @Test
    void unknownVmSelectionPolicy_refusedWithTheNearestName() {
        Path scenario = TestScenarios.trace(tmp, "vmSelection: mmt", "vmSelection: mtt");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:3: policies.vmSelection: expected a VM selection "
                + "policy: one of " + RegistryLists.orList(Policies.VM_SELECTION, "none") + ", found 'mtt'; did you mean 'mmt'?\n");
    }

    @Test
    void unknownUnderloadPolicy_refusedWithTheNearestName() {
        Path scenario = TestScenarios.trace(tmp, "underload: least-utilized", "underload: least-utilised");

        assertThat(refused(scenario)).isEqualTo(scenario + ":25:3: policies.underload: expected an underload "
                + "policy: one of " + RegistryLists.orList(Policies.UNDERLOAD, "none") + ", found 'least-utilised'; did you mean 'least-utilized'?\n");
    }

    @Test
    void unknownScorer_refusedWithTheNearestName() {
        Path scenario = TestScenarios.tasks(tmp, "placement: least-loaded",
                "placement: least-loaded\n  scorer: dominant-resorce");

        assertThat(refused(scenario)).isEqualTo(scenario + ":34:3: policies.scorer: expected a scorer: one of "
                + RegistryLists.scorers() + ", found 'dominant-resorce'; did you mean 'dominant-resource'?\n");
    }

    @Test
    void unknownPolicyParameter_refusedNamingTheParametersOfThePolicy() {
        Path scenario = TestScenarios.trace(tmp, "threshold: 0.8", "treshold: 0.8");

        assertThat(refused(scenario)).isEqualTo(scenario + ":23:25: policies.overload.treshold: expected a parameter "
                + "of thr (threshold), found 'treshold'; did you mean 'threshold'?\n");
    }

    @Test
    void overloadPolicyWithoutVmSelection_refused() {
        Path scenario = TestScenarios.trace(tmp, "vmSelection: mmt", "vmSelection: none");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:3: policies.vmSelection: expected a VM selection "
                + "policy (" + RegistryLists.commaList(Policies.VM_SELECTION) + ") to choose the VMs to move off overloaded servers, since policies.overload is set, "
                + "found 'none'\n");
    }

    // ------------------------------------------------------------ capacities

    @Test
    void negativeRamWithUnit_refusedOnce() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 32GiB", "ram: -4GiB");

        assertThat(refused(scenario)).isEqualTo(scenario + ":11:7: fleet.hostTypes[0].ram: expected a size > 0, "
                + "found '-4GiB'\n");
    }

    @Test
    void negativeRamInMiB_refusedOnce() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 32GiB", "ram: -4096");

        assertThat(refused(scenario)).isEqualTo(scenario + ":11:7: fleet.hostTypes[0].ram: expected a size > 0, "
                + "found -4096\n");
    }

    @Test
    void zeroRam_refused() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 32GiB", "ram: 0GiB");

        assertThat(refused(scenario)).isEqualTo(scenario + ":11:7: fleet.hostTypes[0].ram: expected a size > 0, "
                + "found '0GiB'\n");
    }

    @Test
    void negativeCores_refused() {
        Path scenario = TestScenarios.tasks(tmp, "cores: 8", "cores: -2");

        assertThat(refused(scenario)).isEqualTo(scenario + ":9:7: fleet.hostTypes[0].cores: expected an integer >= 1, "
                + "found -2\n");
    }

    @Test
    void zeroMipsPerCore_refused() {
        Path scenario = TestScenarios.tasks(tmp, "mipsPerCore: 2000\n      ram: 32GiB", "mipsPerCore: 0\n      ram: 32GiB");

        assertThat(refused(scenario)).isEqualTo(scenario + ":10:7: fleet.hostTypes[0].mipsPerCore: expected a number "
                + "> 0, found 0\n");
    }

    @Test
    void hostTypeWithoutRam_refusedSayingWhatRamTakes() {
        Path scenario = TestScenarios.tasks(tmp, "      ram: 32GiB\n", "");

        assertThat(refused(scenario)).isEqualTo(scenario + ":8:7: fleet.hostTypes[0].ram: expected a size such as "
                + "4096 (MiB), 870MiB, 4GiB or 16GB, found nothing (field 'ram' is missing); or give 'from', a type "
                + "of the instance catalogue to start from (ldist catalogue lists them)\n");
    }

    // ------------------------------------------------------------ traces

    @Test
    void missingTraceFolder_refusedNamingTheFieldAndTheFolder() {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: no-such-day");

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: expected a folder of PlanetLab trace "
                + "files (288 lines of integer CPU % each), found 'no-such-day' (" + tmp.resolve("no-such-day")
                + "), which does not exist\n");
    }

    @Test
    void traceLineThatIsNotANumber_refusedNamingTheTraceFileAndLine() {
        Path scenario = TestScenarios.trace(tmp);
        TestScenarios.replaceLine(tmp.resolve("trace/vm-02"), 17, "abc");

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: trace file "
                + tmp.resolve("trace/vm-02") + ":17: expected an integer CPU utilisation in percent (0-100), "
                + "found 'abc'\n");
    }

    @Test
    void traceValueOutOfRange_refusedNamingTheTraceFileAndLine() {
        Path scenario = TestScenarios.trace(tmp);
        TestScenarios.replaceLine(tmp.resolve("trace/vm-03"), 100, "140");

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: trace file "
                + tmp.resolve("trace/vm-03") + ":100: expected an integer CPU utilisation in percent (0-100), "
                + "found 140\n");
    }

    @Test
    void traceFileTooShort_refusedNamingTheFile() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Path file = tmp.resolve("trace/vm-04");
        Files.write(file, Files.readAllLines(file).subList(0, 200), StandardCharsets.US_ASCII);

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: trace file " + file
                + ":201: expected 288 lines of CPU utilisation, found only 200\n");
    }

    @Test
    void tracePathThatIsAFile_refused() {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: trace/vm-01");

        assertThat(refused(scenario)).isEqualTo(scenario + ":19:3: workload.path: expected a folder of PlanetLab trace "
                + "files (288 lines of integer CPU % each), found 'trace/vm-01' (" + tmp.resolve("trace/vm-01")
                + "), which is a file\n");
    }

    // ------------------------------------------------------------ ranges

    @Test
    void thresholdAboveOne_refused() {
        Path scenario = TestScenarios.trace(tmp, "threshold: 0.8", "threshold: 1.5");

        assertThat(refused(scenario)).isEqualTo(scenario + ":23:25: policies.overload.threshold: expected a share in "
                + "(0, 1], found 1.5\n");
    }

    @Test
    void negativeHostCount_refused() {
        Path scenario = TestScenarios.tasks(tmp, "count: 2", "count: -1");

        assertThat(refused(scenario)).isEqualTo(scenario + ":15:7: fleet.hosts[0].count: expected an integer >= 0, "
                + "found -1\n");
    }

    @Test
    void scaleInNotBelowScaleOut_refused() {
        Path scenario = TestScenarios.tasks(tmp, "placement: least-loaded",
                "placement: least-loaded\n  scaling: {policy: threshold, scaleOut: 60%, scaleIn: 0.6}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":34:47: policies.scaling.scaleIn: expected a threshold "
                + "below scaleOut (60%), found 0.6\n");
    }

    @Test
    void zeroDuration_refused() {
        Path scenario = TestScenarios.tasks(tmp, "duration: 1h", "duration: 0");

        assertThat(refused(scenario)).isEqualTo(scenario + ":3:1: duration: expected a duration > 0, found 0\n");
    }

    @Test
    void negativeDuration_refusedOnce() {
        Path scenario = TestScenarios.tasks(tmp, "decisionInterval: 1m", "decisionInterval: -1m");

        assertThat(refused(scenario)).isEqualTo(scenario + ":4:1: decisionInterval: expected a duration > 0, "
                + "found '-1m'\n");
    }

    @Test
    void vmTypeWithZeroCores_refused() {
        Path scenario = TestScenarios.tasks(tmp, "cores: 4", "cores: 0");

        assertThat(refused(scenario)).isEqualTo(scenario + ":18:7: fleet.vmTypes[0].cores: expected an integer >= 1, "
                + "found 0\n");
    }

    @Test
    void zeroMaxVmsPerHost_refusedOnce() {
        Path scenario = TestScenarios.tasks(tmp, "maxVmsPerHost: 2", "maxVmsPerHost: 0");

        assertThat(refused(scenario)).isEqualTo(scenario + ":6:3: fleet.maxVmsPerHost: expected an integer >= 1, "
                + "found 0\n");
    }

    @Test
    void misspeltUnlimitedMaxVmsPerHost_refusedWithDidYouMean() {
        Path scenario = TestScenarios.trace(tmp, "maxVmsPerHost: unlimited", "maxVmsPerHost: unlimted");

        assertThat(refused(scenario)).isEqualTo(scenario + ":6:3: fleet.maxVmsPerHost: expected 'unlimited', "
                + "found 'unlimted'; did you mean 'unlimited'?\n");
    }

    @Test
    void fractionalMaxVmsPerHost_refusedSayingBothForms() {
        Path scenario = TestScenarios.tasks(tmp, "maxVmsPerHost: 2", "maxVmsPerHost: 2.5");

        assertThat(refused(scenario)).isEqualTo(scenario + ":6:3: fleet.maxVmsPerHost: expected an integer >= 1 or "
                + "'unlimited', found 2.5\n");
    }

    @Test
    void templateAboveMaxVmsPerHost_refused() {
        Path scenario = TestScenarios.tasks(tmp, "perHost: 2", "perHost: 3");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:5: fleet.template.perHost: expected at most "
                + "fleet.maxVmsPerHost (2), found 3\n");
    }

    // ------------------------------------------------------------ names

    @Test
    void unknownHostType_refusedWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "- type: box", "- type: bx");

        assertThat(refused(scenario)).isEqualTo(scenario + ":14:7: fleet.hosts[0].type: expected the name of a host "
                + "type of fleet.hostTypes (box) or of the instance catalogue "
                + "(ldist catalogue lists them), found 'bx'; did you mean 'box'?\n");
    }

    @Test
    void unknownTemplateVmType_refusedWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "vmType: worker", "vmType: wroker");

        assertThat(refused(scenario)).isEqualTo(scenario + ":23:5: fleet.template.vmType: expected the name of a VM "
                + "type of fleet.vmTypes (worker), found 'wroker'; did you mean 'worker'?\n");
    }

    @Test
    void unknownWorkloadVmType_refusedWithDidYouMean() {
        Path scenario = TestScenarios.trace(tmp, "vmTypes: [tiny]", "vmTypes: [tiny, tiyn]");

        assertThat(refused(scenario)).isEqualTo(scenario + ":20:19: workload.vmTypes[1]: expected the name of a VM "
                + "type of fleet.vmTypes (tiny), found 'tiyn'; did you mean 'tiny'?\n");
    }

    @Test
    void hostTypeRefusedForItsRam_notReportedAgainWhereItIsUsed() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 32GiB", "ram: 32 gigs");

        assertThat(refused(scenario)).isEqualTo(scenario + ":11:7: fleet.hostTypes[0].ram: expected a size with unit "
                + "KiB, MiB, GiB, TiB, kB, MB, GB or TB, found '32 gigs'; did you mean 'GiB'?\n");
    }

    // ------------------------------------------------------------ units

    @Test
    void unknownDurationUnit_refused() {
        Path scenario = TestScenarios.tasks(tmp, "duration: 1h", "duration: 5 parsecs");

        assertThat(refused(scenario)).isEqualTo(scenario + ":3:1: duration: expected a duration with unit ms, s, m, "
                + "min, h or d, found '5 parsecs'\n");
    }

    @Test
    void unknownSizeUnit_refusedWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 8GiB", "ram: 4 gigs");

        assertThat(refused(scenario)).isEqualTo(scenario + ":20:7: fleet.vmTypes[0].ram: expected a size with unit "
                + "KiB, MiB, GiB, TiB, kB, MB, GB or TB, found '4 gigs'; did you mean 'GiB'?\n");
    }

    @Test
    void decimalSizeUnit_accepted() {
        Path scenario = TestScenarios.tasks(tmp, "ram: 8GiB", "ram: 4GB");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("out").toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    // ------------------------------------------------------------ task CSV

    @Test
    void taskCsvWithABadRow_refusedNamingTheCsvFileAndLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), """
                arrivalS,cpuMips,ramMb,gpus,durationS
                0,1000,512,0,60
                30,2000,1024,0,120
                45,lots,512,0,60
                """, StandardCharsets.UTF_8);
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: tasks.csv\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + csv
                + ":4: cpuMips: expected a number (plain decimals such as 2 or 0.5, no unit), found 'lots'\n");
    }

    @Test
    void taskCsvRowsOutOfOrder_refusedNamingTheCsvFileAndLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), """
                arrivalS,cpuMips,ramMb,gpus,durationS
                30,1000,512,0,60
                10,2000,1024,0,120
                """, StandardCharsets.UTF_8);
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: tasks.csv\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + csv
                + ":3: expected rows in arrival order, found arrival 10.0 after 30.0\n");
    }

    @Test
    void missingTaskCsv_refusedNamingTheFile() {
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: no-tasks.csv\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: expected a CSV file of tasks "
                + "(arrivalS,cpuMips,ramMb,gpus,durationS[,deadlineS][,tier]), found 'no-tasks.csv' ("
                + tmp.resolve("no-tasks.csv") + "), which does not exist\n");
    }

    @Test
    void powerCurveThatFallsAsLoadRises_refusedAtThePoint() {
        Path scenario = TestScenarios.tasks(tmp, "      power: [100, 200]", "      power: [100, 90, 200]");

        assertThat(refused(scenario)).isEqualTo(scenario + ":12:20: fleet.hostTypes[0].power[1]: expected power that "
                + "does not fall as load rises (at least 100 W, the point before), found 90\n");
    }

    @Test
    void crashAfterTheEndOfTheRun_refused() {
        Path scenario = TestScenarios.tasks(tmp, "  placement: least-loaded",
                "  placement: least-loaded\nfaults:\n  crashes:\n    - {host: 0, at: 2h}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":36:17: faults.crashes[0].at: expected a time before the "
                + "end of the run (duration 1h), found 2h\n");
    }

    @Test
    void taskAskingForMoreGpusThanATemplateVm_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    cpuMips: 1000", "    cpuMips: 1000\n    gpus: 1");

        assertThat(refused(scenario)).isEqualTo(scenario + ":31:5: workload.task.gpus: expected task sizes that fit "
                + "one 'worker' VM (fleet.template): at most 0 GPUs, found 1 GPU\n");
    }

    @Test
    void templateVmThatDoesNotFitTheTypeScalingLaunches_refused() {
        Path scenario = TestScenarios.tasks(tmp, "  hosts:\n", "    - name: tiny\n      cores: 2\n      mipsPerCore: "
                + "2000\n      ram: 4GiB\n      power: [50, 80]\n  hosts:\n", "  placement: least-loaded",
                "  placement: least-loaded\n  scaling: {policy: threshold, launchType: tiny}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":28:5: fleet.template.vmType: expected a VM type that "
                + "fits on every server the fleet runs, found 'worker', which does not fit on a 'tiny' server (4 cores "
                + "per VM, 2 per server)\n");
    }

    @Test
    void templateVmThatDoesNotFitATypeScalingMayLaunch_refused() {
        Path scenario = TestScenarios.tasks(tmp, "  hosts:\n", "    - name: tiny\n      cores: 2\n      mipsPerCore: "
                + "2000\n      ram: 4GiB\n      power: [50, 80]\n  hosts:\n", "  placement: least-loaded",
                "  placement: cheapest\n  scaling: {policy: threshold, launchTypes: [tiny]}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":28:5: fleet.template.vmType: expected a VM type that "
                + "fits on every server the fleet runs, found 'worker', which does not fit on a 'tiny' server (4 cores "
                + "per VM, 2 per server)\n");
    }

    @Test
    void unknownTypeScalingMayLaunch_refusedWithDidYouMean() {
        Path scenario = TestScenarios.tasks(tmp, "  placement: least-loaded",
                "  placement: cheapest\n  scaling: {policy: threshold, launchTypes: [bxo]}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":34:46: policies.scaling.launchTypes[0]: expected the "
                + "name of a host type of fleet.hostTypes (box) or of the instance catalogue (ldist catalogue lists them), "
                + "found 'bxo'; did you mean 'box'?\n");
    }

    @Test
    void surgeAndFlakyWindowAfterTheEndOfTheRun_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    perHour: 60", "    perHour: 60\n    surges: [{from: 90m, to: 2h, "
                + "factor: 2}]", "  placement: least-loaded", "  placement: least-loaded\nfaults:\n  flaky:\n    - {host: "
                + "0, from: 1h, to: 2h, errorRate: 50%}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":29:15: workload.arrivals.surges[0].from: expected a time "
                + "before the end of the run (duration 1h), found 90m\n" + scenario + ":37:17: faults.flaky[0].from: "
                + "expected a time before the end of the run (duration 1h), found 1h\n");
    }

    @Test
    void malformedEndOfASurge_refusedOnce() {
        Path scenario = TestScenarios.tasks(tmp, "    perHour: 60",
                "    perHour: 60\n    surges:\n      - {from: 10m, to: 20mins, factor: 2}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":30:21: workload.arrivals.surges[0].to: expected a "
                + "duration with unit ms, s, m, min, h or d, found '20mins'; did you mean 'min'?\n");
    }

    // ------------------------------------------------------------ work that could never run

    @Test
    void taskLargerThanATemplateVm_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    cpuMips: 1000", "    cpuMips: 9000");

        assertThat(refused(scenario)).isEqualTo(scenario + ":30:5: workload.task.cpuMips: expected task sizes that "
                + "fit one 'worker' VM (fleet.template): at most 8,000 MIPS, found 9,000 MIPS\n");
    }

    @Test
    void taskLargerThanATemplateVm_reportedBesideAMistakeElsewhere_beforeOrAfterItInTheFile() {
        // A mistake read before the workload (decisionInterval) or after it (placement) does not hide this one.
        Path before = TestScenarios.tasks(tmp, "    cpuMips: 1000", "    cpuMips: 9000", "decisionInterval: 1m",
                "decisionInterval: 1mins");
        assertThat(refused(before)).contains(before + ":4:1: decisionInterval: ")
                .contains(before + ":30:5: workload.task.cpuMips: expected task sizes that fit one 'worker' VM");

        Path after = TestScenarios.tasks(tmp.resolve("after"), "    cpuMips: 1000", "    cpuMips: 9000",
                "placement: least-loaded", "placement: least-loadd");
        assertThat(refused(after)).contains("policies.placement: ")
                .contains(after + ":30:5: workload.task.cpuMips: expected task sizes that fit one 'worker' VM");
    }

    @Test
    void taskSizesThatMayExceedATemplateVm_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    cpuMips: 1000", "    cpuMips: 1000\n    ram: {uniform: [1GiB, 16GiB]}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":31:5: workload.task.ram: expected task sizes that fit "
                + "one 'worker' VM (fleet.template): at most 8,192 MiB, found values up to 16,384 MiB\n");
    }

    @Test
    void unboundedTaskSizesWithAMeanAboveATemplateVm_refused() {
        Path scenario = TestScenarios.tasks(tmp, "    cpuMips: 1000", "    cpuMips: {exponential: 8500}");

        assertThat(refused(scenario)).isEqualTo(scenario + ":30:5: workload.task.cpuMips: expected task sizes that "
                + "fit one 'worker' VM (fleet.template): a mean of at most 8,000 MIPS, found a mean of 8,500 MIPS\n");
    }

    @Test
    void templateVmThatFitsNoServer_refused() {
        Path scenario = TestScenarios.tasks(tmp, "      taskSlots: 4", "      taskSlots: 4\n      gpus: 1");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:5: fleet.template.vmType: expected a VM type that "
                + "fits on every server the fleet runs, found 'worker', which does not fit on a 'box' server (GPUs 0 "
                + "for 1 each)\n");
    }

    @Test
    void moreTemplateVmsPerServerThanFit_refused() {
        Path scenario = TestScenarios.tasks(tmp, "      ram: 8GiB", "      ram: 20GiB");

        assertThat(refused(scenario)).isEqualTo(scenario + ":24:5: fleet.template.perHost: expected at most 1, the "
                + "'worker' VMs that fit on a 'box' server (RAM 32768 MiB for 20480 MiB each), found 2\n");
    }

    @Test
    void taskCsvRowLargerThanATemplateVm_refusedNamingTheCsvFileAndLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("tasks.csv"), """
                arrivalS,cpuMips,ramMb,gpus,durationS
                0,1000,512,0,60
                30,2000,9000,0,120
                """, StandardCharsets.UTF_8);
        Path scenario = TestScenarios.tasks(tmp, "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n"
                + "    duration: 2m\n", "  csv: tasks.csv\n");

        assertThat(refused(scenario)).isEqualTo(scenario + ":27:3: workload.csv: task file " + csv
                + ":3: expected a task that fits one 'worker' VM (fleet.template), found ramMb 9000 (of at most 8192)\n");
    }

    // ------------------------------------------------------------ --set

    @Test
    void setOfAnUnknownField_refusedAtTheSet() {
        Path scenario = TestScenarios.tasks(tmp);

        assertThat(refused(scenario, "--set", "fleet.maxVmPerHost=3")).isEqualTo("--set fleet.maxVmPerHost=3: "
                + "fleet.maxVmPerHost: expected one of the fields maxVmsPerHost, hostTypes, catalogue, hosts, vmTypes, "
                + "template or pools, found unknown field 'maxVmPerHost'; did you mean 'maxVmsPerHost'?\n");
    }

    @Test
    void setOfAValueFailingTheSchema_refusedAtTheSet() {
        Path scenario = TestScenarios.tasks(tmp);

        assertThat(refused(scenario, "--set", "fleet.hosts[0].count=-3")).isEqualTo("--set fleet.hosts[0].count=-3: "
                + "fleet.hosts[0].count: expected an integer >= 0, found -3\n");
    }

    @Test
    void setOfAThresholdOutOfRange_refusedAtTheSet() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario, "--set", "policies.overload.threshold=120%")).isEqualTo(
                "--set policies.overload.threshold=120%: policies.overload.threshold: expected a share in (0, 1], "
                        + "found '120%'\n");
    }

    @Test
    void setWithoutAValue_refusedShowingTheForm() {
        Path scenario = TestScenarios.tasks(tmp);

        assertThat(refused(scenario, "--set", "seed")).isEqualTo("--set seed: expected field.path=value, "
                + "e.g. fleet.hosts[0].count=12, found 'seed'\n");
    }

    @Test
    void setOfAMissingTraceFolder_refusedAtTheSet() {
        Path scenario = TestScenarios.trace(tmp);

        assertThat(refused(scenario, "--set", "workload.path=elsewhere")).isEqualTo(
                "--set workload.path=elsewhere: workload.path: expected a folder of PlanetLab trace files "
                        + "(288 lines of integer CPU % each), found 'elsewhere' (" + tmp.resolve("elsewhere")
                        + "), which does not exist\n");
    }

    // ------------------------------------------------------------ several at once

    @Test
    void severalMistakes_allReportedAtOnceInFileOrder() {
        Path scenario = TestScenarios.tasks(tmp,
                "seed: 7", "seeed: 7",
                "ram: 32GiB", "ram: -4GiB",
                "count: 2", "count: -1",
                "vmType: worker", "vmType: wroker",
                "duration: 2m", "duration: 2 fortnights",
                "placement: least-loaded", "placement: pabdf");

        assertThat(refused(scenario)).isEqualTo(String.join("\n",
                scenario + ":2:1: seeed: expected one of the fields name, description, seed, duration, "
                        + "decisionInterval, scale, fleet, workload, policies, migration, health, faults, updates, "
                        + "costs or affinity, found unknown field 'seeed'; did you mean 'seed'?",
                scenario + ":11:7: fleet.hostTypes[0].ram: expected a size > 0, found '-4GiB'",
                scenario + ":15:7: fleet.hosts[0].count: expected an integer >= 0, found -1",
                scenario + ":23:5: fleet.template.vmType: expected the name of a VM type of fleet.vmTypes (worker), "
                        + "found 'wroker'; did you mean 'worker'?",
                scenario + ":31:5: workload.task.duration: expected a duration with unit ms, s, m, min, h or d, "
                        + "found '2 fortnights'",
                scenario + ":33:3: policies.placement: expected a placement policy: one of "
                        + RegistryLists.orList(RegistryLists.PLACEMENT) + ", found 'pabdf'; did you mean 'pabfd'?")
                + "\n");
    }

    @Test
    void mistakesInFileAndSet_fileFirstThenTheSetsByField() {
        Path scenario = TestScenarios.trace(tmp, "vmSelection: mmt", "vmSelection: mtt");

        assertThat(refused(scenario, "--set", "policies.overload.threshold=2", "--set", "seed=-1")).isEqualTo(
                String.join("\n",
                        scenario + ":24:3: policies.vmSelection: expected a VM selection policy: one of "
                                + RegistryLists.orList(Policies.VM_SELECTION, "none") + ", found 'mtt'; did you mean 'mmt'?",
                        "--set policies.overload.threshold=2: policies.overload.threshold: expected a share in "
                                + "(0, 1], found 2",
                        "--set seed=-1: seed: expected an integer >= 0, found -1")
                        + "\n");
    }

    @Test
    void refusedWithAnExistingEmptyOutputFolder_folderStaysEmpty() throws IOException {
        Path scenario = TestScenarios.tasks(tmp, "placement: least-loaded", "placement: pabdf");
        Path out = Files.createDirectories(tmp.resolve("existing"));

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith(scenario + ":33:3: policies.placement: ");
        assertThat(out).isEmptyDirectory();
    }
}
