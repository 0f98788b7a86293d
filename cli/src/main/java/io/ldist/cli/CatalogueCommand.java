package io.ldist.cli;

import io.ldist.scenario.InstanceCatalogue;
import io.ldist.engine.model.HostType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists the instance catalogue: the server types a scenario may name without declaring them. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = {"  ldist catalogue", "  ldist catalogue --catalogue my-types.yaml --json"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a catalogue file"},
        description = {"List the instance catalogue: the EC2 types that can run Hyper-V, which a scenario may name "
                + "(fleet.hosts[].type: m5.metal) without declaring them, or start a type from (fleet.hostTypes[]"
                + ".from). Its values were written from memory and are NOT verified against AWS's price list."})
final class CatalogueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--catalogue", paramLabel = "FILE", description = "A catalogue file of your own, merged as a "
            + "scenario's fleet.catalogue is: its types replace the shipped ones of the same name (marked *) or are "
            + "added (marked +).")
    Path file;

    @Option(names = "--json", description = "Print the catalogue as JSON: region, pricesAsOf, source, verified, "
            + "files and types (with origin: shipped, replaced or added).")
    boolean json;

    @Override
    public Integer call() {
        InstanceCatalogue catalogue = file == null ? InstanceCatalogue.shipped() : InstanceCatalogue.shipped().with(file);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JsonText.of(asJson(catalogue)) : text(catalogue));
        out.flush();
        return 0;
    }

    static String text(InstanceCatalogue catalogue) {
        InstanceCatalogue.Header header = catalogue.header();
        StringBuilder text = new StringBuilder();
        text.append("Instance catalogue: EC2 types that can run Hyper-V (shipped with ldist)\n");
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", "region", header.region()));
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", "prices as of", header.pricesAsOf()));
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", "source", header.source()));
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", "verified", header.verified() ? "yes"
                : "NO: values from memory, not verified; check those a decision rests on"));
        for (Path path : catalogue.files()) {
            text.append(String.format(Locale.ROOT, "  %-13s %s%n", "merged", path));
        }
        text.append('\n');
        String row = "%-1s %-16s %5s %5s %9s %4s %10s %8s %9s %6s  %s%n";
        text.append(String.format(Locale.ROOT, row, "", "type", "vCPUs", "phys.", "memory", "GPUs", "network",
                "USD/h", "power W", "boot", "hypervisors"));
        boolean replaced = false;
        boolean added = false;
        for (InstanceCatalogue.Entry entry : catalogue.entries()) {
            HostType type = entry.type();
            String mark = switch (entry.origin()) {
                case SHIPPED -> "";
                case REPLACED -> "*";
                case ADDED -> "+";
            };
            replaced |= entry.origin() == InstanceCatalogue.Origin.REPLACED;
            added |= entry.origin() == InstanceCatalogue.Origin.ADDED;
            text.append(String.format(Locale.ROOT, row, mark, entry.name(), type.cores(), entry.physicalCores(),
                    number(type.ramMb() / 1024) + " GiB", number(type.gpus()), number(type.netMbps() / 1000) + " Gbps",
                    String.format(Locale.ROOT, "%.4f", type.priceUsdPerHour()),
                    number(type.power().idleWatts()) + "-" + number(type.power().watts(1)),
                    Durations.describe(type.bootTimeS()), hypervisors(entry)));
        }
        if (replaced || added) {
            text.append('\n');
            if (replaced) {
                text.append("* replaced by a type of the same name in a merged file\n");
            }
            if (added) {
                text.append("+ added by a merged file\n");
            }
        }
        text.append("\nName a type in a scenario as fleet.hosts[].type (or scaling's launchType, costs.hostTypes[].type,\n"
                + "live.launch.instanceType), or start one from it: fleet.hostTypes: [{from: m5.metal, pricePerHour: 3.9}].\n");
        return text.toString();
    }

    private static String hypervisors(InstanceCatalogue.Entry entry) {
        String list = entry.hypervisors().isEmpty() ? "-" : String.join(", ", entry.hypervisors());
        return entry.virtualization().isEmpty() ? list : list + " (" + entry.virtualization() + ")";
    }

    static Map<String, Object> asJson(InstanceCatalogue catalogue) {
        InstanceCatalogue.Header header = catalogue.header();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("region", header.region());
        json.put("pricesAsOf", header.pricesAsOf());
        json.put("source", header.source());
        json.put("verified", header.verified());
        json.put("files", catalogue.files().stream().map(Path::toString).toList());
        List<Map<String, Object>> types = new ArrayList<>();
        for (InstanceCatalogue.Entry entry : catalogue.entries()) {
            HostType type = entry.type();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", entry.name());
            row.put("cores", type.cores());
            row.put("physicalCores", entry.physicalCores());
            row.put("mipsPerCore", plain(type.mipsPerCore()));
            row.put("ramMiB", plain(type.ramMb()));
            row.put("gpus", plain(type.gpus()));
            row.put("networkMbps", plain(type.netMbps()));
            row.put("pricePerHour", plain(type.priceUsdPerHour()));
            Map<String, Object> power = new LinkedHashMap<>();
            power.put("idle", plain(type.power().idleWatts()));
            power.put("max", plain(type.power().watts(1)));
            row.put("power", power);
            row.put("bootTimeS", plain(type.bootTimeS()));
            row.put("resumeTimeS", plain(type.resumeTimeS()));
            row.put("virtualization", entry.virtualization());
            row.put("hypervisors", entry.hypervisors());
            row.put("origin", entry.origin().name().toLowerCase(Locale.ROOT));
            row.put("file", entry.file());
            types.add(row);
        }
        json.put("types", types);
        return json;
    }

    /** A whole number without its ".0", others as they are. */
    private static Object plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
