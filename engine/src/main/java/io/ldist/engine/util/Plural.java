package io.ldist.engine.util;

/** A count with its noun, for messages: "1 run", "3 runs". */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
