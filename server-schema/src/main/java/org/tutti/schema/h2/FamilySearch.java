package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.h2.tools.SimpleResultSet;

/**
 * {@code tutti.search_families(query, max_rows)} on H2, with the results, the order and the
 * refusals of {@code db/migration/postgresql/V16__family_search.sql} (SQL-API.md, "Front desk —
 * search"). PostgreSQL keeps one search row per family behind a trigram index; H2 (the embedded
 * demo's few hundred families) builds the same words for the site's families at each call.
 */
public final class FamilySearch {

    /** At most this many rows, whatever max_rows asks. */
    static final int MAX_ROWS = 200;
    static final int MAX_QUERY = 100;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern PHONE_QUERY = Pattern.compile("^\\+?[0-9][0-9 .()/-]*$");
    private static final Pattern EDGE_SIGNS = Pattern.compile("^[^a-z0-9]+|[^a-z0-9]+$");
    private static final Pattern IDENTIFIER_LETTERS = Pattern.compile("^[a-z]+");

    private FamilySearch() {
    }

    private record Found(long familyId, int rank, String nameKey, String identifierKey) {
    }

    /** {@code tutti.fold}: lower case without accents ("Léa" → "lea", "Œ" → "oe", ’ → '). */
    public static String fold(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case 'æ' -> plain.append("ae");
                case 'Æ' -> plain.append("AE");
                case 'œ' -> plain.append("oe");
                case 'Œ' -> plain.append("OE");
                case 'ß' -> plain.append("ss");
                case 'ø' -> plain.append('o');
                case 'Ø' -> plain.append('O');
                case 'ł' -> plain.append('l');
                case 'Ł' -> plain.append('L');
                case 'đ' -> plain.append('d');
                case 'Đ' -> plain.append('D');
                case '’', '‘', 'ʼ' -> plain.append('\'');
                default -> plain.append(c);
            }
        }
        String stripped = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
        return stripped.toLowerCase(Locale.ROOT);
    }

    /** {@code tutti.search_words}: the folded value, and its parts when it holds other signs. */
    static String searchWords(String value) {
        if (value == null) {
            return null;
        }
        String folded = SPACES.matcher(fold(value)).replaceAll(" ").strip();
        if (folded.chars().anyMatch(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' '))) {
            return folded + " " + NOT_ALNUM.matcher(folded).replaceAll(" ").strip();
        }
        return folded;
    }

    /** {@code tutti.phone_digits}: "+33 6 12 34 56 78" → "0612345678"; null without digits. */
    static String phoneDigits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (value.strip().startsWith("+") && digits.startsWith("33")) {
            return "0" + digits.substring(2);
        }
        if (digits.startsWith("0033")) {
            return "0" + digits.substring(4);
        }
        return digits;
    }

    /** {@code tutti.search_query_words}: one word of digits for a phone number, else the folded words. */
    static List<String> queryWords(String query) {
        String q = SPACES.matcher(query == null ? "" : query).replaceAll(" ").strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (PHONE_QUERY.matcher(q).matches()) {
            return List.of(phoneDigits(q));
        }
        List<String> words = new ArrayList<>();
        for (String part : fold(q).split(" ", -1)) {
            String word = EDGE_SIGNS.matcher(part).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** {@code tutti.search_families(query, max_rows)}. */
    public static ResultSet searchFamilies(Connection connection, String query, Integer maxRows) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("family_id", Types.BIGINT, 64, 0);
        result.addColumn("identifier", Types.VARCHAR, 20, 0);
        result.addColumn("family_name", Types.VARCHAR, 200, 0);
        result.addColumn("students", Types.VARCHAR, 4000, 0);
        result.addColumn("phones", Types.VARCHAR, 100, 0);
        result.addColumn("email", Types.VARCHAR, 254, 0);
        result.addColumn("city", Types.VARCHAR, 80, 0);
        if ("jdbc:columnlist:connection".equals(connection.getMetaData().getURL())) {
            return result;
        }
        long siteId = staffSite(connection);
        if (maxRows == null || maxRows < 1) {
            throw new SQLException("invalid:max_rows", ChangeRequests.UNACCEPTABLE);
        }
        if (query != null && query.codePointCount(0, query.length()) > MAX_QUERY) {
            throw new SQLException("too_long:query:" + MAX_QUERY, ChangeRequests.UNACCEPTABLE);
        }
        List<String> words = queryWords(query);
        if (words.isEmpty()) {
            return result;
        }
        String whole = String.join(" ", words);
        Map<Long, StringBuilder> documents = documents(connection, siteId);
        List<Found> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, identifier, last_name, first_name FROM tutti.family WHERE site_id = ?")) {
            statement.setLong(1, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String document = documents.get(rs.getLong(1)).append(' ').toString();
                    if (words.stream().allMatch(w -> document.contains(" " + w))) {
                        String identifierKey = fold(rs.getString(2));
                        String nameKey = fold(rs.getString(3) + " " + rs.getString(4)).strip();
                        String firstLastKey = fold(rs.getString(4) + " " + rs.getString(3)).strip();
                        int rank = identifierKey.equals(whole) ? 0
                                : nameKey.startsWith(whole) || firstLastKey.startsWith(whole) ? 1 : 2;
                        found.add(new Found(rs.getLong(1), rank, nameKey, identifierKey));
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::rank).thenComparing(Found::nameKey)
                .thenComparing(Found::identifierKey));
        for (Found f : found.subList(0, Math.min(found.size(), Math.min(maxRows, MAX_ROWS)))) {
            addRow(connection, result, f.familyId());
        }
        return result;
    }

    /** The site's families whose document every word starts a word of (as {@link #searchFamilies} finds them). */
    static java.util.Set<Long> matchingFamilies(Connection connection, long siteId, List<String> words)
            throws SQLException {
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (Map.Entry<Long, StringBuilder> family : documents(connection, siteId).entrySet()) {
            String document = family.getValue().append(' ').toString();
            if (words.stream().allMatch(w -> document.contains(" " + w))) {
                found.add(family.getKey());
            }
        }
        return found;
    }

    private static long staffSite(Connection connection) throws SQLException {
        Optional<BoundSession> session = BoundSession.live(connection, SecurityClock.now());
        if (session.isEmpty()) {
            throw new SQLException("no session", ChangeRequests.NO_SESSION);
        }
        if (!session.get().staff()) {
            throw new SQLException("forbidden", ChangeRequests.FORBIDDEN);
        }
        return session.get().siteId();
    }

    /** The words of every family of the site, as {@code tutti.family_search_document} writes them. */
    private static Map<Long, StringBuilder> documents(Connection connection, long siteId) throws SQLException {
        Map<Long, StringBuilder> documents = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, identifier, last_name, first_name, email, phone_home, phone_mobile, phone_work"
                        + " FROM tutti.family WHERE site_id = ?")) {
            statement.setLong(1, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StringBuilder document = new StringBuilder();
                    String identifier = fold(rs.getString(2));
                    append(document, searchWords(rs.getString(2)),
                            IDENTIFIER_LETTERS.matcher(identifier).replaceAll(""),
                            searchWords(rs.getString(3)), searchWords(rs.getString(4)), searchWords(rs.getString(5)),
                            phoneDigits(rs.getString(6)), phoneDigits(rs.getString(7)), phoneDigits(rs.getString(8)));
                    documents.put(rs.getLong(1), document);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT st.family_id, st.last_name, st.first_name, st.phone_mobile FROM tutti.student st"
                        + " JOIN tutti.family f ON f.id = st.family_id WHERE f.site_id = ?")) {
            statement.setLong(1, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    append(documents.get(rs.getLong(1)), searchWords(rs.getString(2)), searchWords(rs.getString(3)),
                            phoneDigits(rs.getString(4)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a.family_id, a.email FROM tutti.account a JOIN tutti.family f ON f.id = a.family_id"
                        + " WHERE f.site_id = ?")) {
            statement.setLong(1, siteId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    append(documents.get(rs.getLong(1)), searchWords(rs.getString(2)));
                }
            }
        }
        return documents;
    }

    private static void append(StringBuilder document, String... words) {
        for (String word : words) {
            if (word != null && !word.isEmpty()) {
                document.append(' ').append(word);
            }
        }
    }

    private static void addRow(Connection connection, SimpleResultSet result, long familyId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT f.identifier, f.civility, f.first_name, f.last_name, f.phone_mobile, f.phone_home, f.phone_work,"
                        + " COALESCE(f.email, (SELECT MIN(a.email) FROM tutti.account a WHERE a.family_id = f.id)),"
                        + " f.city FROM tutti.family f WHERE f.id = ?")) {
            statement.setLong(1, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                List<String> phones = new ArrayList<>();
                for (int column = 5; column <= 7; column++) {
                    if (rs.getString(column) != null) {
                        phones.add(rs.getString(column));
                    }
                }
                result.addRow(familyId, rs.getString(1),
                        FieldLabels.personName(rs.getString(2), rs.getString(3), rs.getString(4)),
                        students(connection, familyId), phones.isEmpty() ? null : String.join(", ", phones),
                        rs.getString(8), rs.getString(9));
            }
        }
    }

    private static String students(Connection connection, long familyId) throws SQLException {
        record Student(long id, String name, String key) {
        }
        List<Student> students = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, first_name, last_name FROM tutti.student WHERE family_id = ?")) {
            statement.setLong(1, familyId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    students.add(new Student(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
                            fold(rs.getString(2))));
                }
            }
        }
        if (students.isEmpty()) {
            return null;
        }
        return students.stream().sorted(Comparator.comparing(Student::key).thenComparingLong(Student::id))
                .map(Student::name).collect(Collectors.joining(", "));
    }
}
