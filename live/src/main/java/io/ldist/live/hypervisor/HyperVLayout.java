package io.ldist.live.hypervisor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where ldist keeps its VMs on every Hyper-V host, the same on all of them so that a moved VM lands where a created
 * one would: VM {@code x} lives in {@code <vmRoot>\x} (configuration, and its disk {@code x.vhdx} when disks are
 * made), and removing it deletes that folder. Paths and the switch name are checked here because they go into
 * scripts.
 *
 * @param vmRoot       an absolute Windows folder such as {@code D:\ldist\vms}
 * @param newDiskBytes size of the new VHDX each VM gets, or 0 for {@code -NoVHD}
 * @param switchName   the virtual switch new VMs are connected to, or null for none
 */
public record HyperVLayout(String vmRoot, long newDiskBytes, String switchName) {
    private static final Pattern WINDOWS_FOLDER = Pattern.compile("[A-Za-z]:(\\\\[A-Za-z0-9_-][A-Za-z0-9 ._-]{0,99})+");
    private static final Pattern SWITCH_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private static final long MIB = 1024L * 1024;

    /** VMs under {@code C:\ldist\vms}, no disk, no switch: enough for a host that only runs what it is given. */
    public static final HyperVLayout DEFAULT = new HyperVLayout("C:\\ldist\\vms", 0, null);

    public HyperVLayout {
        if (vmRoot == null || !WINDOWS_FOLDER.matcher(vmRoot).matches() || vmRoot.contains("\\..")
                || vmRoot.endsWith(" ") || vmRoot.endsWith(".")) {
            throw new IllegalArgumentException("vmRoot must be an absolute Windows folder such as D:\\ldist\\vms "
                    + "(letters, digits, ' ', '.', '_', '-'; no '..'), was \"" + vmRoot + "\"");
        }
        if (newDiskBytes != 0 && (newDiskBytes < 32 * MIB || newDiskBytes % MIB != 0)) {
            throw new IllegalArgumentException("newDiskBytes must be 0 (no disk) or a multiple of 1 MiB of at least "
                    + "32 MiB, was " + newDiskBytes);
        }
        if (switchName != null && (!SWITCH_NAME.matcher(switchName).matches() || switchName.endsWith(" "))) {
            throw new IllegalArgumentException("not a safe switch name (letters, digits, ' ', '.', '_', '-'): \""
                    + switchName + "\"");
        }
    }

    public Optional<String> switchNameIfAny() {
        return Optional.ofNullable(switchName);
    }

    /** The folder that holds everything of one VM. */
    public String folderOf(String vmName) {
        return vmRoot + "\\" + VmSpec.requireSafeName(vmName);
    }

    /** The disk a VM is created with when {@link #newDiskBytes()} is not 0. */
    public String diskOf(String vmName) {
        return folderOf(vmName) + "\\" + vmName + ".vhdx";
    }

    public HyperVLayout withNewDiskBytes(long bytes) {
        return new HyperVLayout(vmRoot, bytes, switchName);
    }

    public HyperVLayout withSwitchName(String name) {
        return new HyperVLayout(vmRoot, newDiskBytes, name);
    }
}
