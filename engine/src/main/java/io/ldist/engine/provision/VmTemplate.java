package io.ldist.engine.provision;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.Numbers;

import java.util.Objects;

/** The VMs every active server of a task-stream fleet runs: {@code perHost} VMs of one type. */
public record VmTemplate(VmType type, int perHost) {
    public VmTemplate {
        Objects.requireNonNull(type, "type");
        if (perHost < 1) {
            throw new IllegalArgumentException("VMs per host must be >= 1, was " + perHost);
        }
    }

    /** How many VMs of type {@code vm}, each holding its full reservation, an empty {@code host} server holds. */
    public static int fitting(VmType vm, HostType host) {
        if (vm.cores() > host.cores() || vm.mipsPerCore() > host.mipsPerCore()) {
            return 0;
        }
        int count = (int) Math.floor(host.totalMips() / vm.totalMips());
        if (vm.ramMb() > 0) {
            count = Math.min(count, (int) Math.floor(host.ramMb() / vm.ramMb()));
        }
        if (vm.gpus() > 0) {
            count = Math.min(count, (int) Math.floor(host.gpus() / vm.gpus()));
        }
        return count;
    }

    /** What limits {@link #fitting}, in words: "RAM 393216 MiB for 122880 MiB each". */
    public static String tightest(VmType vm, HostType host) {
        if (vm.cores() > host.cores()) {
            return vm.cores() + " cores per VM, " + host.cores() + " per server";
        }
        if (vm.mipsPerCore() > host.mipsPerCore()) {
            return vm.mipsPerCore() + " MIPS per VM core, " + host.mipsPerCore() + " per server core";
        }
        double byCpu = host.totalMips() / vm.totalMips();
        double byRam = vm.ramMb() > 0 ? host.ramMb() / vm.ramMb() : Double.POSITIVE_INFINITY;
        double byGpu = vm.gpus() > 0 ? host.gpus() / vm.gpus() : Double.POSITIVE_INFINITY;
        if (byGpu <= byCpu && byGpu <= byRam) {
            return "GPUs " + Numbers.plain(host.gpus()) + " for " + Numbers.plain(vm.gpus()) + " each";
        }
        if (byRam <= byCpu) {
            return "RAM " + Numbers.plain(host.ramMb()) + " MiB for " + Numbers.plain(vm.ramMb()) + " MiB each";
        }
        return "CPU " + Numbers.plain(host.totalMips()) + " MIPS for " + Numbers.plain(vm.totalMips()) + " MIPS each";
    }
}
