package io.ldist.live.cloud;

import java.util.List;
import java.util.Objects;

/**
 * How the cluster's servers are launched: a launch template, or an AMI with an instance type and network.
 *
 * @param launchTemplate a launch template id or name, or null to use the fields below
 * @param imageId        AMI (a Windows Server image with Hyper-V), or null with a launch template
 * @param instanceType   e.g. m5.metal (bare metal hosts Hyper-V)
 * @param subnetId       subnet, or null for the default
 * @param securityGroupIds security groups, possibly empty
 * @param keyName        key pair, or null
 * @param instanceProfile IAM instance profile for the SSM agent, or null
 */
public record LaunchSpec(String launchTemplate, String imageId, String instanceType, String subnetId,
                         List<String> securityGroupIds, String keyName, String instanceProfile) {
    public LaunchSpec {
        Objects.requireNonNull(instanceType, "instanceType");
        if (launchTemplate == null && imageId == null) {
            throw new IllegalArgumentException("a launch needs a launch template or an image id");
        }
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
