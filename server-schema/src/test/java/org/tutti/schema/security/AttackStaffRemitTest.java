package org.tutti.schema.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutti.schema.security.AttackSupport.attempt;
import static org.tutti.schema.security.AttackSupport.connect;
import static org.tutti.schema.security.AttackSupport.sqlState;
import static org.tutti.schema.security.SecuredDemo.STAFF;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tutti.schema.security.SecuredDemo.As;
import org.tutti.schema.testing.SqlRows;

/**
 * Attack: a front-desk member (ACCUEIL, site BELLERIVE) reaching beyond the site's own rows and beyond
 * what the front desk may do: a forged change request that decide_change applies to another site's row
 * (and whose rejection mail reveals that row), a colleague's e-mail changed to take the account over by
 * request_password, and rows of the own site that point to another site's rows (foreign keys are
 * checked past row-level security). Uses F0019, F0022 and F0024 (BELLERIVE), M0013 (MONTFLEURY) and
 * the staff account COMPTA, which no other test touches; every row it changes is restored.
 */
@Tag("postgres")
class AttackStaffRemitTest {

    private static SecuredDemo demo;
    private static long bellerive;
    private static long montfleury;

    @BeforeAll
    static void scene() throws SQLException {
        demo = SecuredDemo.get();
        bellerive = demo.siteId("BELLERIVE");
        montfleury = demo.siteId("MONTFLEURY");
    }

    private static String accueil(As staff) throws SQLException {
        String token = staff.login("BELLERIVE", "ACCUEIL", "bellerive");
        assertThat(token).as("ACCUEIL's login").isNotNull();
        return token;
    }

    /** A change request written by the superuser (as if the table had been tampered with): its id. */
    private static long forgedRequest(long familyId, String target, long targetId, String field) throws SQLException {
        String table = target.equals("FAMILY") ? "family" : "student";
        return demo.number("INSERT INTO tutti.change_request (family_id, target, target_id, field_name, old_value, "
                + "new_value, target_version, status, submitted_by, submitted_at) SELECT ?, ?, t.id, ?, t." + field
                + ", 'Intrus', t.version, 'PENDING', (SELECT a.id FROM tutti.account a WHERE a.family_id = ?), now() "
                + "FROM tutti." + table + " t WHERE t.id = ? RETURNING id", familyId, target, field, familyId, targetId);
    }

    /**
     * (a) Change requests: staff may not write them, and decide_change refuses a request whose target row is
     * not of the request's family (another site's student or family, another family's student).
     */
    @Test
    void decideChangeAppliesARequestOnlyToARowOfItsFamily() throws SQLException {
        long f0019 = demo.familyId("F0019");
        long f0019Account = demo.number("SELECT id FROM tutti.account WHERE family_id = ?", f0019);
        long otherSiteStudent = demo.number("SELECT min(s.id) FROM tutti.student s JOIN tutti.family f "
                + "ON f.id = s.family_id WHERE f.identifier = 'M0013'");
        long otherSiteFamily = demo.familyId("M0013");
        long otherFamilyStudent = demo.number("SELECT min(s.id) FROM tutti.student s JOIN tutti.family f "
                + "ON f.id = s.family_id WHERE f.identifier = 'F0024'");
        String rows = "SELECT 'student ' || id || ': ' || first_name || ' v' || version FROM tutti.student "
                + "WHERE id IN (?, ?) UNION ALL SELECT 'family ' || id || ': ' || city || ' v' || version "
                + "FROM tutti.family WHERE id = ? ORDER BY 1";
        List<List<String>> before = SqlRows.query(demo.db.dataSource(), rows, otherSiteStudent,
                otherFamilyStudent, otherSiteFamily);
        String rejectionMails = "SELECT count(*) FROM tutti.mail_outbox WHERE kind = 'CHANGE_REJECTED'";
        long mailsBefore = demo.number(rejectionMails);
        String saved = "SELECT first_name, version FROM tutti.student WHERE id = ?";
        List<String> otherSiteStudentRow = SqlRows.query(demo.db.dataSource(), saved,
                otherSiteStudent).get(0);
        List<String> otherFamilyStudentRow = SqlRows.query(demo.db.dataSource(), saved,
                otherFamilyStudent).get(0);
        List<String> otherSiteFamilyRow = SqlRows.query(demo.db.dataSource(),
                "SELECT city, version FROM tutti.family WHERE id = ?", otherSiteFamily).get(0);
        SoftAssertions softly = new SoftAssertions();
        try (As staff = demo.as(STAFF); Connection raw = connect(demo.db, STAFF)) {
            String accueil = accueil(staff);

            // the front desk's own forgery: a request of F0019 (its site) about M0013's student (the other site)
            String[] forged = {null};
            String insert = sqlState(() -> forged[0] = staff.rows(accueil, "INSERT INTO tutti.change_request (family_id, "
                    + "target, target_id, field_name, old_value, new_value, target_version, status, submitted_by, "
                    + "submitted_at) SELECT ?, 'STUDENT', ?, 'first_name', ?, 'Intrus', 0, 'PENDING', ?, now() "
                    + "RETURNING id", f0019, otherSiteStudent, otherSiteStudentRow.get(0), f0019Account).get(0).get(0));
            softly.assertThat(insert).as("ACCUEIL inserts a change request").isEqualTo("42501");
            if (forged[0] != null) {
                softly.assertThat(sqlState(() -> staff.rows(accueil, "SELECT tutti.decide_change(?, true, NULL, true)",
                        Long.parseLong(forged[0])))).as("ACCUEIL accepts its own forged request").isEqualTo("TU403");
            }
            long request = forgedRequest(f0019, "STUDENT", otherSiteStudent, "first_name");
            softly.assertThat(attempt(raw, accueil, "UPDATE tutti.change_request SET new_value = 'Autre' WHERE id = ?",
                    request)).as("ACCUEIL updates a change request").isEqualTo("42501");
            softly.assertThat(attempt(raw, accueil, "DELETE FROM tutti.change_request WHERE id = ?", request))
                    .as("ACCUEIL deletes a change request").isEqualTo("42501");

            // requests forged in the table: accepted or rejected, decide_change refuses them
            Map<String, Long> targets = new LinkedHashMap<>();
            targets.put("STUDENT of the other site", otherSiteStudent);
            targets.put("FAMILY of the other site", otherSiteFamily);
            targets.put("STUDENT of another family of the site", otherFamilyStudent);
            for (Map.Entry<String, Long> target : targets.entrySet()) {
                String kind = target.getKey().startsWith("FAMILY") ? "FAMILY" : "STUDENT";
                String field = kind.equals("FAMILY") ? "city" : "first_name";
                long toAccept = forgedRequest(f0019, kind, target.getValue(), field);
                long toReject = forgedRequest(f0019, kind, target.getValue(), field);
                softly.assertThat(sqlState(() -> staff.rows(accueil, "SELECT tutti.decide_change(?, true, NULL, true)",
                        toAccept))).as("accepting F0019's request about a %s", target.getKey()).isEqualTo("TU403");
                softly.assertThat(sqlState(() -> staff.rows(accueil, "SELECT tutti.decide_change(?, false, 'non', false)",
                        toReject))).as("rejecting F0019's request about a %s", target.getKey()).isEqualTo("TU403");
            }
            softly.assertThat(SqlRows.query(demo.db.dataSource(), rows, otherSiteStudent,
                    otherFamilyStudent, otherSiteFamily)).as("the target rows").isEqualTo(before);
            softly.assertThat(demo.number(rejectionMails)).as("CHANGE_REJECTED mails queued").isEqualTo(mailsBefore);
        } finally {
            demo.execute("UPDATE tutti.student SET first_name = ?, version = ? WHERE id = ?", otherSiteStudentRow.get(0),
                    Long.parseLong(otherSiteStudentRow.get(1)), otherSiteStudent);
            demo.execute("UPDATE tutti.student SET first_name = ?, version = ? WHERE id = ?", otherFamilyStudentRow.get(0),
                    Long.parseLong(otherFamilyStudentRow.get(1)), otherFamilyStudent);
            demo.execute("UPDATE tutti.family SET city = ?, version = ? WHERE id = ?", otherSiteFamilyRow.get(0),
                    Long.parseLong(otherSiteFamilyRow.get(1)), otherSiteFamily);
        }
        softly.assertAll();
    }

    /**
     * (b) A colleague's e-mail (the first step of taking the account over with request_password) stays as it
     * is; a family account's e-mail of the site may still be changed.
     */
    @Test
    void staffChangeFamilyAccountsOfTheirSiteButNotAColleaguesEmail() throws SQLException {
        String account = "SELECT email FROM tutti.account WHERE site_id = ? AND identifier = ?";
        String compta = demo.text(account, bellerive, "COMPTA");
        String f0022 = demo.text(account, bellerive, "F0022");
        String update = "UPDATE tutti.account SET email = ?, version = version + 1 WHERE site_id = ? AND identifier = ?";
        SoftAssertions softly = new SoftAssertions();
        try (As staff = demo.as(STAFF)) {
            String accueil = accueil(staff);
            String[] count = {null};
            String outcome = sqlState(() -> count[0] = String.valueOf(staff.update(accueil, update, "evil@example.org",
                    bellerive, "COMPTA")));
            softly.assertThat(outcome.equals("42501") || "0".equals(count[0]))
                    .as("ACCUEIL changes COMPTA's e-mail: %s, %s row(s)", outcome, count[0]).isTrue();
            softly.assertThat(demo.text(account, bellerive, "COMPTA")).as("COMPTA's e-mail").isEqualTo(compta);

            softly.assertThat(staff.update(accueil, update, "f0022.nouveau@example.org", bellerive, "F0022"))
                    .as("ACCUEIL changes F0022's e-mail").isOne();
            softly.assertThat(demo.text(account, bellerive, "F0022")).isEqualTo("f0022.nouveau@example.org");
        } finally {
            demo.execute("UPDATE tutti.account SET email = ? WHERE site_id = ? AND identifier = ?", compta, bellerive,
                    "COMPTA");
            demo.execute("UPDATE tutti.account SET email = ? WHERE site_id = ? AND identifier = ?", f0022, bellerive,
                    "F0022");
        }
        softly.assertAll();
    }

    private static long id(String sql, long site) throws SQLException {
        String value = demo.text(sql, site);
        assertThat(value).as("the scene: %s for site %d", sql, site).isNotNull();
        return Long.parseLong(value);
    }

    /**
     * (c) Every foreign key from a table the staff may write to a table of a site: a row of BELLERIVE written by
     * ACCUEIL may not point to a row of MONTFLEURY (each statement rolled back whatever happens).
     */
    @Test
    void staffWritesPointToRowsOfTheirSiteOnly() throws SQLException {
        String ofSite = "SELECT min(id) FROM tutti.%s WHERE site_id = ?";
        String studentOf = "SELECT min(s.id) FROM tutti.student s JOIN tutti.family f ON f.id = s.family_id "
                + "WHERE f.site_id = ?";
        String enrolmentOf = "SELECT min(e.id) FROM tutti.enrolment e JOIN tutti.student s ON s.id = e.student_id "
                + "JOIN tutti.family f ON f.id = s.family_id WHERE f.site_id = ?";
        String requestOf = "SELECT min(r.id) FROM tutti.reenrolment_request r JOIN tutti.student s "
                + "ON s.id = r.student_id JOIN tutti.family f ON f.id = s.family_id WHERE f.site_id = ?";
        long bCourse = id(String.format(ofSite, "course"), bellerive);
        long bDiscipline = id(String.format(ofSite, "discipline"), bellerive);
        long bTeacher = id(String.format(ofSite, "teacher"), bellerive);
        long bEvent = id(String.format(ofSite, "musical_event"), bellerive);
        long bInvoice = id(String.format(ofSite, "invoice"), bellerive);
        long bPayment = id(String.format(ofSite, "payment"), bellerive);
        long bStudent = id(studentOf, bellerive);
        long bEnrolment = id(enrolmentOf, bellerive);
        long bRequest = id(requestOf, bellerive);
        long bEvaluation = id("SELECT min(v.id) FROM tutti.evaluation v WHERE v.enrolment_id IN (" + enrolmentOf.replace(
                "min(e.id)", "e.id") + ")", bellerive);
        long bChoice = id("SELECT min(c.id) FROM tutti.reenrolment_choice c WHERE c.request_id IN ("
                + requestOf.replace("min(r.id)", "r.id") + ")", bellerive);
        long bDocument = id("SELECT min(d.id) FROM tutti.uploaded_document d WHERE d.request_id IN ("
                + requestOf.replace("min(r.id)", "r.id") + ")", bellerive);
        // one that no document uses: moving a used one is refused before (TU409 in_use, V13)
        long bDocumentType = id("SELECT min(d.id) FROM tutti.document_type d JOIN tutti.reenrolment_campaign c "
                + "ON c.id = d.campaign_id WHERE c.site_id = ? AND NOT EXISTS (SELECT 1 FROM tutti.uploaded_document u "
                + "WHERE u.document_type_id = d.id)", bellerive);
        long bInvoiceLine = id("SELECT min(l.id) FROM tutti.invoice_line l JOIN tutti.invoice i ON i.id = l.invoice_id "
                + "WHERE i.site_id = ?", bellerive);
        long bRental = id("SELECT min(r.id) FROM tutti.rental r JOIN tutti.family f ON f.id = r.family_id "
                + "WHERE f.site_id = ?", bellerive);
        long bFamily = demo.familyId("F0019");

        long mTeacher = id(String.format(ofSite, "teacher"), montfleury);
        long mRoom = id(String.format(ofSite, "room"), montfleury);
        long mDiscipline = id(String.format(ofSite, "discipline"), montfleury);
        long mCycle = id(String.format(ofSite, "cycle"), montfleury);
        long mDepartment = id(String.format(ofSite, "department"), montfleury);
        long mCourse = id(String.format(ofSite, "course"), montfleury);
        long mEvent = id(String.format(ofSite, "musical_event"), montfleury);
        long mInvoice = id(String.format(ofSite, "invoice"), montfleury);
        long mRentalItem = id(String.format(ofSite, "rental_item"), montfleury);
        long mCampaign = id(String.format(ofSite, "reenrolment_campaign"), montfleury);
        long mAccount = id(String.format(ofSite, "account"), montfleury);
        long mStudent = id(studentOf, montfleury);
        long mEnrolment = id(enrolmentOf, montfleury);
        long mFamily = demo.familyId("M0013");
        long mDocumentType = id("SELECT min(d.id) FROM tutti.document_type d JOIN tutti.reenrolment_campaign c "
                + "ON c.id = d.campaign_id WHERE c.site_id = ?", montfleury);

        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("course.teacher_id", "UPDATE tutti.course SET teacher_id = " + mTeacher + " WHERE id = " + bCourse);
        writes.put("course.room_id", "UPDATE tutti.course SET room_id = " + mRoom + " WHERE id = " + bCourse);
        writes.put("course.discipline_id", "UPDATE tutti.course SET discipline_id = " + mDiscipline + " WHERE id = " + bCourse);
        writes.put("course.cycle_id", "UPDATE tutti.course SET cycle_id = " + mCycle + " WHERE id = " + bCourse);
        writes.put("course (new) discipline_id", "INSERT INTO tutti.course (site_id, school_year_id, discipline_id, "
                + "teacher_id, class_label, kind, day_of_week, start_time, duration_minutes) VALUES (" + bellerive
                + ", (SELECT max(id) FROM tutti.school_year), " + mDiscipline + ", " + bTeacher
                + ", 'Classe pirate', 'INDIVIDUAL', 1, TIME '10:00', 30)");
        writes.put("discipline.department_id", "UPDATE tutti.discipline SET department_id = " + mDepartment
                + " WHERE id = " + bDiscipline);
        writes.put("enrolment (new) course_id", "INSERT INTO tutti.enrolment (student_id, course_id, enrolled_on) VALUES ("
                + bStudent + ", " + mCourse + ", DATE '2026-09-01')");
        writes.put("enrolment.course_id", "UPDATE tutti.enrolment SET course_id = " + mCourse + " WHERE id = " + bEnrolment);
        writes.put("evaluation (new) enrolment_id", "INSERT INTO tutti.evaluation (enrolment_id, teacher_id, "
                + "evaluation_date, kind, mark) VALUES (" + mEnrolment + ", " + bTeacher + ", DATE '2026-11-02', 'CONTINUOUS', 12)");
        writes.put("evaluation (new) teacher_id", "INSERT INTO tutti.evaluation (enrolment_id, teacher_id, "
                + "evaluation_date, kind, mark) VALUES (" + bEnrolment + ", " + mTeacher + ", DATE '2026-11-02', 'CONTINUOUS', 12)");
        writes.put("evaluation.teacher_id", "UPDATE tutti.evaluation SET teacher_id = " + mTeacher + " WHERE id = " + bEvaluation);
        writes.put("absence (new) enrolment_id", "INSERT INTO tutti.absence (enrolment_id, absence_date, start_time, "
                + "duration_minutes) VALUES (" + mEnrolment + ", DATE '2026-11-02', TIME '10:00', 30)");
        writes.put("event_participation (new) event_id", "INSERT INTO tutti.event_participation (event_id, student_id, "
                + "piece, composer, duration_seconds) VALUES (" + mEvent + ", " + bStudent + ", 'Pièce', 'Compositeur', 60)");
        writes.put("event_participation (new) student_id", "INSERT INTO tutti.event_participation (event_id, student_id, "
                + "piece, composer, duration_seconds) VALUES (" + bEvent + ", " + mStudent + ", 'Pièce', 'Compositeur', 60)");
        writes.put("reenrolment_request.campaign_id", "UPDATE tutti.reenrolment_request SET campaign_id = " + mCampaign
                + " WHERE id = " + bRequest);
        writes.put("reenrolment_request.submitted_by", "UPDATE tutti.reenrolment_request SET submitted_by = " + mAccount
                + " WHERE id = " + bRequest);
        writes.put("reenrolment_request.decided_by", "UPDATE tutti.reenrolment_request SET decided_by = " + mAccount
                + ", status = 'VALIDATED', decided_at = now() WHERE id = " + bRequest);
        writes.put("reenrolment_choice.discipline_id", "UPDATE tutti.reenrolment_choice SET discipline_id = "
                + mDiscipline + " WHERE id = " + bChoice);
        writes.put("reenrolment_choice.enrolment_id", "UPDATE tutti.reenrolment_choice SET enrolment_id = " + mEnrolment
                + " WHERE id = " + bChoice);
        writes.put("uploaded_document.document_type_id", "UPDATE tutti.uploaded_document SET document_type_id = "
                + mDocumentType + " WHERE id = " + bDocument);
        writes.put("document_type.campaign_id", "UPDATE tutti.document_type SET campaign_id = " + mCampaign
                + " WHERE id = " + bDocumentType);
        writes.put("student.family_id", "UPDATE tutti.student SET family_id = " + mFamily + " WHERE id = " + bStudent);
        writes.put("invoice.family_id", "UPDATE tutti.invoice SET family_id = " + mFamily + " WHERE id = " + bInvoice);
        writes.put("invoice_line (new) invoice_id", "INSERT INTO tutti.invoice_line (invoice_id, line_no, label, quantity, "
                + "unit_price, amount) VALUES (" + mInvoice + ", 999, 'Ligne pirate', 1, 1, 1)");
        writes.put("invoice_line.student_id", "UPDATE tutti.invoice_line SET student_id = " + mStudent
                + " WHERE id = " + bInvoiceLine);
        writes.put("payment.family_id", "UPDATE tutti.payment SET family_id = " + mFamily + " WHERE id = " + bPayment);
        writes.put("payment_allocation (new) invoice_id", "INSERT INTO tutti.payment_allocation (payment_id, invoice_id, "
                + "amount) VALUES (" + bPayment + ", " + mInvoice + ", 1)");
        writes.put("rental (new) rental_item_id", "INSERT INTO tutti.rental (rental_item_id, family_id, start_date, "
                + "end_date, monthly_fee) VALUES (" + mRentalItem + ", " + bFamily + ", DATE '2026-09-01', DATE '2027-06-30', 10)");
        writes.put("rental.student_id", "UPDATE tutti.rental SET student_id = " + mStudent + " WHERE id = " + bRental);
        writes.put("rental.invoice_id", "UPDATE tutti.rental SET invoice_id = " + mInvoice + " WHERE id = " + bRental);

        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        try (As staff = demo.as(STAFF); Connection raw = connect(demo.db, STAFF)) {
            String accueil = accueil(staff);
            for (Map.Entry<String, String> write : writes.entrySet()) {
                outcomes.put(write.getKey(), attempt(raw, accueil, write.getValue()));
                refused.put(write.getKey(), "42501");
            }
        }
        assertThat(outcomes).as("BELLERIVE rows written by ACCUEIL pointing to MONTFLEURY rows (42501: refused)")
                .isEqualTo(refused);
    }
}
