package io.ldist.cli.compare;

import io.ldist.reports.ResultsTable;

import io.ldist.cli.BadInputException;
import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.Overrides;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioException;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.scenario.ScenarioProblem;
import io.ldist.scenario.TraceCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every run of a comparison: each variant on each day and each seed, loaded and checked before anything runs
 * (one bad combination stops the comparison before it starts).
 */
final class RunMatrix {
    /** One run: what it is and the loaded scenario to simulate. */
    record Run(Variant variant, String day, long seed, LoadedScenario scenario) { }

    private RunMatrix() {
    }

    /**
     * @param days    days to run (trace folders beside the scenario's), {@code ["all"]} for every one, or empty to
     *                keep each scenario's own
     * @param seeds   how many seeds, from each scenario's own upwards
     */
    static List<Run> build(List<Variant> variants, List<String> days, int seeds, TraceCache traces) {
        List<Run> runs = new ArrayList<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        for (Variant variant : variants) {
            List<String> variantDays;
            Path folder;
            try {
                folder = days.isEmpty() ? null : traceFolder(variant);
                variantDays = days.isEmpty() ? List.of("") : daysOf(folder, days);
            } catch (ScenarioException e) {
                e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
                continue;
            }
            for (String day : variantDays) {
                List<String> overrides = new ArrayList<>(variant.overrides());
                if (!day.isEmpty()) {
                    // Quoted, so that YAML reads any folder name (one with ': ' or ' #' in it) as the text it is.
                    overrides.add("workload.path='" + folder.resolveSibling(day).toString().replace("'", "''") + "'");
                }
                LoadedScenario scenario;
                try {
                    scenario = ScenarioLoader.load(variant.scenario(), overrides, traces);
                } catch (ScenarioException e) {
                    e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
                    continue;
                }
                for (int i = 0; i < seeds; i++) {
                    long seed = scenario.spec().seed() + i;
                    runs.add(new Run(variant, day.isEmpty() ? ResultsTable.OWN_WORKLOAD : day, seed, scenario.withSeed(seed)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return runs;
    }

    private static List<String> daysOf(Path traceFolder, List<String> days) {
        Path parent = traceFolder.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException("--days: the days are the folders beside the trace folder " + traceFolder
                    + ", but " + (parent == null ? "it has no parent folder" : parent + " is not a folder"));
        }
        List<String> available = dayFolders(parent);
        if (days.size() == 1 && days.get(0).equals("all")) {
            if (available.isEmpty()) {
                throw new BadInputException("--days all: " + parent + " holds no trace folders");
            }
            return available;
        }
        for (String day : days) {
            if (!available.contains(day)) {
                throw new BadInputException("--days: no trace folder " + parent.resolve(day) + " (days there: "
                        + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
            }
        }
        return days;
    }

    private static List<String> dayFolders(Path parent) {
        try (Stream<Path> folders = Files.list(parent)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("--days: cannot list the trace folders in " + parent + ": " + e.getMessage());
        }
    }

    /**
     * The trace folder a vm-trace variant names in workload.path, resolved against the scenario's folder, after
     * every override of the variant: a {@code --set workload.path=...} moves the days with it.
     */
    private static Path traceFolder(Variant variant) {
        Path scenario = variant.scenario();
        ScenarioDocument document = Overrides.apply(ScenarioDocument.parse(scenario), variant.overrides());
        String path = document.root().at("/workload/path").asText("");
        if (!"vm-trace".equals(document.root().at("/workload/kind").asText()) || path.isEmpty()) {
            throw new BadInputException("--days applies to vm-trace scenarios, and " + scenario
                    + " has no workload.path");
        }
        return document.resolvePathAt("/workload/path").toAbsolutePath().normalize();
    }
}
