package io.ldist.engine.plan;

/** Why the engine proposed an action; recorded with every action in events.csv and the live journal. */
public enum Reason {
    /** A VM that had no server yet (start of a run, or new capacity). */
    INITIAL_PLACEMENT,
    /** A server ran hot; a VM leaves it. */
    OVERLOAD,
    /** A server carried so little that emptying it and switching it off saves power. */
    UNDERLOAD,
    /** A server failed; what ran there is placed again on healthy servers. */
    FAILOVER,
    /** Fleet load stayed above the scale-out threshold. */
    SCALE_OUT,
    /** Fleet load stayed below the scale-in threshold. */
    SCALE_IN,
    /** The warm standby pool is refilled. */
    STANDBY_POOL,
    /** A queued task is given to a VM. */
    DISPATCH,
    /** An active server with nothing on it is switched off. */
    IDLE,
    /** New VMs fill a server up to the fleet's VMs-per-server template. */
    PROVISION,
    /** A rolling update: capacity added for it, work moved off a batch, a server taken down for its update. */
    ROLLING_UPDATE
}
