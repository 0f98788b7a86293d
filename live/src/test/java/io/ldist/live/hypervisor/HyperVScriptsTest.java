package io.ldist.live.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Every script against a golden copy under {@code hypervisor/scripts/}: a change to what runs on the hosts is a
 * change to a file a reviewer reads as PowerShell.
 */
class HyperVScriptsTest {
    private static final VmSpec WEB = new VmSpec("web-01", 2, 4096L * 1024 * 1024, 0);
    private static final HyperVScripts PLAIN = new HyperVScripts(HyperVLayout.DEFAULT);
    private static final HyperVScripts WITH_DISK_AND_SWITCH =
            new HyperVScripts(new HyperVLayout("D:\\ldist\\vms", 40L * 1024 * 1024 * 1024, "ldist-switch"));

    @Test
    void list_matchesGolden() {
        assertThat(PLAIN.list()).isEqualTo(Fixtures.text("scripts/list.ps1"));
    }

    @Test
    void createWithoutDisk_matchesGolden() {
        assertThat(PLAIN.create(WEB)).isEqualTo(Fixtures.text("scripts/create-no-vhd.ps1"));
    }

    @Test
    void createWithDiskAndSwitch_matchesGolden() {
        assertThat(WITH_DISK_AND_SWITCH.create(WEB)).isEqualTo(Fixtures.text("scripts/create-disk-switch.ps1"));
    }

    @Test
    void startStopRemoveMove_matchGolden() {
        assertThat(PLAIN.start("web-01")).isEqualTo(Fixtures.text("scripts/start.ps1"));
        assertThat(PLAIN.stop("web-01")).isEqualTo(Fixtures.text("scripts/stop.ps1"));
        assertThat(WITH_DISK_AND_SWITCH.remove("web-01")).isEqualTo(Fixtures.text("scripts/remove.ps1"));
        assertThat(WITH_DISK_AND_SWITCH.move("web-01", "ip-10-0-1-17.ec2.internal"))
                .isEqualTo(Fixtures.text("scripts/move.ps1"));
    }

    @Test
    void everyScript_endsByWritingTheRobustJsonArray() {
        for (String script : new String[] {PLAIN.list(), PLAIN.create(WEB), PLAIN.start("a"), PLAIN.stop("a"),
                PLAIN.remove("a"), PLAIN.move("a", "host")}) {
            assertThat(script).startsWith("$ErrorActionPreference = 'Stop'\n")
                    .contains("ConvertTo-Json -Compress -InputObject @(")
                    .contains("@{n='State';e={\"$($_.State)\"}}");
        }
    }

    @Test
    void unsafeVmNames_areRefused() {
        for (String name : new String[] {"a'; Remove-VM *", "vm$x", "vm`n", "vm\u2019", "vm*", "", " vm", "-vm",
                "vm name", "x".repeat(101), "vm\"", "vm;", "vm[1]"}) {
            assertThatThrownBy(() -> PLAIN.start(name)).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PLAIN.remove(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unsafeDestinationHosts_areRefused() {
        for (String host : new String[] {"host'", "-host", "host-", "ho st", "a..b", "", "h$(x)", "ÿ.example"}) {
            assertThatThrownBy(() -> PLAIN.move("vm", host)).as(host).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a host name");
        }
    }

    @Test
    void unsafeLayouts_areRefused() {
        assertThatThrownBy(() -> new HyperVLayout("relative\\vms", 0, null)).hasMessageContaining("vmRoot");
        assertThatThrownBy(() -> new HyperVLayout("C:\\ldist\\..\\Windows", 0, null)).hasMessageContaining("'..'");
        assertThatThrownBy(() -> new HyperVLayout("C:\\it's", 0, null)).hasMessageContaining("vmRoot");
        assertThatThrownBy(() -> new HyperVLayout("C:\\", 0, null)).hasMessageContaining("vmRoot");
        assertThatThrownBy(() -> new HyperVLayout("C:\\vms", 1000, null)).hasMessageContaining("newDiskBytes");
        assertThatThrownBy(() -> new HyperVLayout("C:\\vms", 0, "sw'itch")).hasMessageContaining("switch name");
    }

    @Test
    void literal_refusesEveryQuoteAndEscapeCharacter_evenWhenCalledDirectly() {
        for (String s : new String[] {"'", "\"", "`", "$", "\u2018", "\u2019", "\u201A", "\u201B", "\n", ";", "*"}) {
            assertThatThrownBy(() -> HyperVScripts.literal("a" + s)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HyperVScripts.literal("D:\\ldist vms\\a.b_c-1")).isEqualTo("'D:\\ldist vms\\a.b_c-1'");
    }
}
