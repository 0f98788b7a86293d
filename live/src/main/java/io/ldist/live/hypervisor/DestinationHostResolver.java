package io.ldist.live.hypervisor;

/**
 * The name by which one Hyper-V host reaches another for Move-VM, given the destination's instance id: its private
 * DNS name, or its Active Directory name where Kerberos-authenticated migration needs one.
 */
@FunctionalInterface
public interface DestinationHostResolver {

    /** A DNS host name; {@link HyperVScripts#requireHostName} checks it before it goes into a script. */
    String hostNameOf(String instanceId);
}
