package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.scenario.spec.HostGroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code fleet} section: host types and VM types (into the context, for the sections after), servers. */
public final class FleetSection {
    private final ReadingContext context;
    private final FieldReader in;

    public FleetSection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    /**
     * The host types of {@code fleet.hostTypes}, each written in full or {@code from} a catalogue type, after the
     * catalogue file of {@code fleet.catalogue} if one is named (types of the catalogue that are not declared are
     * added when a field names them, see {@link ReadingContext#hostType}).
     */
    public void readHostTypes() {
        readCatalogue();
        for (int i = 0; i < in.size("/fleet/hostTypes"); i++) {
            String at = "/fleet/hostTypes/" + i;
            boolean from = in.has(at + "/from");
            HostType base = from ? context.catalogueType(at + "/from") : null;
            String name = in.text(at + "/name", from ? in.text(at + "/from", "") : "");
            if (!context.hostTypeNames.add(name)) {
                in.problem(at + "/name", "a host type name not used before", "'" + name + "' again");
            }
            if (from && base == null) {
                continue;
            }
            String fromName = in.text(at + "/from", "");
            HostType type = HypervisorOverhead.apply(in, at + "/hypervisor", HostTypeReader.read(in, at, name, base),
                    fromName, from ? context.catalogue.hypervisors(fromName) : List.of());
            if (type != null) {
                context.hostTypes.putIfAbsent(name, type);
            }
        }
    }

    /** The catalogue file {@code fleet.catalogue} names, merged over the shipped one; its path kept for provenance. */
    private void readCatalogue() {
        String at = "/fleet/catalogue";
        if (!in.has(at)) {
            return;
        }
        String written = in.text(at, "");
        Path file = in.path(at);
        if (file == null) {
            context.catalogueRefused = true;
            return;
        }
        String shown = Phrases.quote(written);
        Path absolute = file.toAbsolutePath().normalize();
        if (!Path.of(written).equals(absolute)) {
            shown += " (" + absolute + ")";
        }
        String expected = "a catalogue file (the format of ldist's shipped ec2-hyperv.yaml)";
        if (!Files.exists(file)) {
            in.problem(at, expected, shown + ", which does not exist");
            context.catalogueRefused = true;
            return;
        }
        if (Files.isDirectory(file)) {
            in.problem(at, expected, shown + ", which is a folder");
            context.catalogueRefused = true;
            return;
        }
        try {
            context.catalogue = InstanceCatalogue.shipped().with(file);
            context.dataPaths.add(file);
        } catch (ScenarioException e) {
            in.problemsElsewhere(at, e.problems());
            context.catalogueRefused = true;
        }
    }

    public void readVmTypes() {
        for (int i = 0; i < in.size("/fleet/vmTypes"); i++) {
            String at = "/fleet/vmTypes/" + i;
            String name = in.text(at + "/name", "");
            VmType type = new VmType(name, HostTypeReader.atLeastOne(in, at + "/cores", 1),
                    HostTypeReader.positive(in, at + "/mipsPerCore", 1), HostTypeReader.nonNegative(in, at + "/gpus", 0),
                    in.quantity(at + "/ram", Units.SIZE, 0), in.quantity(at + "/network", Units.BANDWIDTH, 100),
                    HostTypeReader.atLeastOne(in, at + "/taskSlots", 1));
            if (context.vmTypes.putIfAbsent(name, type) != null) {
                in.problem(at + "/name", "a VM type name not used before", "'" + name + "' again");
            }
        }
    }

    public int maxVmsPerHost() {
        JsonNode node = in.node("/fleet/maxVmsPerHost");
        if (node == null) {
            return 3;
        }
        // Below 1 the schema refuses it; no limit then, rather than a second problem about the template.
        return node.isTextual() || !node.canConvertToInt() || node.asInt() < 1 ? FleetRules.NO_VM_LIMIT
                : node.asInt();
    }

    /** The server groups, each count times the scenario's scale. */
    public List<HostGroup> readHosts() {
        int scale = context.scale;
        List<HostGroup> groups = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < in.size("/fleet/hosts"); i++) {
            String at = "/fleet/hosts/" + i;
            counts.add(in.integer(at + "/count", 0));
            HostType type = context.hostType(at + "/type");
            HostState state = "standby".equals(in.text(at + "/state", "active")) ? HostState.STANDBY
                    : HostState.ACTIVE;
            if (type != null) {
                groups.add(new HostGroup(type, SizeLimits.times(Math.max(0, counts.get(i)), scale), state));
            }
        }
        if (context.soundlyRead("fleet.hosts", "scale")) {
            SizeLimits.checkServers(in, counts, scale);
        }
        if (SizeLimits.servers(groups) == 0 && in.problems().isEmpty() && context.schemaProblems.isEmpty()) {
            in.problem("/fleet/hosts", "at least one server (a count >= 1)", "no server at all");
        }
        return groups;
    }
}
