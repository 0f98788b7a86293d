package io.ldist.live.hypervisor;

import java.util.Objects;

/**
 * A hypervisor call that failed, timed out or answered what cannot be read; the message says which and where.
 * {@link #kind()} lets a caller tell a request that can never succeed (the VM is not there) from a host that did not
 * answer, which it may retry or fail over.
 */
public class HypervisorException extends RuntimeException {

    /** Why a call failed. */
    public enum Kind {
        /** The call names a VM the instance does not have (start a missing VM). */
        NO_SUCH_VM,
        /** A move of a VM that is on neither the source nor the destination. */
        NOT_ON_EITHER_HOST,
        /** The request conflicts with what exists (a VM of that name on another instance). */
        CONFLICT,
        /** The script ran and failed, or left the VM in a state other than the one asked for. */
        FAILED,
        /** No answer within the call's timeout (or the command timed out or was cancelled on the host). */
        TIMED_OUT,
        /** The host answered something that is not the JSON the script writes. */
        UNREADABLE_OUTPUT,
        /** The host cannot be reached at all (the agent is gone, the API refused the call). */
        UNREACHABLE
    }

    private static final int SHOWN_CHARS = 400;

    private final String instanceId;
    private final Kind kind;

    public HypervisorException(String instanceId, String message) {
        this(instanceId, Kind.FAILED, message, null);
    }

    public HypervisorException(String instanceId, String message, Throwable cause) {
        this(instanceId, Kind.FAILED, message, cause);
    }

    public HypervisorException(String instanceId, Kind kind, String message) {
        this(instanceId, kind, message, null);
    }

    public HypervisorException(String instanceId, Kind kind, String message, Throwable cause) {
        super(instanceId + ": " + message, cause);
        this.instanceId = instanceId;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String instanceId() {
        return instanceId;
    }

    public Kind kind() {
        return kind;
    }

    /** Text seen on the wire, quoted and cut so that one huge answer does not become a huge log line. */
    static String shown(String text) {
        if (text == null || text.isEmpty()) {
            return "(nothing)";
        }
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        if (oneLine.length() <= SHOWN_CHARS) {
            return "\"" + oneLine + "\"";
        }
        return "\"" + oneLine.substring(0, SHOWN_CHARS) + "\"… (" + text.length() + " chars in all)";
    }
}
