package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed scenario file: its Jackson tree plus a source map from JSON Pointer (e.g.
 * {@code /fleet/hosts/0/count}) to the place where each object member and array element was
 * written. Code that finds something wrong with a value asks the document for a
 * {@link #problem(String, String, String) problem} at that value's pointer, so every message
 * names the file, line, column and field without the caller tracking positions.
 *
 * <p>The document is immutable in intent: {@link #root()} is shared, not copied, so callers must
 * not modify it; {@link Overrides} produces a new document instead.
 */
public final class ScenarioDocument {

    /**
     * The largest scenario file read: the largest real ones are a few KiB, and the YAML parser needs minutes for
     * a file of a hundred MiB (a data file named by mistake).
     */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final String displayName;
    private final Path baseDirectory;
    private final JsonNode root;
    private final Map<String, SourcePosition> positions;

    ScenarioDocument(String displayName, Path baseDirectory, JsonNode root, Map<String, SourcePosition> positions) {
        this.displayName = displayName;
        this.baseDirectory = baseDirectory;
        this.root = root;
        this.positions = Map.copyOf(positions);
    }

    /** Reads and parses a scenario file; messages name it as given (e.g. {@code scenarios/x.yaml}). */
    public static ScenarioDocument parse(Path file) {
        return parse(file, "scenario");
    }

    /** As {@link #parse(Path)}, for a file of another {@code kind} ("catalogue"), which messages name. */
    static ScenarioDocument parse(Path file, String kind) {
        String text;
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (size > MAX_BYTES) {
                throw fileProblem(file, kind, String.format(java.util.Locale.ROOT, "%,d bytes: a " + kind
                        + " is at most %,d bytes" + (kind.equals("scenario")
                        ? " (tasks to replay go in a CSV file named by workload.csv)" : ""), size, MAX_BYTES));
            }
            text = ScenarioText.decode(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw fileProblem(file, kind, "no such file");
        } catch (AccessDeniedException e) {
            throw fileProblem(file, kind, "a file ldist may not read (permission denied)");
        } catch (IOException e) {
            throw fileProblem(file, kind, Files.isDirectory(file) ? "a folder"
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return parse(text, file.toString(), directoryOf(file), kind);
    }

    /**
     * Parses scenario text. {@code displayName} names it in messages and, read as a path, gives
     * the directory that relative paths in the scenario are resolved against (the working
     * directory when it has no parent or is not a path).
     */
    public static ScenarioDocument parse(String text, String displayName) {
        Path base;
        try {
            base = directoryOf(Path.of(displayName));
        } catch (InvalidPathException e) {
            base = Path.of("");
        }
        return parse(text, displayName, base, "scenario");
    }

    /** As {@link #parse(String, String)}, for text of another {@code kind} ("catalogue"), which messages name. */
    static ScenarioDocument parse(String text, String displayName, String kind) {
        return parse(text, displayName, directoryOf(Path.of(displayName)), kind);
    }

    private static ScenarioDocument parse(String text, String displayName, Path baseDirectory, String kind) {
        YamlTreeReader.Result read = YamlTreeReader.read(ScenarioText.checkPrintable(text, displayName), displayName);
        JsonNode root = read.root().orElseThrow(() -> new ScenarioException(new ScenarioProblem(
                displayName, Optional.empty(), "", "a mapping of " + kind + " fields", "an empty document")));
        ScenarioDocument document = new ScenarioDocument(displayName, baseDirectory, root, read.positions());
        if (!root.isObject()) {
            throw new ScenarioException(document.problem("", "a mapping of " + kind + " fields at the top level",
                    Phrases.describe(root)));
        }
        return document;
    }

    /** The name used for this document in messages. */
    public String displayName() {
        return displayName;
    }

    /** The parsed tree, a mapping at the top level. Shared: do not modify. */
    public JsonNode root() {
        return root;
    }

    /**
     * Where the value at {@code jsonPointer} was written. A pointer without a position of its own
     * (typically a field that is missing) gets that of its nearest enclosing value, so that a
     * message about a missing field points at the object that lacks it.
     */
    public Optional<SourcePosition> positionOf(String jsonPointer) {
        String pointer = jsonPointer;
        while (true) {
            SourcePosition position = positions.get(pointer);
            if (position != null) {
                return Optional.of(position);
            }
            Optional<String> parent = Pointers.parent(pointer);
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            pointer = parent.get();
        }
    }

    /** The dotted form of a pointer into this document, e.g. {@code fleet.hosts[0].count}. */
    public String fieldPath(String jsonPointer) {
        return Pointers.dotted(root, jsonPointer);
    }

    /** A problem about the value at {@code jsonPointer}, with file, position and field path filled in. */
    public ScenarioProblem problem(String jsonPointer, String expected, String found) {
        return new ScenarioProblem(displayName, positionOf(jsonPointer), fieldPath(jsonPointer), expected, found);
    }

    /** As {@link #problem(String, String, String)}, with an optional hint such as {@code did you mean 'x'?}. */
    public ScenarioProblem problem(String jsonPointer, String expected, String found, Optional<String> hint) {
        return problem(jsonPointer, expected, found).withHint(hint);
    }

    /**
     * Resolves a path written in the scenario: relative paths are taken from the scenario file's
     * directory, so a scenario can be run from anywhere; absolute paths are returned unchanged.
     */
    public Path resolvePath(String value) {
        Path path = Path.of(value);
        return path.isAbsolute() ? path : baseDirectory.resolve(path).normalize();
    }

    static final String PATH_EXPECTED = "a file or folder path";

    static String notAPath(String written) {
        return "'" + written + "', which holds a character no path may hold";
    }

    /**
     * The path written at {@code jsonPointer}, resolved as {@link #resolvePath} does; refused with its place when
     * it holds a character no path may hold (a NUL).
     */
    public Path resolvePathAt(String jsonPointer) {
        String written = root().at(jsonPointer).asText("");
        try {
            return resolvePath(written);
        } catch (InvalidPathException e) {
            throw new ScenarioException(List.of(problem(jsonPointer, PATH_EXPECTED, notAPath(written))));
        }
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }

    private static Path directoryOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static ScenarioException fileProblem(Path file, String kind, String found) {
        return new ScenarioException(new ScenarioProblem(file.toString(), Optional.empty(), "",
                "a readable " + kind + " file", found));
    }
}
