package io.ldist.live.api;

/**
 * A task's state as the API answers it.
 *
 * @param state      queued, running, done, failed or expired (lease ran out)
 * @param host       server index, or null while queued
 * @param instanceId EC2 instance of its server, or null while queued
 * @param vm         name of the VM it runs on, or null while queued
 * @param queuePosition 0-based place in the queue while queued, else null
 */
public record TaskTicket(String id, String state, Integer host, String instanceId, String vm,
                         Integer queuePosition, double submittedAtS, Double startedAtS, Double endedAtS,
                         Double deadlineAtS) {
}
