package io.ldist.scenario.spec;

/** How much RAM a trace VM uses once it runs (the PlanetLab traces give CPU only). */
public enum RamModel {
    /** Its type's full RAM, for its whole life. */
    RESERVED,
    /**
     * Its type's RAM only while it is being created; nothing afterwards. This is what CloudSim 3.0.3 does
     * (the cloudlets' RAM utilisation model is null), so servers take as many VMs as their CPU allows.
     */
    INITIAL_ONLY
}
