package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies a Jackson 2 tree (what ldist parses scenarios with) into a Jackson 3 tree (what the
 * networknt validator 3.x works on). Copying node by node keeps numbers exactly as parsed, which
 * a round trip through JSON text would not guarantee.
 */
final class JacksonBridge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JacksonBridge() {
    }

    /**
     * A number past the range of a long, which is then a whole number. The validator compares such a number
     * with an integer bound through {@code asLong()}, and that fails on a double (1e308); as a BigInteger it is
     * compared exactly, and the bound refuses it in the user's words.
     */
    private static boolean beyondLong(BigDecimal value) {
        return value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0;
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                node.properties().forEach(field -> object.set(field.getKey(), toJackson3(field.getValue())));
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode(node.size());
                node.forEach(element -> array.add(toJackson3(element)));
                yield array;
            }
            case STRING -> NODES.stringNode(node.textValue());
            case NUMBER -> switch (node.numberType()) {
                case INT -> NODES.numberNode(node.intValue());
                case LONG -> NODES.numberNode(node.longValue());
                case BIG_INTEGER -> NODES.numberNode(node.bigIntegerValue());
                case FLOAT, DOUBLE -> beyondLong(node.decimalValue())
                        ? NODES.numberNode(node.decimalValue().toBigInteger()) : NODES.numberNode(node.doubleValue());
                case BIG_DECIMAL -> beyondLong(node.decimalValue())
                        ? NODES.numberNode(node.decimalValue().toBigInteger()) : NODES.numberNode(node.decimalValue());
            };
            case BOOLEAN -> NODES.booleanNode(node.booleanValue());
            case NULL, MISSING -> NODES.nullNode();
            case BINARY, POJO -> throw new IllegalArgumentException(
                    "scenario trees hold only YAML values, found a " + node.getNodeType() + " node");
        };
    }
}
