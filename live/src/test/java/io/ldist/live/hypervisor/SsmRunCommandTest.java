package io.ldist.live.hypervisor;

import static io.ldist.live.hypervisor.FakeSsmEndpoint.inProgress;
import static io.ldist.live.hypervisor.FakeSsmEndpoint.invocation;
import static io.ldist.live.hypervisor.FakeSsmEndpoint.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The life of one Run Command invocation, seen through {@link SsmHyperV#list}: SendCommand, polls with doubling
 * waits, and every way it can end. The clock is manual, so the timeouts pass without sleeping.
 */
class SsmRunCommandTest {
    static final SsmRunSettings SETTINGS = new SsmRunSettings(Duration.ofSeconds(60), Duration.ofSeconds(600),
            Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));
    private static final String ONE_VM =
            "[{\"Name\":\"web-01\",\"State\":\"Running\",\"CPUUsage\":7,\"MemoryAssigned\":4294967296,"
                    + "\"UptimeSec\":120,\"ProcessorCount\":2}]";

    private final FakeSsmEndpoint ssm = new FakeSsmEndpoint();
    private final ManualPollClock clock = new ManualPollClock();
    private final SsmHyperV hyperV = new SsmHyperV(ssm.client(), id -> "host-" + id, HyperVLayout.DEFAULT,
            SETTINGS, clock);

    @AfterEach
    void stop() {
        ssm.close();
    }

    @Test
    void inProgressThenSuccess_returnsTheVmsWritten_afterDoublingWaits() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", inProgress("cmd-1"), inProgress("cmd-1"), inProgress("cmd-1"), success("cmd-1", ONE_VM));

        List<HostedVm> vms = hyperV.list("i-0abc");

        assertThat(vms).containsExactly(new HostedVm("web-01", VmPowerState.RUNNING, 7, 4_294_967_296L, 120, 2));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void sendCommand_carriesDocumentInstanceScriptTimeoutsAndComment_andPollsWithoutPluginName() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", success("cmd-1", "[]"));

        hyperV.list("i-0abc");

        JsonNode send = ssm.requests("SendCommand").get(0);
        assertThat(send.path("DocumentName").asText()).isEqualTo("AWS-RunPowerShellScript");
        assertThat(send.path("InstanceIds").toString()).isEqualTo("[\"i-0abc\"]");
        assertThat(send.path("Comment").asText()).isEqualTo("ldist list VMs");
        assertThat(send.path("TimeoutSeconds").asInt()).isEqualTo(60);
        assertThat(send.path("Parameters").path("commands").get(0).asText())
                .isEqualTo(new HyperVScripts(HyperVLayout.DEFAULT).list());
        assertThat(send.path("Parameters").path("executionTimeout").get(0).asText()).isEqualTo("60");
        JsonNode poll = ssm.requests("GetCommandInvocation").get(0);
        assertThat(poll.has("PluginName")).isFalse();
        assertThat(poll.path("InstanceId").asText()).isEqualTo("i-0abc");
        assertThat(ssm.contentTypes("SendCommand")).allMatch(t -> t.startsWith(FakeSsmEndpoint.JSON_11));
    }

    @Test
    void invocationNotThereRightAfterSend_isRetried() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", "!InvocationDoesNotExist", "!InvocationDoesNotExist", success("cmd-1", ONE_VM));

        assertThat(hyperV.list("i-0abc")).hasSize(1);
    }

    @Test
    void invocationThatNeverAppears_isUnreachable() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", "!InvocationDoesNotExist");

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HypervisorException.Kind.UNREACHABLE);
                    assertThat(e.instanceId()).isEqualTo("i-0abc");
                })
                .hasMessageContaining("list VMs").hasMessageContaining("no invocation on the instance after 5 s");
    }

    @Test
    void failedInvocation_namesInstanceOperationAndStderr() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", inProgress("cmd-1"), invocation("cmd-1", "Failed", 1, "",
                "ldist: The term 'Get-VM' is not recognized as the name of a cmdlet"));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(HypervisorException.Kind.FAILED))
                .hasMessageStartingWith("i-0abc: list VMs: command cmd-1 ended Failed")
                .hasMessageContaining("response code 1")
                .hasMessageContaining("'Get-VM' is not recognized");
    }

    @Test
    void timedOutOnTheHost_isTimedOut() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", invocation("cmd-1", "TimedOut", null, "", ""));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(HypervisorException.Kind.TIMED_OUT))
                .hasMessageContaining("ended TimedOut");
    }

    @Test
    void cancelledOrCancelling_isFailed() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", invocation("cmd-1", "Cancelling", null, "", ""));

        assertThatThrownBy(() -> hyperV.list("i-0abc")).hasMessageContaining("ended Cancelling");
    }

    @Test
    void neverFinishing_timesOutAtTheCallTimeout_andCancelsTheCommand() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", inProgress("cmd-1"));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(HypervisorException.Kind.TIMED_OUT))
                .hasMessageContaining("no result within 60 s")
                .hasMessageContaining("last seen: InProgress");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(60));
        assertThat(clock.sleeps()).allMatch(d -> d.compareTo(Duration.ofSeconds(4)) <= 0);
        assertThat(ssm.requests("CancelCommand")).singleElement()
                .satisfies(c -> assertThat(c.path("CommandId").asText()).isEqualTo("cmd-1"));
    }

    @Test
    void garbageOnStdout_isUnreadableOutput_quotingIt() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", success("cmd-1", Fixtures.text("output/garbage.txt")));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(HypervisorException.Kind.UNREADABLE_OUTPUT))
                .hasMessageContaining("i-0abc: list VMs: output is not JSON")
                .hasMessageContaining("is not recognized");
    }

    @Test
    void outputCutAtTheSsmLimit_isSaidToBeTruncated() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", success("cmd-1", Fixtures.text("output/ldist-truncated.json")));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .hasMessageContaining("cut by SSM at 24000 characters")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    }

    @Test
    void successWithStderr_isFailed() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", invocation("cmd-1", "Success", 0, "[]", "Get-VM : access denied"));

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .hasMessageContaining("succeeded but wrote to stderr").hasMessageContaining("access denied");
    }

    @Test
    void successWithNonZeroResponseCode_isFailed() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", invocation("cmd-1", "Success", 3, "[]", ""));

        assertThatThrownBy(() -> hyperV.list("i-0abc")).hasMessageContaining("response code 3");
    }

    @Test
    void sendCommandRefused_isUnreachable_namingTheCall() {
        ssm.onSendError(400, "InvalidInstanceId");

        assertThatThrownBy(() -> hyperV.list("i-0abc"))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(HypervisorException.Kind.UNREACHABLE))
                .hasMessageContaining("list VMs: SendCommand failed");
    }

    @Test
    void serviceUnavailableWhilePolling_isUnreachable() {
        ssm.onSend("Get-VM", "cmd-1");
        ssm.invocations("cmd-1", "!ServiceUnavailable");

        assertThatThrownBy(() -> hyperV.list("i-0abc")).hasMessageContaining("GetCommandInvocation of command cmd-1");
    }

    @Test
    void longOperationNames_areCutToTheCommentLimit() {
        assertThat(SsmScriptRunner.comment("move " + "v".repeat(100) + " to i-1")).hasSize(100).startsWith("ldist move ");
    }
}
