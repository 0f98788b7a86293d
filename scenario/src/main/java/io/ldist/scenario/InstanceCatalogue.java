package io.ldist.scenario;

import io.ldist.engine.model.HostType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Server types a scenario or live config may name without declaring them: the EC2 types that can run Hyper-V,
 * shipped with ldist ({@value #SHIPPED}), and the types of a catalogue file of the user's ({@code fleet.catalogue},
 * {@code ldist catalogue --catalogue}), which add to the shipped ones or replace those of the same name.
 *
 * <p>The shipped values were written from memory and are marked {@code verified: false}: every place that shows
 * them says so. A catalogue file is checked as a scenario is ({@value #SCHEMA}, then ldist's own checks), and a
 * mistake in it is refused with its file, line and field.
 */
public final class InstanceCatalogue {
    public static final String SHIPPED = "io/ldist/scenario/catalogue/ec2-hyperv.yaml";
    public static final String SCHEMA = "io/ldist/scenario/catalogue.schema.json";

    private static final SchemaValidation VALIDATION = SchemaValidation.fromClasspath(SCHEMA);
    private static final InstanceCatalogue SHIPPED_CATALOGUE = readShipped();

    /** Where an entry comes from. */
    public enum Origin { SHIPPED, REPLACED, ADDED }

    /**
     * One type of the catalogue.
     *
     * @param type           what the simulator and live adapter use
     * @param physicalCores  physical cores, shown (the simulator plans on the type's cores: its vCPUs)
     * @param virtualization {@code metal} or {@code nested}, or empty when the file does not say
     * @param hypervisors    what can host VMs on it
     * @param origin         shipped, or from a user's file: replacing a shipped type or added
     * @param file           the file it was read from, as named in messages
     */
    public record Entry(HostType type, int physicalCores, String virtualization, List<String> hypervisors, Origin origin,
                        String file) {
        public Entry {
            hypervisors = List.copyOf(hypervisors);
        }

        public String name() {
            return type.name();
        }
    }

    /** What the shipped catalogue says about itself: where its prices hold, as of when, from where, checked or not. */
    public record Header(String region, String pricesAsOf, String source, boolean verified) {
    }

    private final Header header;
    private final Map<String, Entry> entries;
    private final List<Path> files;

    private InstanceCatalogue(Header header, Map<String, Entry> entries, List<Path> files) {
        this.header = header;
        this.entries = entries;
        this.files = List.copyOf(files);
    }

    /** The catalogue shipped with ldist. */
    public static InstanceCatalogue shipped() {
        return SHIPPED_CATALOGUE;
    }

    /**
     * This catalogue with the types of {@code file}: a type of the same name as one already here replaces it (in
     * its place), a new one is added at the end.
     *
     * @throws ScenarioException listing every problem of the file, each with its file, line and field
     */
    public InstanceCatalogue with(Path file) {
        ScenarioDocument document = ScenarioDocument.parse(file, "catalogue");
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        for (Entry entry : read(document, entries)) {
            merged.put(entry.name(), entry);
        }
        List<Path> withFile = new ArrayList<>(files);
        withFile.add(file);
        return new InstanceCatalogue(header, merged, withFile);
    }

    public Header header() {
        return header;
    }

    /** The types in order: shipped first (replaced ones in their place), then added ones. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public Optional<HostType> type(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::type);
    }

    /** The hypervisors the type of that name runs; empty for a name not here, or a type that does not say. */
    public List<String> hypervisors(String name) {
        Entry entry = entries.get(name);
        return entry == null ? List.of() : entry.hypervisors();
    }

    /** The user files merged into the shipped catalogue, in order. */
    public List<Path> files() {
        return files;
    }

    private static InstanceCatalogue readShipped() {
        try (InputStream in = InstanceCatalogue.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped instance catalogue is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ScenarioDocument document = ScenarioDocument.parse(text, "ec2-hyperv.yaml", "catalogue");
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Entry entry : read(document, Map.of())) {
                entries.put(entry.name(), entry);
            }
            FieldReader fields = new FieldReader(document);
            Header header = new Header(fields.text("/region", ""), fields.text("/pricesAsOf", ""),
                    fields.text("/source", ""), fields.flag("/verified", false));
            return new InstanceCatalogue(header, entries, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the shipped instance catalogue is broken:\n" + e.getMessage(), e);
        }
    }

    /** The types of one catalogue document, every problem refused at once; {@code before}: the types it may replace. */
    private static List<Entry> read(ScenarioDocument document, Map<String, Entry> before) {
        return CheckedReading.read(VALIDATION, document, (in, schemaProblems) -> readTypes(in, before));
    }

    private static List<Entry> readTypes(FieldReader in, Map<String, Entry> before) {
        List<Entry> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String file = in.document().displayName();
        for (int i = 0; i < in.size("/types"); i++) {
            String at = "/types/" + i;
            String name = in.text(at + "/name", "");
            if (!names.add(name)) {
                in.problem(at + "/name", "a type name not used before in this catalogue", "'" + name + "' again");
                continue;
            }
            HostType type = HostTypeReader.read(in, at, name, null);
            List<String> hypervisors = new ArrayList<>();
            for (int h = 0; h < in.size(at + "/hypervisors"); h++) {
                hypervisors.add(in.text(at + "/hypervisors/" + h, ""));
            }
            if (type != null) {
                read.add(new Entry(type, in.integer(at + "/physicalCores", Math.max(1, type.cores() / 2)),
                        in.text(at + "/virtualization", ""), hypervisors,
                        before.isEmpty() ? Origin.SHIPPED : before.containsKey(name) ? Origin.REPLACED : Origin.ADDED,
                        file));
            }
        }
        return read;
    }
}
