package io.ldist.live.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes Windows PowerShell 5.1 writes, and those our scripts write, read into the model. */
class HyperVJsonTest {

    @Test
    void oneVmAsBareObject_withNumberStateAndTimeSpan_isReadAsOneVm() {
        List<HostedVm> vms = HyperVJson.parse(Fixtures.text("output/ps51-one-vm.json"));

        assertThat(vms).containsExactly(new HostedVm("web-01", VmPowerState.RUNNING, 3, 4_294_967_296L, 3723, 2));
    }

    @Test
    void noOutputAtAll_isNoVm() {
        assertThat(HyperVJson.parse(Fixtures.text("output/ps51-no-vm.txt"))).isEmpty();
        assertThat(HyperVJson.parse(null)).isEmpty();
        assertThat(HyperVJson.parse(" \r\n")).isEmpty();
    }

    @Test
    void emptyArray_isNoVm() {
        assertThat(HyperVJson.parse(Fixtures.text("output/ldist-no-vm.json"))).isEmpty();
    }

    @Test
    void manyVmsWithNumberStates_areReadInNameOrder_unstableNumbersAsOther() {
        List<HostedVm> vms = HyperVJson.parse(Fixtures.text("output/ps51-many-vms.json"));

        assertThat(vms).extracting(HostedVm::name).containsExactly("batch-1", "db", "gpu-a", "odd", "web-02");
        assertThat(vms).extracting(HostedVm::state).containsExactly(VmPowerState.RUNNING, VmPowerState.SAVED,
                VmPowerState.PAUSED, VmPowerState.OTHER, VmPowerState.OFF);
        assertThat(vms.get(0)).isEqualTo(new HostedVm("batch-1", VmPowerState.RUNNING, 57, 8_589_934_592L, 90_061, 8));
        assertThat(vms.get(2).uptimeS()).isEqualTo(59);
    }

    @Test
    void ourCompactArray_withNameStatesAndUptimeSeconds_isRead() {
        List<HostedVm> vms = HyperVJson.parse(Fixtures.text("output/ldist-name-states.json"));

        assertThat(vms).extracting(HostedVm::state).containsExactly(VmPowerState.RUNNING, VmPowerState.OFF,
                VmPowerState.SAVED, VmPowerState.STARTING, VmPowerState.OTHER);
        assertThat(vms.get(0)).isEqualTo(new HostedVm("a-1", VmPowerState.RUNNING, 12, 4_294_967_296L, 3600, 2));
    }

    @Test
    void oneVmInOurForm_isAnArrayOfOne() {
        assertThat(HyperVJson.parse(Fixtures.text("output/ldist-one-vm.json"))).extracting(HostedVm::name)
                .containsExactly("a-1");
    }

    @Test
    void timeSpanAsText_isReadAsSeconds() {
        assertThat(HyperVJson.parse(Fixtures.text("output/ps7-timespan-text.json")).get(0).uptimeS())
                .isEqualTo(((24 + 2) * 60 + 3) * 60 + 4);
    }

    @Test
    void stableStateNumbers_allMapByTheirDocumentedName() {
        assertThat(stateOf("2")).isEqualTo(VmPowerState.RUNNING);
        assertThat(stateOf("3")).isEqualTo(VmPowerState.OFF);
        assertThat(stateOf("4")).isEqualTo(VmPowerState.STOPPING);
        assertThat(stateOf("6")).isEqualTo(VmPowerState.SAVED);
        assertThat(stateOf("9")).isEqualTo(VmPowerState.PAUSED);
        assertThat(stateOf("10")).isEqualTo(VmPowerState.STARTING);
        assertThat(stateOf("32779")).isEqualTo(VmPowerState.OTHER); // FastSaved in some copies: read by name only
        assertThat(stateOf("\"Paused\"")).isEqualTo(VmPowerState.PAUSED);
        assertThat(stateOf("null")).isEqualTo(VmPowerState.OTHER);
    }

    @Test
    void byteOrderMarkBeforeTheJson_isIgnored() {
        assertThat(HyperVJson.parse("\uFEFF[{\"Name\":\"x\",\"State\":\"Off\"}]")).hasSize(1);
    }

    @Test
    void garbage_isRefusedQuotingWhatWasSeen() {
        assertThatThrownBy(() -> HyperVJson.parse(Fixtures.text("output/garbage.txt")))
                .isInstanceOf(HyperVJson.UnreadableOutputException.class)
                .hasMessageContaining("is not JSON")
                .hasMessageContaining("Get-VM : The term 'Get-VM' is not recognized")
                .satisfies(e -> assertThat(((HyperVJson.UnreadableOutputException) e).truncated()).isFalse());
    }

    @Test
    void outputCutAtSsmLimit_isRefusedAsTruncated_andShownShortened() {
        String cut = Fixtures.text("output/ldist-truncated.json");

        assertThatThrownBy(() -> HyperVJson.parse(cut))
                .isInstanceOf(HyperVJson.UnreadableOutputException.class)
                .hasMessageContaining("cut by SSM at 24000 characters")
                .hasMessageContaining("(24000 chars in all)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000))
                .satisfies(e -> assertThat(((HyperVJson.UnreadableOutputException) e).truncated()).isTrue());
    }

    @Test
    void jsonFollowedByMoreText_isRefused() {
        assertThatThrownBy(() -> HyperVJson.parse("[] WARNING: something"))
                .isInstanceOf(HyperVJson.UnreadableOutputException.class);
    }

    @Test
    void wrongShapes_areRefused() {
        assertThatThrownBy(() -> HyperVJson.parse("42")).hasMessageContaining("neither an array nor an object");
        assertThatThrownBy(() -> HyperVJson.parse("[1]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> HyperVJson.parse("[{\"State\":2}]")).hasMessageContaining("without a Name");
        assertThatThrownBy(() -> HyperVJson.parse("[{\"Name\":\"x\",\"CPUUsage\":\"lots\"}]"))
                .hasMessageContaining("CPUUsage \"lots\" is not a number");
        assertThatThrownBy(() -> HyperVJson.parse("[{\"Name\":\"x\",\"Uptime\":\"soon\"}]"))
                .hasMessageContaining("is not a TimeSpan");
    }

    private static VmPowerState stateOf(String stateJson) {
        return HyperVJson.parse("{\"Name\":\"x\",\"State\":" + stateJson + "}").get(0).state();
    }
}
