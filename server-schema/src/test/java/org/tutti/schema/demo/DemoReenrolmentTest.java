package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.testing.SqlRows.number;
import static org.tutti.schema.testing.SqlRows.query;

import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.DatabaseVendor;
import org.tutti.schema.SchemaMigrator;
import org.tutti.schema.testing.TestDatabases;
import org.tutti.schema.h2.FieldLabels;

/**
 * The re-enrolment of the embedded demo as the client first starts it ({@link DemoDataGenerator#DEMO_FAMILIES}
 * families, H2): BELLERIVE's campaign open for months with one required document, and requests in every state
 * for the front desk; MONTFLEURY's campaign closed; F0001 still to send its own.
 */
@Tag("slow")
class DemoReenrolmentTest {

    private static DataSource db;

    @BeforeAll
    static void generate() throws SQLException {
        db = TestDatabases.freshH2().dataSource();
        new SchemaMigrator(db, DatabaseVendor.H2).migrate();
        new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, DemoDataGenerator.DEMO_FAMILIES)
                .generate(db, DemoProgress.NONE);
    }

    @Test
    void belleriveIsOpenUntilTheEndOfJuneAndAsksForOneRequiredDocument() throws SQLException {
        assertThat(query(db, "SELECT s.code, c.status, c.opens_on, c.closes_on FROM tutti.reenrolment_campaign c"
                + " JOIN tutti.site s ON s.id = c.site_id ORDER BY s.code")).containsExactly(
                List.of("BELLERIVE", "OPEN", "2026-11-15", "2027-06-30"),
                List.of("MONTFLEURY", "CLOSED", "2026-10-01", "2026-11-15"));
        assertThat(query(db, "SELECT d.name, d.required FROM tutti.document_type d JOIN tutti.reenrolment_campaign c"
                + " ON c.id = d.campaign_id JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'BELLERIVE' ORDER BY d.id"))
                .containsExactly(List.of("Justificatif de domicile", "true"), List.of("Attestation d'assurance", "false"),
                        List.of("Avis d'imposition", "false"));
        assertThat(query(db, "SELECT max_document_bytes FROM tutti.site ORDER BY code"))
                .containsExactly(List.of("2097152"), List.of("2097152"));
    }

    @Test
    void theFrontDeskOfBelleriveHasRequestsInEveryState() throws SQLException {
        String ofBellerive = " FROM tutti.reenrolment_request r JOIN tutti.reenrolment_campaign c ON c.id = r.campaign_id"
                + " JOIN tutti.site s ON s.id = c.site_id WHERE s.code = 'BELLERIVE'";
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status = 'PENDING'")).isGreaterThanOrEqualTo(3);
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status = 'VALIDATED'")).isPositive();
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status = 'REJECTED'")).isPositive();
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status = 'REJECTED'"
                + " AND r.decision_comment IS NULL")).isZero();
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status <> 'PENDING'"
                + " AND (r.decided_by IS NULL OR r.decided_at IS NULL)")).isZero();
        // several pending requests come with a PNG and a PDF
        assertThat(number(db, "SELECT COUNT(*)" + ofBellerive + " AND r.status = 'PENDING'"
                + " AND EXISTS (SELECT 1 FROM tutti.uploaded_document d WHERE d.request_id = r.id"
                + " AND d.content_type = 'image/png')"
                + " AND EXISTS (SELECT 1 FROM tutti.uploaded_document d WHERE d.request_id = r.id"
                + " AND d.content_type = 'application/pdf')")).isGreaterThanOrEqualTo(2);
        assertThat(query(db, "SELECT r.status, d.content_type FROM tutti.uploaded_document d"
                + " JOIN tutti.reenrolment_request r ON r.id = d.request_id JOIN tutti.student st ON st.id = r.student_id"
                + " JOIN tutti.family f ON f.id = st.family_id WHERE f.identifier = 'F0002' ORDER BY d.id"))
                .containsExactly(List.of("PENDING", "image/png"), List.of("PENDING", "application/pdf"));
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.reenrolment_request r JOIN tutti.student st"
                + " ON st.id = r.student_id JOIN tutti.family f ON f.id = st.family_id WHERE f.identifier = 'F0001'")).isZero();
    }

    @Test
    void choicesAndDocumentsAreWhatSubmitReenrolmentWouldHaveStored() throws Exception {
        // one choice per course of this year, labelled "discipline — class"
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.reenrolment_choice ch JOIN tutti.enrolment e"
                + " ON e.id = ch.enrolment_id JOIN tutti.course c ON c.id = e.course_id"
                + " JOIN tutti.discipline d ON d.id = c.discipline_id JOIN tutti.school_year y ON y.id = c.school_year_id"
                + " JOIN tutti.reenrolment_request r ON r.id = ch.request_id"
                + " WHERE ch.label = " + FieldLabels.COURSE_CHOICE_SQL + " AND ch.discipline_id = d.id AND y.is_current"
                + " AND e.student_id = r.student_id"))
                .isEqualTo(number(db, "SELECT COUNT(*) FROM tutti.reenrolment_choice")).isPositive();
        // administrative re-enrolment or courses, never both, never neither
        assertThat(number(db, "SELECT COUNT(*) FROM tutti.reenrolment_request r WHERE r.administrative"
                + " = (EXISTS (SELECT 1 FROM tutti.reenrolment_choice ch WHERE ch.request_id = r.id))")).isZero();
        for (List<String> document : query(db, "SELECT content, size_bytes, sha256, content_type"
                + " FROM tutti.uploaded_document")) {
            byte[] content = HexFormat.of().parseHex(document.get(0));
            assertThat(document.get(1)).isEqualTo(String.valueOf(content.length));
            assertThat(document.get(2)).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(document.get(3)).isEqualTo(content[0] == (byte) 0x89 ? "image/png" : "application/pdf");
        }
    }
}
