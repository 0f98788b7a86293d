package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON Pointers (RFC 6901) as plain strings, the key of the source map, and their rendering in the
 * dotted form users read and write ({@code fleet.hosts[0].count}).
 */
final class Pointers {

    private Pointers() {
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The enclosing pointer, or empty for the root pointer {@code ""}. */
    static Optional<String> parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(pointer.substring(0, slash));
    }

    /** The unescaped reference tokens, e.g. {@code /a~1b/0} gives {@code [a/b, 0]}. */
    static List<String> segments(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/', got '" + pointer + "'");
        }
        List<String> segments = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            segments.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** True when {@code pointer} is {@code ancestor} or lies inside it. */
    static boolean isWithin(String pointer, String ancestor) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }

    /**
     * The dotted form of a pointer into {@code root}: array indexes as {@code [i]}, field names
     * joined by dots. Where the pointer leaves the tree (a missing field), a purely numeric token
     * is taken as an index.
     */
    static String dotted(JsonNode root, String pointer) {
        StringBuilder path = new StringBuilder();
        JsonNode node = root;
        for (String segment : segments(pointer)) {
            boolean index = node == null ? segment.matches("\\d+") : node.isArray();
            if (index) {
                path.append('[').append(segment).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(segment);
            }
            node = node == null ? null : (index ? node.get(Integer.parseInt(segment)) : node.get(segment));
        }
        return path.toString();
    }
}
