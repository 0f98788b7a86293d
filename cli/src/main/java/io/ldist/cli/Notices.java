package io.ldist.cli;

import io.ldist.scenario.LoadedScenario;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Says on standard error what reading a scenario's data skipped, cut or tolerated, so that nothing is dropped
 * silently; shown even with --quiet, as warnings are.
 */
public final class Notices {
    private Notices() {
    }

    public static void print(PrintWriter err, LoadedScenario scenario) {
        print(err, scenario.notices());
    }

    /** Each notice once, in order, however many runs share the data that caused it. */
    public static void print(PrintWriter err, Collection<String> notices) {
        Set<String> once = new LinkedHashSet<>(notices);
        for (String notice : once) {
            err.println("ldist: notice: " + notice);
        }
        err.flush();
    }
}
