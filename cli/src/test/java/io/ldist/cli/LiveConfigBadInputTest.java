package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ldist validate refuses a bad live config as it refuses a bad scenario: exit code 2, nothing written, every
 * problem at once with its file, line, column, field, what was expected and what was found. Each test edits the
 * small config below, whose line numbers the expected messages give.
 */
class LiveConfigBadInputTest {
    static final String LIVE = """
            name: small-live
            fleet:
              hostTypes:
                - name: box
                  cores: 8
                  mipsPerCore: 2000
                  ram: 32GiB
                  pricePerHour: 2.5
                  power: [100, 200]
              vmTypes:
                - name: worker
                  cores: 4
                  mipsPerCore: 2000
                  ram: 8GiB
              template:
                vmType: worker
                perHost: 2
            policies:
              placement: least-loaded
              scaling:
                policy: threshold
                minHosts: 1
                maxHosts: 4
                standbyPool: 1
            live:
              cluster: small
              region: us-east-1
              endpoint: http://127.0.0.1:5000
              hypervisor: simulated
              launch:
                instanceType: box
                imageId: ami-b7e93bce
              caps:
                maxInstances: 5
                maxCostPerHour: 10
                disruptionBudget: 34%
              api:
                port: 8080
            """;

    @TempDir
    Path tmp;

    private Path config(String... replacements) {
        return TestScenarios.write(tmp.resolve("live.yaml"), LIVE, replacements);
    }

    private String refused(Path config) {
        return CliRun.refusedLeaving(tmp, "validate", config.toString());
    }

    @Test
    void validConfig_valid() {
        Path config = config();

        CliRun run = CliRun.ldist("validate", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("valid: small-live (" + config + "): live config of cluster small in "
                + "us-east-1 at http://127.0.0.1:5000, simulated hypervisor; launches box from ami-b7e93bce; "
                + "scaling 1 to 4 servers (standby 1); caps 5 instances, 10 USD/h, disruption 34%; placement "
                + "least-loaded; API on 127.0.0.1:8080\n");
    }

    @Test
    void readyConfigs_valid() {
        for (String name : new String[] {"moto-demo", "aws-example"}) {
            CliRun run = CliRun.ldist("validate", TestScenarios.SCENARIOS.resolve("live/" + name + ".yaml").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("valid: ").contains("live config of cluster ");
        }
    }

    @Test
    void misspeltKeysUnderLiveAndCaps_refusedWithDidYouMean() {
        Path config = config("  hypervisor: simulated", "  hypervisr: simulated",
                "    maxCostPerHour: 10", "    maxCostPerHr: 10");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":29:3: live.hypervisr: expected one of the fields cluster, region, endpoint, "
                        + "hypervisor, launch, caps, loop, api or stateDir, found unknown field "
                        + "'hypervisr'; did you mean 'hypervisor'?",
                config + ":35:5: live.caps.maxCostPerHr: expected one of the fields maxInstances, "
                        + "maxCostPerHour, maxLaunchesPerHour, maxTerminationsPerHour or disruptionBudget, "
                        + "found unknown field 'maxCostPerHr'; did you mean 'maxCostPerHour'?")
                + "\n");
    }

    @Test
    void unknownPlacementPolicy_refusedWithDidYouMean() {
        Path config = config("placement: least-loaded", "placement: least-loded");

        assertThat(refused(config)).isEqualTo(config + ":19:3: policies.placement: expected a placement "
                + "policy: one of least-loaded, first-fit, best-fit, worst-fit, first-fit-decreasing, "
                + "pabfd or cheapest, found 'least-loded'; did you mean 'least-loaded'?\n");
    }

    @Test
    void badUnits_refused() {
        Path config = config("    port: 8080", "    port: 8080\n    maxBody: 16KB\n    lease: 1hr",
                "    disruptionBudget: 34%", "    disruptionBudget: 34 percent");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":36:5: live.caps.disruptionBudget: expected a fraction with unit %, found '34 percent'",
                config + ":39:5: live.api.maxBody: expected a size with unit KiB, MiB, GiB, TiB, kB, MB, GB "
                        + "or TB, found '16KB'; did you mean 'kB'?",
                config + ":40:5: live.api.lease: expected a duration with unit ms, s, m, min, h or d, found "
                        + "'1hr'; did you mean 'h'?")
                + "\n");
    }

    @Test
    void instanceTypeNotDeclared_refusedWithTheDeclaredOnes() {
        Path config = config("instanceType: box", "instanceType: bxo");

        assertThat(refused(config)).isEqualTo(config + ":31:5: live.launch.instanceType: expected the name "
                + "of a host type of fleet.hostTypes (box) or of the instance catalogue "
                + "(ldist catalogue lists them), found 'bxo'; did you mean 'box'?\n");
    }

    @Test
    void maxHostsAboveMaxInstances_refusedSayingTheCapWins() {
        Path config = config("maxHosts: 4", "maxHosts: 5");

        assertThat(refused(config)).isEqualTo(config + ":23:5: policies.scaling.maxHosts: expected at most "
                + "4 (caps.maxInstances 5 less standbyPool 1: stopped servers count too): the cap wins, "
                + "refusing every plan that scales past it; raise the cap or lower maxHosts, found 5\n");
    }

    @Test
    void costCapBelowTheSmallestFleet_refusedWithTheNumbers() {
        Path config = config("minHosts: 1", "minHosts: 3", "maxCostPerHour: 10", "maxCostPerHour: 7");

        assertThat(refused(config)).isEqualTo(config + ":35:5: live.caps.maxCostPerHour: expected at least "
                + "7.5 USD per hour, what policies.scaling.minHosts (3) 'box' servers cost at 2.5 each: "
                + "below it every plan would be refused, found 7\n");
    }

    @Test
    void negativeCaps_refused() {
        Path config = config("maxInstances: 5", "maxInstances: -1\n    maxLaunchesPerHour: -2",
                "maxCostPerHour: 10", "maxCostPerHour: -5", "disruptionBudget: 34%", "disruptionBudget: 0%");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":34:5: live.caps.maxInstances: expected an integer >= 1, found -1",
                config + ":35:5: live.caps.maxLaunchesPerHour: expected an integer >= 0, found -2",
                config + ":36:5: live.caps.maxCostPerHour: expected a number > 0, found -5",
                config + ":37:5: live.caps.disruptionBudget: expected a share above 0, at most 100% (with "
                        + "none, no server could ever be drained, not even a failed one), found '0%'")
                + "\n");
    }

    @Test
    void badEndpoints_refused() {
        Path config = config("endpoint: http://127.0.0.1:5000", "endpoint: ftp://127.0.0.1/");

        assertThat(refused(config)).isEqualTo(config + ":28:3: live.endpoint: expected an http:// or "
                + "https:// URL with a host and no user, query or fragment, such as http://127.0.0.1:5000, "
                + "found 'ftp://127.0.0.1/'\n");
    }

    @Test
    void badClusterName_refused() {
        Path config = config("cluster: small", "cluster: my cluster!");

        assertThat(refused(config)).isEqualTo(config + ":26:3: live.cluster: expected a cluster name of "
                + "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 63 characters "
                + "(it is a tag value and a folder name), found 'my cluster!'\n");
    }

    @Test
    void hostsSection_refused() {
        Path config = config("  template:", "  hosts:\n    - {type: box, count: 2}\n  template:");

        assertThat(refused(config)).isEqualTo(config + ":15:3: fleet.hosts: expected no fleet.hosts in a "
                + "live config: its servers are the EC2 instances tagged ldist:cluster=small, and "
                + "policies.scaling's minHosts and maxHosts bound how many, found a list of 1 item\n");
    }

    @Test
    void everyKindOfMistake_reportedAtOnce() {
        Path config = config("ram: 32GiB", "ram: 32 gigs",
                "placement: least-loaded", "placement: pabdf",
                "cluster: small", "cluster: -small",
                "region: us-east-1", "region: US East",
                "instanceType: box", "instanceType: boxx",
                "imageId: ami-b7e93bce", "imageId: b7e93bce\n    subnetId: sg-0123456789abcdef0",
                "maxInstances: 5", "maxInstances: 0",
                "    port: 8080", "    port: 80800\n    host: 0.0.0.0");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":7:7: fleet.hostTypes[0].ram: expected a size with unit KiB, MiB, GiB, TiB, kB, "
                        + "MB, GB or TB, found '32 gigs'; did you mean 'GiB'?",
                config + ":19:3: policies.placement: expected a placement policy: one of least-loaded, "
                        + "first-fit, best-fit, worst-fit, first-fit-decreasing, pabfd or cheapest, found 'pabdf'; "
                        + "did you mean 'pabfd'?",
                config + ":26:3: live.cluster: expected a cluster name of letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit, at most 63 characters (it is a tag value and a "
                        + "folder name), found '-small'",
                config + ":27:3: live.region: expected an AWS region such as us-east-1 or eu-west-2, found 'US East'",
                config + ":31:5: live.launch.instanceType: expected the name of a host type of "
                        + "fleet.hostTypes (box) or of the instance catalogue "
                        + "(ldist catalogue lists them), found 'boxx'; did you mean 'box'?",
                config + ":32:5: live.launch.imageId: expected an AMI id such as ami-0123456789abcdef0, "
                        + "found 'b7e93bce'",
                config + ":33:5: live.launch.subnetId: expected a subnet id such as "
                        + "subnet-0123456789abcdef0, found 'sg-0123456789abcdef0'",
                config + ":35:5: live.caps.maxInstances: expected an integer >= 1, found 0",
                config + ":39:5: live.api.port: expected an integer <= 65535, found 80800",
                config + ":40:5: live.api.host: expected a loopback address (127.0.0.1, ::1 or localhost), "
                        + "or a tokenFile as well: clients on other machines must send a bearer token, "
                        + "found '0.0.0.0' without a tokenFile")
                + "\n");
    }

    @Test
    void misspeltFleetKey_refusedWithTheFleetFields() {
        Path config = config("  vmTypes:", "  vmTyps:");

        assertThat(refused(config)).isEqualTo(config + ":10:3: fleet.vmTyps: expected one of the fields "
                + "maxVmsPerHost, hostTypes, catalogue, hosts, vmTypes, template or pools, found unknown field 'vmTyps'; did "
                + "you mean 'vmTypes'?\n");
    }

    @Test
    void poolsInALiveConfig_refused_liveRunsOnePool() {
        Path config = config("  template:\n    vmType: worker\n    perHost: 2\n",
                "  pools:\n    - {name: all, hostTypes: [box], template: {vmType: worker, perHost: 2}}\n");

        assertThat(refused(config)).isEqualTo(config + ":15:3: fleet.pools: expected one fleet.template (vmType and "
                + "perHost): live mode runs a fleet of one pool (pools are the simulator's so far), found pools\n");
    }

    @Test
    void bothIntervals_refused() {
        Path config = config("name: small-live\n", "name: small-live\ndecisionInterval: 1m\n",
                "    port: 8080", "    port: 8080\n  loop:\n    interval: 2m\n    metricsStaleAfter: 0s");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":41:5: live.loop.interval: expected either decisionInterval or "
                        + "live.loop.interval, not both (each is the time between two decisions), found '2m'",
                config + ":42:5: live.loop.metricsStaleAfter: expected a duration > 0, found '0s'")
                + "\n");
    }

    @Test
    void noTemplateNoImageNoPrice_refused() {
        Path config = config("  template:\n    vmType: worker\n    perHost: 2\n", "",
                "      pricePerHour: 2.5\n", "", "    imageId: ami-b7e93bce\n", "");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":2:1: fleet: expected a fleet.template (vmType and perHost): the VMs every server "
                        + "runs, which the API's tasks run in, found no template",
                config + ":4:7: fleet.hostTypes[0].pricePerHour: expected a pricePerHour > 0 (USD) for "
                        + "'box', the type live launches: caps.maxCostPerHour is checked against it, found "
                        + "nothing (a price of 0)",
                config + ":26:3: live.launch: expected an imageId (the AMI of the Hyper-V hosts) or a "
                        + "launchTemplate to launch from, found neither")
                + "\n");
    }

    @Test
    void templateTooLargeForTheLaunchedType_refused() {
        Path config = config("    perHost: 2", "    perHost: 3", "maxHosts: 4", "maxHosts: 4\n    launchType: box");

        assertThat(refused(config)).isEqualTo(config + ":17:5: fleet.template.perHost: expected at most 2, "
                + "the 'worker' VMs that fit on a 'box' server (CPU 16000 MIPS for 8000 MIPS each), found 3\n");
    }

    @Test
    void scalingLaunchingAnotherType_refused() {
        Path config = config("  vmTypes:", "    - {name: big, cores: 16, mipsPerCore: 2000, ram: 64GiB, "
                + "power: [1, 2]}\n"
                + "  vmTypes:", "maxHosts: 4", "maxHosts: 4\n    launchType: big");

        assertThat(refused(config)).isEqualTo(config + ":25:5: policies.scaling.launchType: expected 'box', "
                + "the type live launches (live.launch.instanceType), or no launchType, found 'big'\n");
    }

    @Test
    void scalingMayLaunchAnotherType_refused() {
        Path config = config("  vmTypes:", "    - {name: big, cores: 16, mipsPerCore: 2000, ram: 64GiB, "
                + "power: [1, 2]}\n"
                + "  vmTypes:", "maxHosts: 4", "maxHosts: 4\n    launchTypes: [box, big]");

        assertThat(refused(config)).isEqualTo(config + ":25:24: policies.scaling.launchTypes[1]: expected 'box', "
                + "the type live launches (live.launch.instanceType), or no launchTypes, found 'big'\n");
    }

    @Test
    void aHypervisorOtherThanHyperV_refused() {
        Path config = config("      power: [100, 200]", "      power: [100, 200]\n      hypervisor: kvm");

        assertThat(refused(config)).isEqualTo(config + ":10:7: fleet.hostTypes[0].hypervisor: expected hyper-v or "
                + "no hypervisor: live mode runs its VMs on Hyper-V hosts only, found 'kvm'\n");
    }

    @Test
    void scalingWithoutMaxHosts_refused() {
        Path config = config("    maxHosts: 4\n", "");

        assertThat(refused(config)).isEqualTo(config + ":20:3: policies.scaling: expected a maxHosts as "
                + "well: live scales up to a ceiling it is given, at most caps.maxInstances (5), found no "
                + "maxHosts\n");
    }

    @Test
    void apiMistakes_refused() {
        Path config = config("    port: 8080", "    port: 8080\n    host: 'not a host'\n    tokenFile: missing-token"
                + "\n    maxBody: 100MiB\n    maxQueuedTasks: 0");

        assertThat(refused(config)).isEqualTo(String.join("\n",
                config + ":39:5: live.api.host: expected a host name or an IP address to bind, such as "
                        + "127.0.0.1 or 0.0.0.0, found 'not a host'",
                config + ":40:5: live.api.tokenFile: expected a file holding the API's bearer token, found "
                        + "'missing-token' (" + tmp.resolve("missing-token") + "), which does not exist",
                config + ":41:5: live.api.maxBody: expected a size of at least 64 bytes and at most 64MiB, such as "
                        + "16KiB (a bare number is MiB), found '100MiB'",
                config + ":42:5: live.api.maxQueuedTasks: expected an integer >= 1, found 0")
                + "\n");
    }
}
