package org.tutti.schema.h2;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parser for what {@code tutti.submit_changes} receives on H2: one flat JSON object whose values
 * are strings or null ({@code {"email": "a@b.fr", "address2": null}}). A value of another kind
 * (number, boolean, array, object) is kept as {@link #NOT_A_STRING}, so that the caller names the
 * field in its error; malformed JSON raises TU422 {@code invalid:changes}. A repeated key keeps its
 * last value, as PostgreSQL's jsonb does.
 */
final class FlatJson {

    /** The value of a field that is neither a string nor null. */
    static final String NOT_A_STRING = new String("\u0000not a string");

    private final String text;
    private int position;

    private FlatJson(String text) {
        this.text = text;
    }

    static Map<String, String> parseObject(String json) throws SQLException {
        if (json == null) {
            throw malformed();
        }
        FlatJson parser = new FlatJson(json);
        Map<String, String> values = parser.object();
        parser.skipWhitespace();
        if (parser.position != json.length()) {
            throw malformed();
        }
        return values;
    }

    private Map<String, String> object() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return values;
        }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            String value = value();
            values.remove(key);
            values.put(key, value);
            skipWhitespace();
            char next = next();
            if (next == '}') {
                return values;
            }
            if (next != ',') {
                throw malformed();
            }
        }
    }

    private String value() throws SQLException {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", position)) {
            position += 4;
            return null;
        }
        if (text.startsWith("true", position)) {
            position += 4;
            return NOT_A_STRING;
        }
        if (text.startsWith("false", position)) {
            position += 5;
            return NOT_A_STRING;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            return NOT_A_STRING;
        }
        if (c == '[' || c == '{') {
            skipNested();
            return NOT_A_STRING;
        }
        throw malformed();
    }

    /** Skips an array or object, strings inside included. */
    private void skipNested() throws SQLException {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            position++;
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        } while (depth > 0);
    }

    private String string() throws SQLException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw malformed();
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed();
                    }
                    position += 4;
                }
                default -> throw malformed();
            }
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private char peek() throws SQLException {
        if (position >= text.length()) {
            throw malformed();
        }
        return text.charAt(position);
    }

    private char next() throws SQLException {
        char c = peek();
        position++;
        return c;
    }

    private void expect(char expected) throws SQLException {
        if (next() != expected) {
            throw malformed();
        }
    }

    private static SQLException malformed() {
        return new SQLException("invalid:changes", ChangeRequests.UNACCEPTABLE);
    }
}
