package io.github.camelanaplan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The seeded random mutation of {@link Lie#corrupt(long, double)}: one structural change per answer. */
final class JsonCorruption {

    private record Location(ContainerNode<?> parent, String field, int index, String pointer, JsonNode value) {
    }

    private JsonCorruption() {
    }

    /** Mutates {@code root} in place at one random location; empty when the document has nothing to mutate. */
    static List<JsonMutation> mutate(JsonNode root, Random rnd) {
        List<Location> all = new ArrayList<>();
        collect(root, "", all);
        if (all.isEmpty()) {
            return List.of();
        }
        Location at = all.get(rnd.nextInt(all.size()));
        List<JsonMutation.Kind> kinds = new ArrayList<>(List.of(JsonMutation.Kind.CHANGE_TYPE));
        if (at.parent.isObject()) {
            kinds.add(JsonMutation.Kind.DROP_FIELD);
        }
        if (!at.value.isNull()) {
            kinds.add(JsonMutation.Kind.NULL_VALUE);
        }
        if (at.value.isArray() && at.value.size() > 0) {
            kinds.add(JsonMutation.Kind.TRUNCATE_ARRAY);
            kinds.add(JsonMutation.Kind.DUPLICATE_ELEMENT);
        }
        List<Location> sameType = new ArrayList<>();
        for (Location o : all) {
            if (o != at && o.value.getNodeType() == at.value.getNodeType() && o.value.isValueNode() && !o.value.equals(at.value)) {
                sameType.add(o);
            }
        }
        if (!sameType.isEmpty()) {
            kinds.add(JsonMutation.Kind.SWAP_VALUE);
        }
        JsonMutation.Kind kind = kinds.get(rnd.nextInt(kinds.size()));
        String before = at.value.toString();
        JsonNode after;
        switch (kind) {
            case DROP_FIELD:
                ((ObjectNode) at.parent).remove(at.field);
                return List.of(new JsonMutation(kind, at.pointer, before, null));
            case NULL_VALUE:
                after = com.fasterxml.jackson.databind.node.NullNode.getInstance();
                break;
            case TRUNCATE_ARRAY: {
                ArrayNode a = (ArrayNode) at.value;
                int keep = rnd.nextInt(a.size());
                while (a.size() > keep) {
                    a.remove(a.size() - 1);
                }
                return List.of(new JsonMutation(kind, at.pointer, before, a.toString()));
            }
            case DUPLICATE_ELEMENT: {
                ArrayNode a = (ArrayNode) at.value;
                int i = rnd.nextInt(a.size());
                a.insert(i + 1, a.get(i).deepCopy());
                return List.of(new JsonMutation(kind, at.pointer, before, a.toString()));
            }
            case SWAP_VALUE:
                after = sameType.get(rnd.nextInt(sameType.size())).value.deepCopy();
                break;
            case CHANGE_TYPE:
            default:
                after = otherType(at.value);
                break;
        }
        set(at, after);
        return List.of(new JsonMutation(kind, at.pointer, before, after.toString()));
    }

    /** A value of another JSON type, derived from the original so the change stays plausible. */
    static JsonNode otherType(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        switch (t) {
            case STRING:
                return Json.MAPPER.getNodeFactory().numberNode(v.asText().length());
            case NUMBER:
            case BOOLEAN:
                return TextNode.valueOf(v.asText());
            case OBJECT:
                return Json.array().add(v.deepCopy());
            case ARRAY:
                return Json.object();
            default:
                return TextNode.valueOf("null");
        }
    }

    private static void set(Location at, JsonNode value) {
        if (at.parent.isObject()) {
            ((ObjectNode) at.parent).set(at.field, value);
        } else {
            ((ArrayNode) at.parent).set(at.index, value);
        }
    }

    private static void collect(JsonNode node, String pointer, List<Location> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(new Location((ObjectNode) node, e.getKey(), -1, p, e.getValue()));
                collect(e.getValue(), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = pointer + "/" + i;
                out.add(new Location((ArrayNode) node, null, i, p, node.get(i)));
                collect(node.get(i), p, out);
            }
        }
    }
}
