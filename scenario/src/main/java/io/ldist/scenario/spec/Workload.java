package io.ldist.scenario.spec;

/** What a simulation replays: VMs following utilisation traces, or a stream of tasks. */
public sealed interface Workload permits VmTraceWorkload, TaskStreamWorkload {
}
