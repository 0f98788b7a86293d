package io.ldist.live.api;

/**
 * A task a client wants run: what it holds while it runs (the same units as scenario files), and optionally how
 * long it may take from now.
 *
 * @param deadlineS seconds from now by which it should be done, or null for none
 * @param leaseS    seconds after which a task never reported done is taken as ended (failed), or null for the
 *                  configured default
 */
public record TaskSubmission(double cpuMips, double gpus, double ramMb, Double deadlineS, Double leaseS) {
}
