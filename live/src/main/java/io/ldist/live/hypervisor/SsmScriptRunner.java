package io.ldist.live.hypervisor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Runs one PowerShell script on one instance through Run Command and returns what it wrote to stdout, or throws
 * {@link HypervisorException} naming the instance, the operation and what was seen. SendCommand, then
 * GetCommandInvocation polled with doubling waits until a terminal status or the call's deadline. The SDK's own
 * retry strategy (configured on the client) handles throttling and 5xx of each request; this class handles the
 * command's life.
 */
final class SsmScriptRunner {
    static final String DOCUMENT = "AWS-RunPowerShellScript";
    private static final int COMMENT_LIMIT = 100;

    private final SsmClient ssm;
    private final SsmRunSettings settings;
    private final PollClock clock;

    SsmScriptRunner(SsmClient ssm, SsmRunSettings settings, PollClock clock) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The script's standard output once it succeeded within {@code timeout}. */
    String run(String instanceId, String operation, String script, Duration timeout) {
        long startNs = clock.nanoTime();
        long deadlineNs = startNs + timeout.toNanos();
        String commandId = send(instanceId, operation, script, timeout);
        Duration wait = settings.firstPoll();
        String lastSeen = "no invocation yet";
        while (true) {
            long leftNs = deadlineNs - clock.nanoTime();
            if (leftNs <= 0) {
                cancelQuietly(commandId, instanceId);
                throw new HypervisorException(instanceId, HypervisorException.Kind.TIMED_OUT,
                        operation + ": no result within " + timeout.toSeconds() + " s (command " + commandId
                                + ", last seen: " + lastSeen + "); cancelled");
            }
            sleep(instanceId, operation, Duration.ofNanos(Math.min(wait.toNanos(), leftNs)));
            wait = wait.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : wait.multipliedBy(2);
            GetCommandInvocationResponse invocation;
            try {
                // No PluginName: the plugin of AWS-RunPowerShellScript is named differently by moto and AWS.
                invocation = ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId));
            } catch (InvocationDoesNotExistException e) {
                // Right after SendCommand the invocation may not be visible yet; later it means it is gone.
                if (clock.nanoTime() - startNs > settings.invocationAppears().toNanos()) {
                    throw new HypervisorException(instanceId, HypervisorException.Kind.UNREACHABLE,
                            operation + ": command " + commandId + " has no invocation on the instance after "
                                    + settings.invocationAppears().toSeconds() + " s", e);
                }
                continue;
            } catch (SdkException e) {
                throw new HypervisorException(instanceId, HypervisorException.Kind.UNREACHABLE,
                        operation + ": GetCommandInvocation of command " + commandId + " failed: " + e.getMessage(), e);
            }
            lastSeen = invocation.statusAsString() + " (" + invocation.statusDetails() + ")";
            CommandInvocationStatus status = invocation.status();
            switch (status) {
                case SUCCESS:
                    return successfulOutput(instanceId, operation, commandId, invocation);
                case FAILED:
                case CANCELLED:
                case CANCELLING:
                case TIMED_OUT:
                    throw new HypervisorException(instanceId, status == CommandInvocationStatus.TIMED_OUT
                            ? HypervisorException.Kind.TIMED_OUT : HypervisorException.Kind.FAILED,
                            operation + ": command " + commandId + " ended " + lastSeen + describe(invocation));
                default:
                    break; // Pending, InProgress, Delayed, or a status newer than this SDK: keep polling
            }
        }
    }

    private String send(String instanceId, String operation, String script, Duration timeout) {
        long executionTimeoutS = Math.max(1, timeout.toSeconds());
        try {
            return ssm.sendCommand(r -> r.documentName(DOCUMENT)
                            .instanceIds(instanceId)
                            .comment(comment(operation))
                            .timeoutSeconds((int) Math.max(SsmRunSettings.MIN_DELIVERY_TIMEOUT_S,
                                    Math.min(Integer.MAX_VALUE, executionTimeoutS)))
                            .parameters(Map.of("commands", List.of(script),
                                    "executionTimeout", List.of(Long.toString(executionTimeoutS)))))
                    .command().commandId();
        } catch (SdkException e) {
            throw new HypervisorException(instanceId, HypervisorException.Kind.UNREACHABLE,
                    operation + ": SendCommand failed: " + e.getMessage(), e);
        }
    }

    private static String successfulOutput(String instanceId, String operation, String commandId,
                                           GetCommandInvocationResponse invocation) {
        Integer code = invocation.responseCode();
        String stderr = invocation.standardErrorContent();
        if (code != null && code != 0) {
            throw new HypervisorException(instanceId, operation + ": command " + commandId
                    + " succeeded with response code " + code + describe(invocation));
        }
        // Our scripts stop at the first error, so anything on stderr is an error that did not stop them.
        if (stderr != null && !stderr.isBlank()) {
            throw new HypervisorException(instanceId, operation + ": command " + commandId
                    + " succeeded but wrote to stderr" + describe(invocation));
        }
        String stdout = invocation.standardOutputContent();
        return stdout == null ? "" : stdout;
    }

    private static String describe(GetCommandInvocationResponse invocation) {
        StringBuilder s = new StringBuilder();
        if (invocation.responseCode() != null) {
            s.append(", response code ").append(invocation.responseCode());
        }
        if (invocation.standardErrorContent() != null && !invocation.standardErrorContent().isBlank()) {
            s.append(", stderr ").append(HypervisorException.shown(invocation.standardErrorContent()));
        }
        if (invocation.standardOutputContent() != null && !invocation.standardOutputContent().isBlank()) {
            s.append(", stdout ").append(HypervisorException.shown(invocation.standardOutputContent()));
        }
        return s.toString();
    }

    /** A command that outlived its caller must not run a Move-VM later, unasked: cancel it, and never fail on that. */
    private void cancelQuietly(String commandId, String instanceId) {
        try {
            ssm.cancelCommand(r -> r.commandId(commandId).instanceIds(instanceId));
        } catch (SdkException ignored) {
            // The timeout is what the caller must hear about; a failed cancel changes nothing for it.
        }
    }

    private void sleep(String instanceId, String operation, Duration duration) {
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException(instanceId, HypervisorException.Kind.TIMED_OUT,
                    operation + ": interrupted while waiting for Run Command", e);
        }
    }

    /** "ldist <operation>", within SendCommand's 100-character limit on comments. */
    static String comment(String operation) {
        String comment = "ldist " + operation;
        return comment.length() <= COMMENT_LIMIT ? comment : comment.substring(0, COMMENT_LIMIT);
    }
}
