package io.ldist.engine.plan;

/**
 * One step the engine proposes. Actions are values: the engine never performs them. The simulator's
 * executor applies them to virtual servers; the live executor turns them into cloud API calls.
 */
public sealed interface Action
        permits PlaceVm, MigrateVm, AssignTask, LaunchHost, ResumeHost, StopHost, TerminateHost, DrainHost,
        FenceHost, UpdateHost {

    Reason reason();

    /** Short verb-noun name, as written in events.csv. */
    default String kind() {
        return getClass().getSimpleName();
    }
}
