package org.tutti.schema.demo;

import java.sql.SQLException;
import org.tutti.schema.demo.BatchWriter.Table;

/** Every table of schema {@code tutti}, opened for batched inserts in the migration's (parents first) order. */
final class DemoTables {

    final Table site;
    final Table schoolYear;
    final Table department;
    final Table discipline;
    final Table cycle;
    final Table teacher;
    final Table room;
    final Table family;
    final Table student;
    final Table account;
    final Table appSession;
    final Table changeRequest;
    final Table course;
    final Table enrolment;
    final Table evaluation;
    final Table absence;
    final Table musicalEvent;
    final Table eventParticipation;
    final Table reenrolmentCampaign;
    final Table documentType;
    final Table reenrolmentRequest;
    final Table reenrolmentChoice;
    final Table uploadedDocument;
    final Table invoice;
    final Table invoiceLine;
    final Table payment;
    final Table paymentAllocation;
    final Table rentalItem;
    final Table rental;
    final Table mailOutbox;
    final Table auditEvent;

    DemoTables(BatchWriter writer) throws SQLException {
        site = writer.open("site", "code", "name", "address1", "address2", "postal_code", "city", "phone", "email",
                "online_payment", "document_prefix", "online_payment_url", "payment_instructions", "identifier_pattern");
        schoolYear = writer.open("school_year", "label", "start_date", "end_date", "is_current");
        department = writer.open("department", "site_id", "code", "name");
        discipline = writer.open("discipline", "site_id", "department_id", "name");
        cycle = writer.open("cycle", "site_id", "code", "name", "rank");
        teacher = writer.open("teacher", "site_id", "last_name", "first_name", "email", "phone");
        room = writer.open("room", "site_id", "name", "capacity");
        family = writer.open("family", "site_id", "identifier", "civility", "last_name", "first_name", "address1",
                "address2", "postal_code", "city", "country", "phone_home", "phone_mobile", "phone_work", "email",
                "created_at");
        student = writer.open("student", "family_id", "last_name", "first_name", "sex", "birth_date", "email",
                "phone_mobile", "school_level");
        account = writer.open("account", "site_id", "identifier", "email", "password_hash", "role", "family_id",
                "display_name", "active", "failed_attempts", "password_changed_at", "created_at", "settings_right");
        appSession = writer.open("app_session", "account_id", "token_hash", "created_at", "last_seen_at", "expires_at",
                "ended_at");
        changeRequest = writer.open("change_request", "family_id", "target", "target_id", "field_name", "old_value",
                "new_value", "target_version", "status", "submitted_by", "submitted_at", "decided_by", "decided_at",
                "decision_comment");
        course = writer.open("course", "site_id", "school_year_id", "discipline_id", "cycle_id", "teacher_id",
                "room_id", "class_label", "kind", "day_of_week", "start_time", "duration_minutes");
        enrolment = writer.open("enrolment", "student_id", "course_id", "level_label", "status", "enrolled_on",
                "ended_on");
        evaluation = writer.open("evaluation", "enrolment_id", "teacher_id", "evaluation_date", "kind", "mark",
                "mention", "appreciation");
        absence = writer.open("absence", "enrolment_id", "absence_date", "start_time", "duration_minutes", "excused",
                "reason");
        musicalEvent = writer.open("musical_event", "site_id", "title", "repertoire", "event_date", "place", "kind");
        eventParticipation = writer.open("event_participation", "event_id", "student_id", "piece", "composer",
                "duration_seconds", "comment");
        reenrolmentCampaign = writer.open("reenrolment_campaign", "site_id", "school_year_id", "opens_on", "closes_on",
                "status", "instructions");
        documentType = writer.open("document_type", "campaign_id", "name", "required", "max_size_bytes");
        reenrolmentRequest = writer.open("reenrolment_request", "campaign_id", "student_id", "administrative",
                "comment", "status", "submitted_by", "submitted_at", "decided_by", "decided_at", "decision_comment");
        reenrolmentChoice = writer.open("reenrolment_choice", "request_id", "discipline_id", "enrolment_id", "label");
        uploadedDocument = writer.open("uploaded_document", "request_id", "document_type_id", "file_name",
                "content_type", "size_bytes", "sha256", "content", "uploaded_at");
        invoice = writer.open("invoice", "site_id", "family_id", "school_year_id", "number", "kind", "issue_date",
                "due_date", "total_amount", "status");
        invoiceLine = writer.open("invoice_line", "invoice_id", "line_no", "label", "student_id", "quantity",
                "unit_price", "amount");
        payment = writer.open("payment", "site_id", "family_id", "receipt_number", "payment_date", "amount", "method",
                "reference");
        paymentAllocation = writer.open("payment_allocation", "payment_id", "invoice_id", "amount");
        rentalItem = writer.open("rental_item", "site_id", "kind", "label", "inventory_code", "monthly_fee");
        rental = writer.open("rental", "rental_item_id", "family_id", "student_id", "invoice_id", "start_date",
                "end_date", "monthly_fee", "deposit");
        mailOutbox = writer.open("mail_outbox", "site_id", "kind", "recipient", "subject", "body_text", "body_html",
                "contains_secret", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at");
        auditEvent = writer.open("audit_event", "occurred_at", "site_id", "account_id", "kind", "detail");
    }
}
