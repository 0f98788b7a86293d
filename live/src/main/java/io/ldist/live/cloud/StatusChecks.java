package io.ldist.live.cloud;

/** EC2's two status checks of a running instance: "ok", "impaired", "initializing", "insufficient-data", "not-applicable". */
public record StatusChecks(String instanceStatus, String systemStatus) {
    /** True when either check says the instance is impaired. */
    public boolean impaired() {
        return "impaired".equals(instanceStatus) || "impaired".equals(systemStatus);
    }

    /** True when both checks passed. */
    public boolean ok() {
        return "ok".equals(instanceStatus) && "ok".equals(systemStatus);
    }
}
