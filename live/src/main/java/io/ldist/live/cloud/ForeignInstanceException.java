package io.ldist.live.cloud;

/** A mutating call on an instance that is not tagged as this cluster's: refused before any mutating call was sent. */
public final class ForeignInstanceException extends CloudException {
    private final String instanceId;

    public ForeignInstanceException(String operation, String instanceId, String cluster, String actualCluster) {
        super(operation, "refusing " + operation + " on " + instanceId + ": it does not belong to cluster '" + cluster + "' ("
                + (actualCluster == null ? "it has no " + Tags.CLUSTER + " tag"
                : "its " + Tags.CLUSTER + " tag is '" + actualCluster + "'") + ")");
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }
}
