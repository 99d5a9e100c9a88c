package dev.triagedesk.evidence.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Tells an OpenAI Batch file from the head of a document that starts with a JSON object: a line of an output, error
 * or input file has a {@code custom_id} (or a {@code batch_req_…} id), the Batch object says {@code "object":
 * "batch"}, and a list of them {@code "object": "list"} with such objects in {@code data}. Only the first object's
 * top-level fields are looked at, as far as the head goes; a HAR ({@code {"log": …}}) has none of them.
 */
final class BatchShape {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private BatchShape() {
    }

    static boolean of(String head) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), head)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            return topLevel(p, 0);
        } catch (JacksonException cutOrBroken) {
            return false; // not what this reads; the HAR reader says what is wrong with it
        }
    }

    /** Whether the object the parser is in is a Batch line or object; {@code depth} 1 inside a list's data. */
    private static boolean topLevel(JsonParser p, int depth) {
        boolean list = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (depth == 0 && name.equals("custom_id")) {
                return true;
            }
            if (name.equals("id") && t == JsonToken.VALUE_STRING && p.getString().startsWith("batch_req_")) {
                return depth == 0;
            }
            if (name.equals("object") && t == JsonToken.VALUE_STRING) {
                String object = p.getString();
                if (object.equals("batch")) {
                    return true;
                }
                list = depth == 0 && object.equals("list");
                if (!list) {
                    return false;
                }
            } else if (name.equals("data") && t == JsonToken.START_ARRAY && depth == 0) {
                // {"object": "list", "data": [{... "object": "batch" ...}]}, in either order
                return p.nextToken() == JsonToken.START_OBJECT && topLevel(p, 1);
            } else {
                p.skipChildren();
            }
        }
        return false;
    }
}
