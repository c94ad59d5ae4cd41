package org.tutti.schema.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The H2 twin of the triggers of postgresql/V18 (issue 16, part "records"): on
 * {@code tutti.mail_outbox} (BEFORE INSERT) it fills {@code family_id}; on change_request,
 * reenrolment_request, invoice, payment and rental (AFTER) it writes the audit row of a bound STAFF
 * session's action with the family and the values before and after ({@link Audit#staff}). Rows
 * written without a staff session (a family's own requests, the demo's generator) write none.
 * Columns are found by name, whatever their position.
 */
public final class FamilyRecordsTrigger implements Trigger {

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        table = tableName.toLowerCase(Locale.ROOT);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + schemaName + "." + tableName + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), i - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if ("mail_outbox".equals(table)) {
            if (oldRow == null && newRow != null && newRow[column("family_id")] == null) {
                newRow[column("family_id")] = FamilyRecords.mailFamily(connection, asLong(get(newRow, "site_id")),
                        (String) get(newRow, "recipient"));
            }
            return;
        }
        if (newRow == null) {
            return;
        }
        OffsetDateTime now = SecurityClock.now();
        BoundSession staff = FamilyRecords.boundStaff(connection, now);
        if (staff == null) {
            return;
        }
        Action action = switch (table) {
            case "change_request" -> changeDecided(connection, oldRow, newRow);
            case "reenrolment_request" -> reenrolmentDecided(connection, oldRow, newRow);
            case "invoice" -> oldRow == null ? invoiceIssued(connection, newRow) : null;
            case "payment" -> oldRow == null ? paymentRecorded(newRow) : null;
            case "rental" -> rental(connection, oldRow, newRow);
            default -> null;
        };
        if (action != null) {
            Audit.staff(connection, now, staff.siteId(), staff.accountId(), action.familyId(), action.kind(),
                    action.detail(), action.before(), action.after());
        }
    }

    private record Action(Long familyId, String kind, String detail, String before, String after) {
    }

    private Action changeDecided(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String status = (String) get(newRow, "status");
        if (oldRow == null || !"PENDING".equals(get(oldRow, "status"))
                || !("ACCEPTED".equals(status) || "REJECTED".equals(status))) {
            return null;
        }
        boolean accepted = "ACCEPTED".equals(status);
        String field = (String) get(newRow, "field_name");
        String subject = "STUDENT".equals(get(newRow, "target")) ? Queries.textOf(connection,
                "SELECT CONCAT_WS(' ', first_name, last_name) FROM tutti.student WHERE id = ?", get(newRow, "target_id"))
                : null;
        String comment = (String) get(newRow, "decision_comment");
        String detail = (accepted ? "Modification acceptée : " : "Modification refusée : ") + FieldLabels.label(field)
                + (subject == null ? "" : " (" + subject + ")") + (comment == null ? "" : " — " + comment);
        return new Action(asLong(get(newRow, "family_id")), accepted ? "CHANGE_ACCEPTED" : "CHANGE_REJECTED", detail,
                FamilyRecords.jsonb(field, get(newRow, "old_value")),
                FamilyRecords.jsonb(field, get(newRow, "new_value")));
    }

    private Action reenrolmentDecided(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String status = (String) get(newRow, "status");
        if (oldRow == null || !"PENDING".equals(get(oldRow, "status"))
                || !("VALIDATED".equals(status) || "REJECTED".equals(status))) {
            return null;
        }
        boolean accepted = "VALIDATED".equals(status);
        Long family = Queries.number(connection, "SELECT family_id FROM tutti.student WHERE id = ?",
                get(newRow, "student_id"));
        String student = Queries.textOf(connection,
                "SELECT CONCAT_WS(' ', first_name, last_name) FROM tutti.student WHERE id = ?", get(newRow, "student_id"));
        String year = Queries.textOf(connection, "SELECT y.label FROM tutti.reenrolment_campaign c"
                + " JOIN tutti.school_year y ON y.id = c.school_year_id WHERE c.id = ?", get(newRow, "campaign_id"));
        String comment = (String) get(newRow, "decision_comment");
        String detail = (accepted ? "Réinscription acceptée : " : "Réinscription refusée : ") + student + " (" + year
                + ")" + (comment == null ? "" : " — " + comment);
        return new Action(family, accepted ? "REENROLMENT_ACCEPTED" : "REENROLMENT_REJECTED", detail,
                FamilyRecords.jsonb("status", get(oldRow, "status")),
                FamilyRecords.jsonb("status", status, "decision_comment", comment));
    }

    private Action invoiceIssued(Connection connection, Object[] newRow) throws SQLException {
        String number = (String) get(newRow, "number");
        Object creditFor = get(newRow, "credit_note_for");
        if (creditFor == null) {
            return new Action(asLong(get(newRow, "family_id")), "INVOICE_ISSUED", "Facture " + number + " émise", null,
                    FamilyRecords.jsonb("number", number, "total", get(newRow, "total_amount"),
                            "due_date", get(newRow, "due_date")));
        }
        String original = Queries.textOf(connection, "SELECT number FROM tutti.invoice WHERE id = ?", creditFor);
        return new Action(asLong(get(newRow, "family_id")), "CREDIT_NOTE_ISSUED",
                "Avoir " + number + " émis sur la facture " + original, null,
                FamilyRecords.jsonb("number", number, "total", get(newRow, "total_amount"),
                        "reason", get(newRow, "credit_reason")));
    }

    private Action paymentRecorded(Object[] newRow) {
        String receipt = (String) get(newRow, "receipt_number");
        return new Action(asLong(get(newRow, "family_id")), "PAYMENT_RECORDED", "Paiement enregistré : reçu " + receipt,
                null, FamilyRecords.jsonb("receipt", receipt, "amount", get(newRow, "amount"),
                "method", get(newRow, "method")));
    }

    private Action rental(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && Objects.equals(get(oldRow, "end_date"), get(newRow, "end_date"))) {
            return null;
        }
        String item = Queries.textOf(connection,
                "SELECT label || ' (' || inventory_code || ')' FROM tutti.rental_item WHERE id = ?",
                get(newRow, "rental_item_id"));
        Long family = asLong(get(newRow, "family_id"));
        if (oldRow == null) {
            return new Action(family, "RENTAL_CREATED", "Location créée : " + item, null,
                    FamilyRecords.jsonb("item", item, "start_date", get(newRow, "start_date"),
                            "end_date", get(newRow, "end_date"), "monthly_fee", get(newRow, "monthly_fee")));
        }
        return new Action(family, "RENTAL_ENDED", "Location terminée : " + item,
                FamilyRecords.jsonb("end_date", get(oldRow, "end_date")),
                FamilyRecords.jsonb("end_date", get(newRow, "end_date")));
    }

    private int column(String name) throws SQLException {
        Integer index = columns.get(name);
        if (index == null) {
            throw new SQLException("no column " + name + " in " + table);
        }
        return index;
    }

    private Object get(Object[] row, String name) {
        Integer index = columns.get(name);
        return index == null ? null : row[index];
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
