package io.ldist.engine.provision;

import io.ldist.engine.model.VmType;

import java.util.Objects;

/** The VMs every active server of a task-stream fleet runs: {@code perHost} VMs of one type. */
public record VmTemplate(VmType type, int perHost) {
    public VmTemplate {
        Objects.requireNonNull(type, "type");
        if (perHost < 1) {
            throw new IllegalArgumentException("VMs per host must be >= 1, was " + perHost);
        }
    }
}
