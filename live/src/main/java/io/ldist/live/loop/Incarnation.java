package io.ldist.live.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.JournalReplay;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Who the distributor is across restarts: a random id, part of every launch's idempotency token, and the wall-clock
 * time its driver clock counts from. Both are written once, in the journal's first ("open") entry, and read back
 * from it on every restart, so that tokens and driver time carry on as before.
 *
 * @param id      eight hex digits
 * @param epochMs wall-clock milliseconds at driver time zero
 */
record Incarnation(String id, long epochMs) {

    /** The incarnation the journal was opened with, or a new one, written to the journal now. */
    static Incarnation restoreOrOpen(JournalReplay.Restored restored, Journal journal, String cluster,
                                     LongSupplier clockMs) {
        if (restored.incarnation() != null) {
            return new Incarnation(restored.incarnation(), restored.epochMs());
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        Incarnation fresh = new Incarnation(HexFormat.of().formatHex(random), clockMs.getAsLong());
        ObjectNode open = journal.entry("open");
        open.put("cluster", cluster);
        open.put("incarnation", fresh.id());
        open.put("epochMs", fresh.epochMs());
        journal.append(open);
        return fresh;
    }
}
