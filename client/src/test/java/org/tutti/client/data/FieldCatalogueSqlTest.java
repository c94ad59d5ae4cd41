package org.tutti.client.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tutti.client.domain.FamilyFile;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DecisionResult;
import org.tutti.client.service.FamilyFileService.Target;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.FieldCatalogue;
import org.tutti.client.ui.common.Formats;
import org.tutti.schema.DatabaseVendor;

/**
 * Issue 12, point 2: the mails (built in SQL) name a field and show a value as the client does
 * ({@link FieldCatalogue}, {@link Formats#personName}), on H2 and on PostgreSQL: the SQL catalogue
 * itself, then real CHANGE_ACK and CHANGE_REJECTED mails. The catalogue's helpers are no login
 * role's to call. Uses family M0009 of Montfleury only (the seeded database is shared by the whole run, and
 * other tests use every Bellerive family).
 */
@Tag("postgres")
class FieldCatalogueSqlTest {

    private static final String OWN_FAMILY = "M0009";

    @BeforeAll
    static void french() {
        French.use();
    }

    static List<DatabaseVendor> vendors() {
        return SeededDatabases.vendors();
    }

    private static Sql sql(DatabaseVendor vendor) {
        return new Sql(SeededDatabases.get(vendor).db().dataSource());
    }

    private static String text(DatabaseVendor vendor, String query, Object... parameters) {
        Object value = sql(vendor).value(query, parameters);
        return value == null ? null : value.toString();
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theDatabaseNamesAndFormatsEveryFieldAsTheClient(DatabaseVendor vendor) {
        for (String column : FieldCatalogue.COLUMNS) {
            assertThat(text(vendor, "select tutti.change_field_label(?)", column)).as(column)
                    .isEqualTo(FieldCatalogue.label(column));
        }
        String[][] values = {
            {"birth_date", "2018-02-26"}, {"birth_date", "2009-12-01"}, {"phone_home", "01 23 45 67 89"},
            {"phone_mobile", "0612345678"}, {"phone_work", "05.53.12.34.56"}, {"civility", "MME"}, {"civility", "M"},
            {"sex", "F"}, {"sex", "M"}, {"city", "Villeneuve-sur-Lot"}, {"email", "a.b@example.org"},
        };
        for (String[] v : values) {
            assertThat(text(vendor, "select tutti.change_value_text(?, ?)", v[0], v[1])).as(v[0] + " " + v[1])
                    .isEqualTo(FieldCatalogue.valueText(v[0], v[1]));
        }
        assertThat(text(vendor, "select tutti.person_name('MME', 'Apolline', 'Ferrari')"))
                .isEqualTo(Formats.personName("MME", "Apolline", "Ferrari")).isEqualTo("Mme Apolline Ferrari");
        assertThat(text(vendor, "select tutti.person_name('M', 'Jean', 'Petit')"))
                .isEqualTo(Formats.personName("M", "Jean", "Petit")).isEqualTo("M. Jean Petit");
    }

    @ParameterizedTest
    @MethodSource("vendors")
    void theMailsSayWhatTheScreensSay(DatabaseVendor vendor) {
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        // whatever the account's stored display name, the header names the family's responsible adult
        sql(vendor).update("update tutti.account set display_name = 'Famille M0009' where identifier = ?", OWN_FAMILY);
        UserSession family = seeded.familyBackend().auth().login("MONTFLEURY", OWN_FAMILY, "montfleury".toCharArray())
                .orElseThrow(() -> new AssertionError(OWN_FAMILY + " cannot log in"));
        FamilyFile file = seeded.familyBackend().familyFile().loadFamily(family);
        StudentIdentity student = seeded.familyBackend().familyFile().students(family).get(0);
        String name = Formats.personName(file.values().current("civility"), file.values().current("first_name"),
                file.values().current("last_name"));
        assertThat(family.displayName()).as("session_info").isEqualTo(name);
        long before = sql(vendor).count("select coalesce(max(id), 0) from tutti.mail_outbox");

        // the family's file: a work phone
        seeded.familyBackend().familyFile().submit(family, Target.FAMILY, file.id(), Map.of("phone_work", "0553123456"));
        String ack = latestMail(vendor, "CHANGE_ACK", before);
        assertThat(ack).startsWith("Bonjour " + name + ",\n")
                .contains("- " + FieldCatalogue.label("phone_work") + " : "
                        + FieldCatalogue.valueText("phone_work", "0553123456") + "\n")
                .contains("- Téléphone travail : 05 53 12 34 56\n");

        // a student's identity: birth date and sex
        String oldBirth = student.values().current("birth_date");
        String newBirth = LocalDate.parse(oldBirth).plusDays(1).toString();
        String newSex = "F".equals(student.values().current("sex")) ? "M" : "F";
        long beforeStudent = sql(vendor).count("select coalesce(max(id), 0) from tutti.mail_outbox");
        seeded.familyBackend().familyFile().submit(family, Target.STUDENT, student.id(),
                Map.of("birth_date", newBirth, "sex", newSex));
        String studentAck = latestMail(vendor, "CHANGE_ACK", beforeStudent);
        assertThat(studentAck).startsWith("Bonjour " + name + ",\n")
                .contains("- " + FieldCatalogue.label("birth_date") + " : " + Formats.date(LocalDate.parse(newBirth))
                        + "\n")
                .contains("- " + FieldCatalogue.label("sex") + " : " + FieldCatalogue.valueText("sex", newSex) + "\n")
                .doesNotContain(newBirth);

        // the secretary refuses the birth date: the mail shows both dates as the screens do
        UserSession desk = seeded.staffBackend().auth().login("MONTFLEURY", "SECRETARIAT", "montfleury".toCharArray())
                .orElseThrow();
        long request = sql(vendor).count("select id from tutti.change_request where target = 'STUDENT'"
                + " and target_id = ? and field_name = 'birth_date' and status = 'PENDING'", student.id());
        long beforeRejection = sql(vendor).count("select coalesce(max(id), 0) from tutti.mail_outbox");
        assertThat(seeded.staffBackend().staffChanges().decide(desk, request, false, "Acte de naissance demandé", false)
                .outcome()).isEqualTo(DecisionResult.Outcome.REJECTED);
        String rejected = latestMail(vendor, "CHANGE_REJECTED", beforeRejection);
        assertThat(rejected).startsWith("Bonjour " + name + ",\n")
                .contains("- " + FieldCatalogue.label("birth_date") + " : " + Formats.date(LocalDate.parse(newBirth))
                        + "\n")
                .contains("La valeur enregistrée reste : " + Formats.date(LocalDate.parse(oldBirth)) + "\n")
                .doesNotContain(oldBirth).doesNotContain(newBirth);
    }

    /** The text body of the one mail of {@code kind} queued after id {@code after}. */
    private static String latestMail(DatabaseVendor vendor, String kind, long after) {
        return text(vendor, "select body_text from tutti.mail_outbox where kind = ? and id > ?", kind, after);
    }

    /** The catalogue's helpers run inside the API's functions; a family connection cannot call them. */
    @ParameterizedTest
    @MethodSource("vendors")
    void aFamilyConnectionCannotCallTheCatalogueHelpers(DatabaseVendor vendor) throws SQLException {
        if (vendor != DatabaseVendor.POSTGRESQL) {
            return; // H2 has no roles: the embedded demo's only user owns everything
        }
        SeededDatabases.Seeded seeded = SeededDatabases.get(vendor);
        try (Connection family = DriverManager.getConnection(SeededDatabases.loginRoleUrl(seeded.db()), "tutti_family",
                SeededDatabases.ROLE_PASSWORD); Statement statement = family.createStatement()) {
            for (String call : List.of("select tutti.change_field_label('email')",
                    "select tutti.change_value_text('birth_date', '2018-02-26')",
                    "select tutti.change_item('email', 'x@example.org')",
                    "select tutti.person_name('MME', 'Apolline', 'Ferrari')", "select tutti.greeting('x')",
                    "select tutti.queue_family_mail(1, 'CHANGE_ACK', 'x', array['x'], array[]::text[])")) {
                assertThatThrownBy(() -> statement.executeQuery(call)).as(call)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }
}
