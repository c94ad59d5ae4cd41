package org.tutti.schema.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.h2.ApiClient.raised;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.testing.SqlRows;
import org.tutti.schema.testing.TestDatabases.TestDatabase;

/**
 * {@code tutti.search_families} (SQL-API.md, "Front desk — search") alike on H2 and PostgreSQL, called as the
 * client calls it, on PostgreSQL as the login role tutti_staff: accents and case ignored, phones typed any way,
 * students, e-mails, identifiers, several words, the order, the site's families only, and every refusal. One demo
 * school per vendor (8 families: F0001–F0005 at BELLERIVE, M0001–M0003 at MONTFLEURY) with a family of known
 * names added to each site.
 */
@Tag("postgres")
class FamilySearchParityTest {

    private static final Map<DatabaseVendor, TestDatabase> DATABASES = new EnumMap<>(DatabaseVendor.class);
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    @AfterAll
    static void close() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
    }

    private static synchronized TestDatabase db(DatabaseVendor vendor) throws SQLException {
        TestDatabase db = DATABASES.get(vendor);
        if (db == null) {
            db = ApiClient.demo(vendor, 8);
            try (Connection admin = db.dataSource().getConnection(); Statement s = admin.createStatement()) {
                for (String[] site : new String[][] {{"BELLERIVE", "F9001"}, {"MONTFLEURY", "M9001"}}) {
                    s.execute("INSERT INTO tutti.family (site_id, identifier, civility, last_name, first_name, address1,"
                            + " postal_code, city, phone_mobile, phone_home, email, created_at) SELECT id, '" + site[1]
                            + "', 'MME', 'Lefèvre-Dupré', 'Hélène', '1 rue Haute', '74000', 'Annecy', '06 12 34 56 78',"
                            + " '+33 4 50 11 22 33', 'helene.lefevre@exemple.fr', CURRENT_TIMESTAMP FROM tutti.site"
                            + " WHERE code = '" + site[0] + "'");
                    s.execute("INSERT INTO tutti.student (family_id, last_name, first_name, sex, birth_date)"
                            + " SELECT id, 'Lefèvre', 'Zoé', 'F', DATE '2015-03-02' FROM tutti.family WHERE identifier = '"
                            + site[1] + "'");
                    s.execute("INSERT INTO tutti.student (family_id, last_name, first_name, sex, birth_date)"
                            + " SELECT id, 'Lefèvre', 'Anaïs', 'F', DATE '2013-05-02' FROM tutti.family WHERE identifier = '"
                            + site[1] + "'");
                }
            }
            DATABASES.put(vendor, db);
        }
        return db;
    }

    private static ApiClient client(DatabaseVendor vendor, String role) throws SQLException {
        ApiClient client = ApiClient.connect(db(vendor), role);
        OPEN.add(client);
        return client;
    }

    private static String staff(ApiClient client, String site) throws SQLException {
        return client.signIn(site, site.equals("BELLERIVE") ? "ACCUEIL" : "SECRETARIAT", site.toLowerCase());
    }

    /** Each row as "identifier | name | students | phones | email | city". */
    private static List<String> search(ApiClient client, String token, String query, Integer maxRows)
            throws SQLException {
        return client.inTransaction(token, c -> {
            try (PreparedStatement statement = c.connection().prepareStatement(
                    "SELECT family_id, identifier, family_name, students, phones, email, city"
                            + " FROM tutti.search_families(?, ?)")) {
                statement.setString(1, query);
                statement.setObject(2, maxRows);
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4) + " | "
                                + rs.getString(5) + " | " + rs.getString(6) + " | " + rs.getString(7));
                    }
                }
                return rows;
            }
        });
    }

    private static List<String> identifiers(ApiClient client, String token, String query) throws SQLException {
        return search(client, token, query, 50).stream().map(row -> row.substring(0, row.indexOf(" |"))).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void accentsAndCaseAreIgnoredAndARowTellsWhoTheFamilyIs(DatabaseVendor vendor) throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String accueil = staff(client, "BELLERIVE");

        for (String query : List.of("lefevre", "LEFÈVRE", "Lefevre-Dupre", "dupre", "helene", "HÉLÈNE", "héle")) {
            assertThat(identifiers(client, accueil, query)).as(query).contains("F9001");
        }
        assertThat(search(client, accueil, "lefevre-dupre", 50)).containsExactly(
                "F9001 | Mme Hélène Lefèvre-Dupré | Anaïs Lefèvre, Zoé Lefèvre | 06 12 34 56 78, +33 4 50 11 22 33"
                        + " | helene.lefevre@exemple.fr | Annecy");
        assertThat(identifiers(client, accueil, "efevre")).as("a word is found by its start").doesNotContain("F9001");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aPhoneIsFoundHoweverItIsTyped(DatabaseVendor vendor) throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String accueil = staff(client, "BELLERIVE");

        for (String query : List.of("06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "06 12 34",
                "0450112233", "04 50 11 22 33", "+33450112233")) {
            assertThat(identifiers(client, accueil, query)).as(query).containsExactly("F9001");
        }
        assertThat(identifiers(client, accueil, "06 12 34 56 79")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void studentsEmailsIdentifiersAndSeveralWordsFindTheFamily(DatabaseVendor vendor) throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String accueil = staff(client, "BELLERIVE");

        assertThat(identifiers(client, accueil, "zoe")).contains("F9001");
        assertThat(identifiers(client, accueil, "anais lefevre")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "helene.lefevre@exemple.fr")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "helene.lef")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "f9001")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "9001")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "lefevre helene")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "hélène  LEFEVRE,")).containsExactly("F9001");
        assertThat(identifiers(client, accueil, "lefevre paul")).isEmpty();
        assertThat(identifiers(client, accueil, "   ")).isEmpty();
        assertThat(identifiers(client, accueil, null)).isEmpty();

        String accountEmail = SqlRows.query(db(vendor).dataSource(), "SELECT a.email FROM tutti.account a"
                + " JOIN tutti.family f ON f.id = a.family_id WHERE f.identifier = 'F0003'").get(0).get(0);
        assertThat(identifiers(client, accueil, accountEmail)).contains("F0003");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void theIdentifierTypedComesFirstThenNamesStartingWithTheWordsThenByName(DatabaseVendor vendor)
            throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String accueil = staff(client, "BELLERIVE");
        List<List<String>> families = SqlRows.query(db(vendor).dataSource(), "SELECT identifier, last_name FROM"
                + " tutti.family WHERE identifier = 'F0002'");
        String lastName = families.get(0).get(1);

        assertThat(identifiers(client, accueil, "F0002")).first().isEqualTo("F0002");
        List<String> byName = identifiers(client, accueil, lastName);
        assertThat(byName).contains("F0002");
        assertThat(identifiers(client, accueil, "f")).as("every family's identifier starts with f").hasSizeGreaterThan(5);
        assertThat(search(client, accueil, "f", 2)).hasSize(2);
        assertThat(search(client, accueil, "f", 100000)).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void anotherSitesFamilyIsNeverFound(DatabaseVendor vendor) throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String bellerive = staff(client, "BELLERIVE");
        String montfleury = staff(client, "MONTFLEURY");

        assertThat(identifiers(client, bellerive, "lefevre")).containsExactly("F9001");
        assertThat(identifiers(client, montfleury, "lefevre")).containsExactly("M9001");
        assertThat(identifiers(client, bellerive, "M9001")).isEmpty();
        assertThat(identifiers(client, bellerive, "m")).allMatch(identifier -> identifier.startsWith("F"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void aChangedFamilyOrStudentIsFoundByItsNewNames(DatabaseVendor vendor) throws SQLException {
        ApiClient client = client(vendor, "tutti_staff");
        String accueil = staff(client, "BELLERIVE");
        long family = SqlRows.number(db(vendor).dataSource(), "SELECT id FROM tutti.family WHERE identifier = 'F0004'");
        client.inTransaction(accueil, c -> {
            try (Statement s = c.connection().createStatement()) {
                s.executeUpdate("UPDATE tutti.family SET last_name = 'Quénelle', phone_work = '07 70 70 70 70'"
                        + " WHERE id = " + family);
                s.executeUpdate("INSERT INTO tutti.student (family_id, last_name, first_name, sex, birth_date)"
                        + " VALUES (" + family + ", 'Quénelle', 'Ysaÿe', 'F', DATE '2016-01-01')");
            }
            return null;
        });

        assertThat(identifiers(client, accueil, "quenelle")).containsExactly("F0004");
        assertThat(identifiers(client, accueil, "ysaye")).containsExactly("F0004");
        assertThat(identifiers(client, accueil, "07 70 70 70 70")).containsExactly("F0004");
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void refusals(DatabaseVendor vendor) throws SQLException {
        ApiClient staff = client(vendor, "tutti_staff");
        String accueil = staff(staff, "BELLERIVE");
        ApiClient family = client(vendor, "tutti_family");
        String f0001 = family.signIn("BELLERIVE", "F0001", "bellerive");

        assertThat(raised(() -> search(staff, null, "martin", 10))).isEqualTo("TU401 no session");
        assertThat(raised(() -> search(family, f0001, "martin", 10))).isEqualTo(vendor == DatabaseVendor.POSTGRESQL
                ? "42501 permission denied for function search_families" : "TU403 forbidden");
        assertThat(raised(() -> search(staff, accueil, "martin", 0))).isEqualTo("TU422 invalid:max_rows");
        assertThat(raised(() -> search(staff, accueil, "martin", null))).isEqualTo("TU422 invalid:max_rows");
        assertThat(raised(() -> search(staff, accueil, "m".repeat(101), 10))).isEqualTo("TU422 too_long:query:100");
        assertThat(search(staff, accueil, "m".repeat(100), 10)).isEmpty();
    }
}
