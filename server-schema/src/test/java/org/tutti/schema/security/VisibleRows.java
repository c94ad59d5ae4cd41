package org.tutti.schema.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For every table of schema tutti that a login role may read: which ids a session should see,
 * as the superuser computes it. {@code %1$d} is the family (or, for staff, the site), {@code %2$d}
 * the family's site.
 */
final class VisibleRows {

    /** Tables that no login role of a family or the front desk may read at all. */
    static final String[] HIDDEN = {"app_session", "mail_outbox", "audit_event", "common_password", "setting",
        "document_counter", "family_search", "identifier_counter", "session_binding"};

    private static final String FAMILY_STUDENTS = "SELECT id FROM tutti.student WHERE family_id = %1$d";
    private static final String FAMILY_ENROLMENTS = "SELECT e.id FROM tutti.enrolment e JOIN tutti.student s"
            + " ON s.id = e.student_id WHERE s.family_id = %1$d";
    private static final String FAMILY_REQUESTS = "SELECT r.id FROM tutti.reenrolment_request r JOIN tutti.student s"
            + " ON s.id = r.student_id WHERE s.family_id = %1$d";

    private static final String SITE_FAMILIES = "SELECT id FROM tutti.family WHERE site_id = %1$d";
    private static final String SITE_STUDENTS = "SELECT s.id FROM tutti.student s JOIN tutti.family f"
            + " ON f.id = s.family_id WHERE f.site_id = %1$d";
    private static final String SITE_ENROLMENTS = "SELECT e.id FROM tutti.enrolment e JOIN tutti.student s"
            + " ON s.id = e.student_id JOIN tutti.family f ON f.id = s.family_id WHERE f.site_id = %1$d";
    private static final String SITE_REQUESTS = "SELECT r.id FROM tutti.reenrolment_request r JOIN tutti.student s"
            + " ON s.id = r.student_id JOIN tutti.family f ON f.id = s.family_id WHERE f.site_id = %1$d";

    private VisibleRows() {
    }

    /** What a family session sees: its own rows and its site's reference rows. */
    static Map<String, String> ofFamily() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("school_year", "SELECT id FROM tutti.school_year");
        for (String table : new String[] {"department", "discipline", "cycle", "teacher", "room", "course",
            "musical_event", "reenrolment_campaign"}) {
            rows.put(table, "SELECT id FROM tutti." + table + " WHERE site_id = %2$d");
        }
        rows.put("document_type", "SELECT id FROM tutti.document_type WHERE campaign_id IN"
                + " (SELECT id FROM tutti.reenrolment_campaign WHERE site_id = %2$d)");
        rows.put("family", "SELECT id FROM tutti.family WHERE id = %1$d");
        rows.put("student", FAMILY_STUDENTS);
        rows.put("account", "SELECT id FROM tutti.account WHERE family_id = %1$d");
        rows.put("change_request", "SELECT id FROM tutti.change_request WHERE family_id = %1$d");
        rows.put("enrolment", "SELECT id FROM tutti.enrolment WHERE student_id IN (" + FAMILY_STUDENTS + ")");
        rows.put("evaluation", "SELECT id FROM tutti.evaluation WHERE enrolment_id IN (" + FAMILY_ENROLMENTS + ")");
        rows.put("absence", "SELECT id FROM tutti.absence WHERE enrolment_id IN (" + FAMILY_ENROLMENTS + ")");
        rows.put("event_participation", "SELECT id FROM tutti.event_participation WHERE student_id IN ("
                + FAMILY_STUDENTS + ")");
        rows.put("reenrolment_request", "SELECT id FROM tutti.reenrolment_request WHERE student_id IN ("
                + FAMILY_STUDENTS + ")");
        rows.put("reenrolment_choice", "SELECT id FROM tutti.reenrolment_choice WHERE request_id IN ("
                + FAMILY_REQUESTS + ")");
        rows.put("uploaded_document", "SELECT id FROM tutti.uploaded_document WHERE request_id IN ("
                + FAMILY_REQUESTS + ")");
        rows.put("invoice", "SELECT id FROM tutti.invoice WHERE family_id = %1$d");
        rows.put("invoice_line", "SELECT id FROM tutti.invoice_line WHERE invoice_id IN"
                + " (SELECT id FROM tutti.invoice WHERE family_id = %1$d)");
        rows.put("payment", "SELECT id FROM tutti.payment WHERE family_id = %1$d");
        rows.put("payment_allocation", "SELECT id FROM tutti.payment_allocation WHERE payment_id IN"
                + " (SELECT id FROM tutti.payment WHERE family_id = %1$d)");
        rows.put("rental", "SELECT id FROM tutti.rental WHERE family_id = %1$d");
        rows.put("rental_item", "SELECT id FROM tutti.rental_item WHERE id IN"
                + " (SELECT rental_item_id FROM tutti.rental WHERE family_id = %1$d)");
        return rows;
    }

    /** What a staff session sees: the rows of its site ({@code %1$d}). */
    static Map<String, String> ofStaff() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("school_year", "SELECT id FROM tutti.school_year");
        for (String table : new String[] {"department", "discipline", "cycle", "teacher", "room", "course",
            "musical_event", "reenrolment_campaign", "family", "account", "invoice", "payment", "rental_item"}) {
            rows.put(table, "SELECT id FROM tutti." + table + " WHERE site_id = %1$d");
        }
        rows.put("document_type", "SELECT id FROM tutti.document_type WHERE campaign_id IN"
                + " (SELECT id FROM tutti.reenrolment_campaign WHERE site_id = %1$d)");
        rows.put("student", "SELECT id FROM tutti.student WHERE family_id IN (" + SITE_FAMILIES + ")");
        rows.put("change_request", "SELECT id FROM tutti.change_request WHERE family_id IN (" + SITE_FAMILIES + ")");
        rows.put("rental", "SELECT id FROM tutti.rental WHERE family_id IN (" + SITE_FAMILIES + ")");
        rows.put("enrolment", "SELECT id FROM tutti.enrolment WHERE student_id IN (" + SITE_STUDENTS + ")");
        rows.put("event_participation", "SELECT id FROM tutti.event_participation WHERE student_id IN ("
                + SITE_STUDENTS + ")");
        rows.put("reenrolment_request", "SELECT id FROM tutti.reenrolment_request WHERE student_id IN ("
                + SITE_STUDENTS + ")");
        rows.put("evaluation", "SELECT id FROM tutti.evaluation WHERE enrolment_id IN (" + SITE_ENROLMENTS + ")");
        rows.put("absence", "SELECT id FROM tutti.absence WHERE enrolment_id IN (" + SITE_ENROLMENTS + ")");
        rows.put("reenrolment_choice", "SELECT id FROM tutti.reenrolment_choice WHERE request_id IN ("
                + SITE_REQUESTS + ")");
        rows.put("uploaded_document", "SELECT id FROM tutti.uploaded_document WHERE request_id IN ("
                + SITE_REQUESTS + ")");
        rows.put("invoice_line", "SELECT id FROM tutti.invoice_line WHERE invoice_id IN"
                + " (SELECT id FROM tutti.invoice WHERE site_id = %1$d)");
        rows.put("payment_allocation", "SELECT id FROM tutti.payment_allocation WHERE payment_id IN"
                + " (SELECT id FROM tutti.payment WHERE site_id = %1$d)");
        return rows;
    }
}
