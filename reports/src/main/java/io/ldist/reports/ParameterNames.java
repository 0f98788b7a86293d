package io.ldist.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A swept scenario field named for a reader: {@code policies.overload.threshold} is "overload threshold",
 * {@code decisionInterval} "decision interval", {@code fleet.hosts[0].count} "hosts count". The field's last
 * part in words, after the part that holds it unless that is one of the scenario's top sections; a pool's field
 * after the pool as written ({@code fleet.pools[1].scaling.maxHosts}: "pools[1] max hosts").
 */
public final class ParameterNames {
    private static final Set<String> SECTIONS = Set.of("policies", "fleet", "workload");
    private static final Pattern POOL = Pattern.compile("pools\\[\\d+]");
    private static final Set<String> ACRONYMS = Set.of("cpu", "ram", "gpu", "gpus", "vm", "vms", "mtbf", "mttr");

    private ParameterNames() {
    }

    public static String readable(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("\\.")) {
            String name = part.replaceAll("\\[\\d+]", "");
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return path;
        }
        String last = words(parts.get(parts.size() - 1));
        Matcher pool = POOL.matcher(path);
        if (pool.find()) {
            return pool.group() + " " + last; // which pool is the reader's to know: "pools[1] max hosts"
        }
        if (parts.size() < 2 || SECTIONS.contains(parts.get(parts.size() - 2))) {
            return last;
        }
        return words(parts.get(parts.size() - 2)) + " " + last;
    }

    /** "maxVmsPerHost": "max VMs per host". */
    private static String words(String camel) {
        List<String> words = new ArrayList<>();
        for (String word : camel.split("(?<=[a-z0-9])(?=[A-Z])")) {
            String lower = word.toLowerCase(Locale.ROOT);
            words.add(ACRONYMS.contains(lower) ? lower.toUpperCase(Locale.ROOT).replace("VMS", "VMs")
                    .replace("GPUS", "GPUs") : lower);
        }
        return String.join(" ", words);
    }
}
