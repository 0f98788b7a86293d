package io.ldist.scenario;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.NearestName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every section of one pass over a scenario reads: the document, the problems the schema found (the
 * pass reads refused documents too, so that all mistakes are reported at once), the run's duration and scale,
 * and the types the fleet declared.
 */
public final class ReadingContext {
    final FieldReader in;
    final List<ScenarioProblem> schemaProblems;
    /** The run's duration, for times that must fall within it. */
    final double durationS;
    /** How many times the scenario is replicated (servers, VMs, and for task streams arrivals and scaling). */
    final int scale;
    final boolean taskWorkload;
    final Map<String, HostType> hostTypes = new LinkedHashMap<>();
    final Map<String, VmType> vmTypes = new LinkedHashMap<>();
    /** Every host type name written, including types refused for another mistake (not reported again). */
    final Set<String> hostTypeNames = new LinkedHashSet<>();
    /** What the data readers skipped, cut or tolerated, to be said to the user (never silently). */
    final List<String> notices = new ArrayList<>();
    /** The data files and folders the workload was read from, for the run's provenance (their hashes). */
    final List<java.nio.file.Path> dataPaths = new ArrayList<>();
    /** The instance catalogue: the shipped one, merged with the file of {@code fleet.catalogue} if one is named. */
    InstanceCatalogue catalogue = InstanceCatalogue.shipped();
    /** Whether the file of {@code fleet.catalogue} was refused: a name missing from the rest may well be in it. */
    boolean catalogueRefused;
    /**
     * The type scaling launches when it names none: in a scenario the first host type declared, else the first
     * catalogue type named (fleet.hosts is read before anything else names a type); in a live config, that of
     * {@code live.launch.instanceType} (set once the fleet is read).
     */
    HostType launchType;

    /** Whether this is a live config (its top-level {@code live} section) rather than a scenario. */
    boolean liveConfig() {
        return in.has("/live");
    }

    public ReadingContext(FieldReader in, List<ScenarioProblem> schemaProblems, double durationS, int scale,
                   boolean taskWorkload) {
        this.in = in;
        this.schemaProblems = schemaProblems;
        this.durationS = durationS;
        this.scale = scale;
        this.taskWorkload = taskWorkload;
    }

    /**
     * No mistake found so far in these fields (dotted, as {@code fleet.vmTypes}): a check across them would
     * only repeat one, since neutral values stand in for refused ones. Mistakes elsewhere do not matter, so
     * that every mistake is reported at once whatever the order of reading.
     */
    public boolean soundlyRead(String... fields) {
        for (String field : fields) {
            String pointer = "/" + field.replace('.', '/');
            if (in.refused(pointer) || schemaProblems.stream().anyMatch(p -> p.fieldPath().equals(field)
                    || p.fieldPath().startsWith(field + ".") || p.fieldPath().startsWith(field + "["))) {
                return false;
            }
        }
        return true;
    }

    /** The fields being read, for sections read outside this package (the live config's). */
    public FieldReader in() {
        return in;
    }

    /** The server type scale-outs launch, once a section has settled it. */
    public void setLaunchType(HostType type) {
        launchType = type;
    }

    public HostType defaultLaunchType() {
        return launchType != null ? launchType : hostTypes.values().stream().findFirst().orElse(null);
    }

    /**
     * The host type a field names: one of {@code fleet.hostTypes}, or else one of the catalogue, which is then added
     * to the fleet's types (after those declared, in the order first named). Null, and a problem with the names
     * known, when it is neither.
     */
    public HostType hostType(String at) {
        String name = in.text(at, "");
        if (!hostTypes.containsKey(name) && !hostTypeNames.contains(name)) {
            var listed = catalogue.type(name);
            if (listed.isPresent()) {
                hostTypes.put(name, listed.get());
                hostTypeNames.add(name);
                return listed.get();
            }
        }
        return named(at, hostTypes, hostTypeNames, "host type", "fleet.hostTypes");
    }

    /** Whether {@code name} is a host type of the fleet or of the catalogue. */
    public boolean knowsHostType(String name) {
        return hostTypes.containsKey(name) || catalogue.type(name).isPresent();
    }

    /** The catalogue type a {@code from} field names, or null (and a problem with the nearest name). */
    public HostType catalogueType(String at) {
        String name = in.text(at, "");
        var listed = catalogue.type(name);
        if (listed.isEmpty() && !catalogueRefused) {
            in.problem(at, "the name of a type of the instance catalogue (ldist catalogue lists them)",
                    "'" + name + "'", NearestName.didYouMean(catalogue.names(), name));
        }
        return listed.orElse(null);
    }

    public VmType vmType(String at) {
        return named(at, vmTypes, vmTypes.keySet(), "VM type", "fleet.vmTypes");
    }

    /**
     * The type a field names, or null. A name that is written in the scenario but whose type was refused
     * for another mistake is not reported again here.
     */
    private <T> T named(String at, Map<String, T> known, Set<String> declared, String what, String where) {
        String name = in.text(at, "");
        T value = known.get(name);
        boolean hosts = where.equals("fleet.hostTypes");
        // When the schema refused something in the list of types, the name may well be right.
        boolean listBroken = !schemaProblems.isEmpty() && (declared.isEmpty()
                || schemaProblems.stream().anyMatch(problem -> problem.fieldPath().startsWith(where)
                        || hosts && problem.fieldPath().startsWith("fleet.catalogue")))
                || hosts && catalogueRefused;
        if (value == null && !declared.contains(name) && !listBroken) {
            if (hosts) {
                // A type may be declared or be one of the catalogue's: the nearest name of either is suggested.
                Set<String> names = new LinkedHashSet<>(declared);
                names.addAll(catalogue.names());
                in.problem(at, "the name of a host type of fleet.hostTypes (" + (declared.isEmpty() ? "none"
                        : String.join(", ", declared)) + ") or of the instance catalogue (ldist catalogue lists "
                        + "them)", "'" + name + "'", NearestName.didYouMean(names, name));
            } else {
                in.problem(at, "the name of a " + what + " of " + where + " (" + String.join(", ", declared)
                        + ")", "'" + name + "'", NearestName.didYouMean(declared, name));
            }
        }
        return value;
    }

    /**
     * The {@code from} and {@code to} of the window at {@code at}, or null when one is refused (each mistake
     * said once: a malformed time is not also an end before the start).
     */
    public double[] window(String at) {
        double from = in.quantity(at + "/from", Units.DURATION, 0);
        double to = in.quantity(at + "/to", Units.DURATION, 0);
        if (in.refused(at + "/from") || in.refused(at + "/to")) {
            return null;
        }
        if (to <= from) {
            in.problem(at + "/to", "an end after the start " + in.text(at + "/from", ""), in.text(at + "/to", ""));
            return null;
        }
        withinRun(at + "/from", from);
        return new double[] {from, to};
    }

    /** A time at which something happens must come before the run ends, or it never happens. */
    public void withinRun(String at, double timeS) {
        if (timeS >= durationS) {
            in.problem(at, "a time before the end of the run (duration " + in.text("/duration", "24h") + ")",
                    in.text(at, ""));
        }
    }
}
