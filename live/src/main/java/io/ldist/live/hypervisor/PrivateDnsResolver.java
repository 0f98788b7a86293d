package io.ldist.live.hypervisor;

import java.util.Objects;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Reaches a destination host by its EC2 private DNS name (DescribeInstances by id, a read-only call): what Move-VM
 * needs between hosts of one VPC. Where Kerberos-authenticated migration wants Active Directory names instead, give
 * {@link SsmHyperV} a resolver of your own.
 */
public final class PrivateDnsResolver implements DestinationHostResolver {
    private final Ec2Client ec2;

    public PrivateDnsResolver(Ec2Client ec2) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
    }

    @Override
    public String hostNameOf(String instanceId) {
        try {
            return ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .map(Instance::privateDnsName)
                    .filter(name -> name != null && !name.isBlank())
                    .findFirst()
                    .orElseThrow(() -> new HypervisorException(instanceId,
                            "move: the destination has no private DNS name yet"));
        } catch (SdkException e) {
            throw new HypervisorException(instanceId, "move: cannot look up the destination's private DNS name: "
                    + e.getMessage());
        }
    }
}
