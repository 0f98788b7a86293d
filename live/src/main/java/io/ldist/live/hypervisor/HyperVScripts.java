package io.ldist.live.hypervisor;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Windows PowerShell 5.1 scripts for Hyper-V (what {@code AWS-RunPowerShellScript} runs), built from typed inputs.
 * Names are checked by {@link VmSpec#requireSafeName}, host names by {@link #requireHostName}, paths by
 * {@link HyperVLayout}; numbers are formatted here. Every string reaches the script as a single-quoted literal
 * made by {@link #literal}, which refuses any character outside a small ASCII alphabet rather than escaping it:
 * PowerShell also reads the typographic quotes U+2018..U+201B as quotes, so escaping is easy to get wrong.
 *
 * <p>Every script stops at the first error (a trap writes it to stderr and exits 1, so the invocation fails) and
 * ends by writing the VMs it is about as one compact JSON array, in the form 5.1 cannot turn into a bare object
 * or into nothing: {@code ConvertTo-Json -Compress -InputObject @(...)}, the state as its name, uptime in seconds.
 * A mutating script writes the VM's state after the change, so the caller checks what happened, not what was meant.
 */
public final class HyperVScripts {
    private static final Pattern LITERAL_ALPHABET = Pattern.compile("[A-Za-z0-9 ._:\\\\-]*");
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private static final String PREAMBLE = """
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
            """;

    /** Writes {@code $vms} as the JSON array {@link HyperVJson} reads. */
    private static final String WRITE_VMS = """
            ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, \
            @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, \
            @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
            """;

    /** {@code @(...)} of a command that writes nothing is empty; {@code @($null)} would hold one null. */
    private static final String GET_NAMED = "$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)\n";

    private final HyperVLayout layout;

    public HyperVScripts(HyperVLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public HyperVLayout layout() {
        return layout;
    }

    /** All VMs of the host. */
    public String list() {
        return PREAMBLE + "$vms = @(Get-VM)\n" + WRITE_VMS;
    }

    /**
     * Creates the VM off, unless one of that name exists (then nothing changes). A disk left by an earlier attempt
     * is reused rather than refused; processors are set right after New-VM and the VM is removed again if that
     * fails, so a half-made VM never passes for a made one.
     */
    public String create(VmSpec spec) {
        String name = spec.name();
        StringBuilder newVm = new StringBuilder("New-VM -Name $name -Generation 2 -MemoryStartupBytes ")
                .append(spec.memoryStartupBytes()).append(" -Path ").append(literal(layout.vmRoot()));
        layout.switchNameIfAny().ifPresent(s -> newVm.append(" -SwitchName ").append(literal(s)));
        StringBuilder s = new StringBuilder(PREAMBLE).append(nameVariable(name)).append(GET_NAMED)
                .append("if ($vms.Count -eq 0) {\n");
        if (layout.newDiskBytes() == 0) {
            s.append("  ").append(newVm).append(" -NoVHD | Out-Null\n");
        } else {
            s.append("  $vhd = ").append(literal(layout.diskOf(name))).append('\n')
                    .append("  if (Test-Path -LiteralPath $vhd) { ").append(newVm).append(" -VHDPath $vhd | Out-Null }\n")
                    .append("  else { ").append(newVm).append(" -NewVHDPath $vhd -NewVHDSizeBytes ")
                    .append(layout.newDiskBytes()).append(" | Out-Null }\n");
        }
        s.append("  try { Set-VMProcessor -VMName $name -Count ").append(spec.processorCount())
                .append(" } catch { Remove-VM -Name $name -Force; throw }\n")
                .append("  $vms = @(Get-VM -Name $name)\n")
                .append("}\n")
                .append(WRITE_VMS);
        return s.toString();
    }

    /** Starts the VM if it is off or saved, resumes it if paused; a missing VM writes {@code []}. */
    public String start(String vmName) {
        return PREAMBLE + nameVariable(vmName) + GET_NAMED + """
                foreach ($vm in $vms) {
                  if ($vm.State -eq 'Paused') { Resume-VM -VM $vm }
                  elseif ($vm.State -eq 'Off' -or $vm.State -eq 'Saved') { Start-VM -VM $vm }
                }
                """ + GET_NAMED + WRITE_VMS;
    }

    /**
     * Shuts the VM down through its integration services, and turns it off when the guest does not answer; a
     * saved VM has its saved state discarded. A missing VM writes {@code []}.
     */
    public String stop(String vmName) {
        return PREAMBLE + nameVariable(vmName) + GET_NAMED + """
                foreach ($vm in $vms) {
                  if ($vm.State -eq 'Saved') { Remove-VMSavedState -VM $vm }
                  elseif ($vm.State -ne 'Off') {
                    try { Stop-VM -VM $vm -Force } catch { Stop-VM -VM $vm -TurnOff -Force }
                  }
                }
                """ + GET_NAMED + WRITE_VMS;
    }

    /**
     * Turns the VM off, removes it, and deletes its folder under the layout's root, also when the VM itself is
     * already gone (a removal cut short between the two steps finishes on replay).
     */
    public String remove(String vmName) {
        return PREAMBLE + nameVariable(vmName) + GET_NAMED + """
                foreach ($vm in $vms) {
                  if ($vm.State -ne 'Off' -and $vm.State -ne 'Saved') { Stop-VM -VM $vm -TurnOff -Force }
                  Remove-VM -VM $vm -Force
                }
                """ + "$folder = " + literal(layout.folderOf(vmName)) + "\n" + """
                if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force }
                """ + GET_NAMED + WRITE_VMS;
    }

    /**
     * Live-migrates the VM with its storage (shared-nothing) to the same folder on the destination host, if it is
     * here; then writes what is left here, so {@code []} means the VM is not (or no longer) on this host.
     */
    public String move(String vmName, String destinationHost) {
        return PREAMBLE + nameVariable(vmName) + GET_NAMED
                + "foreach ($vm in $vms) {\n"
                + "  Move-VM -VM $vm -DestinationHost " + literal(requireHostName(destinationHost))
                + " -IncludeStorage -DestinationStoragePath " + literal(layout.folderOf(vmName)) + " | Out-Null\n"
                + "}\n"
                + GET_NAMED + WRITE_VMS;
    }

    /** Refuses anything but a DNS host name (labels of letters, digits and inner '-', joined by '.'). */
    public static String requireHostName(String host) {
        if (host == null || host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name: \"" + host + "\"");
        }
        return host;
    }

    /**
     * A single-quoted PowerShell literal of a string already checked by its own rule; refuses, as a second guard,
     * anything outside letters, digits, ' ', '.', '_', ':', '\' and '-' (so no quote of any kind, no '$', no
     * backtick, no wildcard, nothing non-ASCII).
     */
    static String literal(String value) {
        if (!LITERAL_ALPHABET.matcher(value).matches()) {
            throw new IllegalArgumentException("refusing to put \"" + value + "\" into a script");
        }
        return "'" + value + "'";
    }

    private static String nameVariable(String vmName) {
        return "$name = " + literal(VmSpec.requireSafeName(vmName)) + "\n";
    }
}
