package io.ldist.live.hypervisor;

/** A hypervisor call that failed, timed out or answered what cannot be read; the message says which and where. */
public class HypervisorException extends RuntimeException {
    private final String instanceId;

    public HypervisorException(String instanceId, String message) {
        super(instanceId + ": " + message);
        this.instanceId = instanceId;
    }

    public HypervisorException(String instanceId, String message, Throwable cause) {
        super(instanceId + ": " + message, cause);
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }
}
