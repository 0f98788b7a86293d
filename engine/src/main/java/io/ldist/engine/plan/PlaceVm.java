package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.VmId;
import io.ldist.engine.model.VmType;

import java.util.Objects;

/**
 * Start a VM on a server. The VM is either one that waits for a server (pending, or displaced by a failover)
 * or a new one: a new VM's id is the next unused index, counted from the view's {@code vmCount()}.
 */
public record PlaceVm(VmId vm, VmType type, HostId host, Reason reason) implements Action {
    public PlaceVm {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }
}
