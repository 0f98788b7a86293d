package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.VmId;

import java.util.Objects;

/** Live-migrate a running VM from one server to another. */
public record MigrateVm(VmId vm, HostId from, HostId to, Reason reason) implements Action {
    public MigrateVm {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (from.equals(to)) {
            throw new IllegalArgumentException(vm + ": migration source and target are the same " + from);
        }
    }
}
