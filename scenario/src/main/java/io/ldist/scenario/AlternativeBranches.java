package io.ldist.scenario;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps {@code oneOf}/{@code anyOf} failures readable. When a value matches none of the
 * alternatives, the validator reports the errors of every alternative, most of which are noise
 * (a mapping "is not a string", "kind must be 'threshold'" and "kind must be 'pabfd'"...). This
 * class reports, for each failed group of alternatives, only what helps:
 * <ul>
 *   <li>if some alternatives have the right shape and the right discriminating value, the errors
 *       of the one with the fewest errors (say, the threshold that is out of range);</li>
 *   <li>otherwise, if they fail only on a {@code const}/{@code enum} choice at the same place, one
 *       problem listing every allowed value (with a did-you-mean hint);</li>
 *   <li>otherwise, if the value's type fits no alternative, one problem listing the types.</li>
 * </ul>
 * Groups nested inside the chosen alternative are treated the same way.
 */
final class AlternativeBranches {

    /** How close an alternative came to matching; declared from most to least relevant. */
    private enum Relevance {
        /** Right type and discriminator: its errors are the real mistakes. */
        RIGHT_KIND,
        /** Right type, but a {@code const}/{@code enum} at the value or just below it differs. */
        WRONG_CHOICE,
        /** The value itself has the wrong type for this alternative. */
        WRONG_SHAPE
    }

    /** The errors of one failed {@code oneOf}/{@code anyOf} applied to the value at {@code at}, by alternative. */
    private static final class Group {
        final int keywordDepth;
        final String at;
        Error summary;
        final Map<Integer, List<Error>> branches = new TreeMap<>();

        Group(int keywordDepth, String at) {
            this.keywordDepth = keywordDepth;
            this.at = at;
        }
    }

    private final SchemaErrorTranslator translator;

    AlternativeBranches(SchemaErrorTranslator translator) {
        this.translator = translator;
    }

    List<ScenarioProblem> reduce(List<Error> errors) {
        return reduce(errors, 0);
    }

    /** Reduces errors whose evaluation paths are considered from segment {@code from} on. */
    private List<ScenarioProblem> reduce(List<Error> errors, int from) {
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Error error : errors) {
            NodePath path = error.getEvaluationPath();
            int depth = alternativesKeyword(error, from);
            if (depth < 0) {
                problems.add(translator.translate(error));
                continue;
            }
            // The same keyword applies to each element of a list: group by keyword and by value.
            String at = instanceAt(error, depth);
            Group group = groups.computeIfAbsent(prefix(path, depth) + " at " + at, key -> new Group(depth, at));
            if (depth == path.getNameCount() - 1) {
                group.summary = error;
            } else {
                group.branches.computeIfAbsent((Integer) path.getElement(depth + 1), i -> new ArrayList<>()).add(error);
            }
        }
        groups.values().forEach(group -> problems.addAll(resolve(group)));
        return problems;
    }

    private List<ScenarioProblem> resolve(Group group) {
        if (group.branches.isEmpty()) {
            // A oneOf that matched several alternatives: only its own error says so.
            return group.summary == null ? List.of() : List.of(translator.translate(group.summary));
        }
        String at = group.at;
        int branchDepth = group.keywordDepth + 2;
        Relevance best = group.branches.values().stream()
                .map(errors -> relevance(errors, at, branchDepth))
                .min(Comparator.naturalOrder())
                .orElseThrow();
        List<List<Error>> candidates = group.branches.values().stream()
                .filter(errors -> relevance(errors, at, branchDepth) == best)
                .toList();
        List<Error> candidateErrors = candidates.stream()
                .flatMap(errors -> ownErrors(errors, branchDepth).stream())
                .toList();
        if (best == Relevance.WRONG_SHAPE) {
            return List.of(translator.wrongShape(at,
                    candidateErrors.stream().filter(error -> isTypeErrorAt(error, at)).toList(),
                    Optional.ofNullable(group.summary)));
        }
        if (best == Relevance.WRONG_CHOICE) {
            List<Error> choices = candidateErrors.stream().filter(error -> isChoiceErrorNear(error, at)).toList();
            List<String> places = choices.stream().map(AlternativeBranches::pointer).distinct().toList();
            if (places.size() == 1) {
                return List.of(translator.wrongChoice(places.get(0), choices));
            }
        }
        List<Error> fewest = candidates.stream().min(Comparator.comparingInt(List::size)).orElseThrow();
        return reduce(fewest, branchDepth);
    }

    /**
     * Judges an alternative by its own errors only: those of alternatives nested inside it say
     * how well a nested choice fits, not whether this alternative is the one meant.
     */
    private static Relevance relevance(List<Error> branch, String at, int branchDepth) {
        List<Error> own = ownErrors(branch, branchDepth);
        if (own.stream().anyMatch(error -> isTypeErrorAt(error, at))) {
            return Relevance.WRONG_SHAPE;
        }
        if (own.stream().anyMatch(error -> isChoiceErrorNear(error, at))) {
            return Relevance.WRONG_CHOICE;
        }
        return Relevance.RIGHT_KIND;
    }

    private static List<Error> ownErrors(List<Error> branch, int branchDepth) {
        return branch.stream().filter(error -> alternativesKeyword(error, branchDepth) < 0).toList();
    }

    private static boolean isTypeErrorAt(Error error, String at) {
        return error.getKeyword().equals("type") && pointer(error).equals(at);
    }

    /** A {@code const}/{@code enum} mismatch of the value itself or of one of its fields (a discriminator). */
    private static boolean isChoiceErrorNear(Error error, String at) {
        String pointer = pointer(error);
        boolean choice = error.getKeyword().equals("const") || error.getKeyword().equals("enum");
        return choice && (pointer.equals(at) || Pointers.parent(pointer).filter(at::equals).isPresent());
    }

    /**
     * Depth in the evaluation path, at or after {@code from}, of the first {@code oneOf}/{@code anyOf}
     * this error belongs to: either followed by an alternative index, or ending the path (the
     * {@code oneOf}'s own error); -1 if none.
     */
    private static int alternativesKeyword(Error error, int from) {
        NodePath path = error.getEvaluationPath();
        for (int depth = from; depth < path.getNameCount(); depth++) {
            String name = path.getName(depth);
            if (!name.equals("oneOf") && !name.equals("anyOf")) {
                continue;
            }
            boolean last = depth == path.getNameCount() - 1;
            if (last ? error.getKeyword().equals(name) : path.getElement(depth + 1) instanceof Integer) {
                return depth;
            }
        }
        return -1;
    }

    private static String prefix(NodePath path, int depth) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i <= depth; i++) {
            prefix.append('/').append(path.getName(i));
        }
        return prefix.toString();
    }

    /**
     * The value a keyword at {@code depth} of the error's evaluation path applies to. Each
     * applicator before it that descends into a member or element ({@code properties/x},
     * {@code items}...) moves one level into the error's instance location.
     */
    private static String instanceAt(Error error, int depth) {
        NodePath path = error.getEvaluationPath();
        int levels = 0;
        int i = 0;
        while (i < depth) {
            switch (path.getName(i)) {
                case "properties", "patternProperties", "prefixItems" -> {
                    levels++;
                    i++; // skip the property name, pattern or position that follows
                }
                case "dependentSchemas", "allOf", "anyOf", "oneOf" -> i++; // skip the name or index; same value
                case "additionalProperties", "unevaluatedProperties", "items", "additionalItems",
                        "unevaluatedItems", "contains" -> levels++;
                default -> {
                    // $ref, if/then/else, not...: still the same value
                }
            }
            i++;
        }
        String at = "";
        List<String> segments = Pointers.segments(pointer(error));
        for (String segment : segments.subList(0, Math.min(levels, segments.size()))) {
            at = Pointers.child(at, segment);
        }
        return at;
    }

    private static String pointer(Error error) {
        return SchemaErrorTranslator.pointerOf(error.getInstanceLocation());
    }
}
