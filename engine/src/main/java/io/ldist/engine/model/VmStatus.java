package io.ldist.engine.model;

/** Where a VM is in its life: waiting for a host, running, moving between hosts, or gone. */
public enum VmStatus {
    PENDING, RUNNING, MIGRATING, FINISHED
}
