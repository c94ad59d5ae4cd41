package org.tutti.schema.h2;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code tutti.submit_changes} receives on H2, read with Jackson: one JSON object whose values
 * are strings or null ({@code {"email": "a@b.fr", "address2": null}}). A value of another kind
 * (number, boolean, array, object) is kept as {@link #NOT_A_STRING}, so that the caller names the
 * field in its error; malformed JSON, or JSON that is not an object, raises TU422
 * {@code invalid:changes}. A repeated key keeps its last value, as PostgreSQL's jsonb does.
 */
final class ChangeJson {

    /** The value of a field that is neither a string nor null (compared by identity). */
    static final String NOT_A_STRING = new String("\u0000not a string");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ChangeJson() {
    }

    static Map<String, String> parseObject(String json) throws SQLException {
        JsonNode root = readObject(json, "invalid:changes");
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isNull() ? null : value.isTextual() ? value.textValue() : NOT_A_STRING);
        }
        return values;
    }

    /**
     * The {@code shown} object of submit_changes: {field: a request id (a whole number) or null};
     * anything else raises TU422 {@code invalid:shown}.
     */
    static Map<String, Long> parseIds(String json) throws SQLException {
        JsonNode root = readObject(json, "invalid:shown");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                ids.put(field.getKey(), null);
            } else if (value.canConvertToExactIntegral() && value.canConvertToLong() && value.asLong() >= 0) {
                ids.put(field.getKey(), value.asLong());
            } else {
                throw new SQLException("invalid:shown", ChangeRequests.UNACCEPTABLE);
            }
        }
        return ids;
    }

    /** {@code json} as a JSON object; TU422 {@code message} when it is malformed or not an object. */
    private static JsonNode readObject(String json, String message) throws SQLException {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new SQLException(message, ChangeRequests.UNACCEPTABLE);
        }
        return root;
    }
}
