package io.ldist.sim.record;

/**
 * One line of events.csv: an action the engine took, or a fault that struck. Absent ids are -1.
 *
 * @param detail free text (a host type, what happens after a drain, a failure's cause)
 */
public record EventRow(double timeS, String kind, String reason, int host, int vm, int toHost, long task,
                       String detail) {
    public static final String HEADER = "timeS,kind,reason,host,vm,toHost,task,detail";
}
