/**
 * Reading scenario files, and refusing bad ones with messages their authors can act on.
 *
 * <p>This package is schema-agnostic: it knows YAML, JSON Schema and units, not what a scenario
 * contains. The scenario schema and the mapping to domain records are built on top of it.
 *
 * <h2>Typical use</h2>
 * <pre>{@code
 * static final SchemaValidation SCHEMA = SchemaValidation.fromClasspath("io/ldist/scenario/scenario.schema.json");
 *
 * ScenarioDocument document = ScenarioDocument.parse(Path.of("scenarios/quickstart.yaml"));
 * document = Overrides.apply(document, setOptions);   // e.g. "fleet.hosts[0].count=12"
 * SCHEMA.validate(document);                          // every schema violation at once
 *
 * // While mapping document.root() to records, report what the schema cannot judge:
 * List<ScenarioProblem> problems = new ArrayList<>();
 * try {
 *     double seconds = Units.DURATION.parse(document.root().at("/workload/duration").asText());
 * } catch (InvalidQuantityException e) {
 *     problems.add(e.problemAt(document, "/workload/duration"));
 * }
 * if (!problems.isEmpty()) {
 *     throw new ScenarioException(problems);
 * }
 * }</pre>
 * At the top level, catch {@link io.ldist.scenario.ScenarioException}, print its message (one
 * problem per line, in reading order) and exit with a failure status.
 *
 * <h2>Messages</h2>
 * Every problem is one line:
 * {@code <file>:<line>:<column>: <field.path>: expected <what>, found <what>[; did you mean 'x'?]},
 * e.g. {@code scenarios/quickstart.yaml:12:5: fleet.hosts[0].count: expected an integer >= 1, found -3}.
 * Values set on the command line are located at the option instead of a line:
 * {@code --set fleet.hosts[0].count=-3: fleet.hosts[0].count: expected ...}.
 * Malformed YAML reads {@code <file>:<line>:<column>: malformed YAML: <parser's reason>}.
 * A wrong line in a data file the scenario names (a trace, a task CSV) is reported at the field
 * that names it, then the data file and line:
 * {@code s.yaml:19:3: workload.path: trace file day/vm-02:17: expected an integer CPU utilisation
 * in percent (0-100), found 'abc'}.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link io.ldist.scenario.ScenarioDocument}: the parsed tree and its source map;
 *       {@code parse(Path)}, {@code parse(String, String)}, {@code root()},
 *       {@code positionOf(pointer)}, {@code fieldPath(pointer)},
 *       {@code problem(pointer, expected, found[, hint])}, {@code resolvePath(String)}.</li>
 *   <li>{@link io.ldist.scenario.SourcePosition}: a line and column in the file
 *       ({@code InFile}), or the {@code --set} that wrote a value ({@code FromOverride}).</li>
 *   <li>{@link io.ldist.scenario.ScenarioProblem}: one problem and its {@code format()}.</li>
 *   <li>{@link io.ldist.scenario.ScenarioException}: the refusal, carrying all problems.</li>
 *   <li>{@link io.ldist.scenario.SchemaValidation}: JSON Schema (2020-12) validation with
 *       plain-language problems; {@code fromClasspath(resource)}, {@code problems(document)},
 *       {@code validate(document)}.</li>
 *   <li>{@link io.ldist.scenario.Overrides}: {@code apply(document, assignments)} for
 *       {@code --set path=value}.</li>
 *   <li>{@link io.ldist.scenario.Units}: {@code DURATION} (seconds), {@code SIZE} (MiB),
 *       {@code BANDWIDTH} (Mbit/s), {@code FRACTION}; {@code parse(text[, allowNegative])}
 *       throws {@link io.ldist.scenario.InvalidQuantityException}.</li>
 *   <li>{@link io.ldist.engine.util.NearestName}: did-you-mean suggestions for any list of names.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Fields are addressed by RFC 6901 JSON Pointer strings ({@code /fleet/hosts/0/count};
 *       {@code ""} is the top level) and shown to users in dotted form
 *       ({@code fleet.hosts[0].count}).</li>
 *   <li>{@code JsonNode} here is Jackson 2 ({@code com.fasterxml.jackson.databind}), like the
 *       rest of ldist. The networknt validator 3.x works on Jackson 3 ({@code tools.jackson});
 *       that is confined to {@code SchemaValidation} and its package-private helpers.</li>
 *   <li>A schema may give a {@code title} phrased as what it accepts ({@code "a size such as
 *       4GiB"}); problems about a missing value or a value of the wrong type use it instead of
 *       the bare JSON types. A schema's {@code $id} is resolved to the resource it was loaded
 *       from, never fetched.</li>
 *   <li>YAML is read as YAML 1.2 expects: {@code key:} with no value is null, only
 *       {@code true}/{@code false} are booleans, and anchors/aliases are refused.</li>
 * </ul>
 */
package io.ldist.scenario;
