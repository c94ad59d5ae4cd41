package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.instant;
import static org.tutti.client.data.ReenrolmentRows.list;
import static org.tutti.client.data.SqlStaffBillingService.requireFamily;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.JDBCException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.FamilyRecords.ChangeRecord;
import org.tutti.client.domain.FamilyRecords.HistoryEntry;
import org.tutti.client.domain.FamilyRecords.MailRecord;
import org.tutti.client.domain.FamilyRecords.ReenrolmentRecord;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.FamilyRecordsService;

/**
 * The family file's records. Change and re-enrolment requests are plain SQL stating the
 * {@link Visibility} rule (the staff session's grants and row-level security allow them); the
 * mails and the history come from {@code tutti.family_mails}, {@code tutti.family_history} and
 * {@code tutti.family_mail_text}, whose TU403 means NOT_FOUND.
 */
final class SqlFamilyRecordsService implements FamilyRecordsService {

    static final String HISTORY = "select occurred_at, staff_name, kind, detail, before_value, after_value"
            + " from tutti.family_history(?)";
    static final String MAILS = "select id, created_at, kind, recipient, subject, status, sent_at, last_error"
            + " from tutti.family_mails(?)";
    static final String MAIL_TEXT = "select tutti.family_mail_text(?)";

    private static final Logger LOG = LoggerFactory.getLogger(SqlFamilyRecordsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    SqlFamilyRecordsService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<ChangeRecord> changeRequests(UserSession user, long familyId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> {
            requireFamily(session, visibility, familyId);
            return list(session, "select c.id, c.field_name, st.first_name, st.last_name, c.old_value, c.new_value,"
                            + " c.submitted_at, c.status, d.display_name, c.decided_at, c.decision_comment"
                            + " from tutti.change_request c join tutti.family f on f.id = c.family_id"
                            + " left join tutti.student st on c.target = 'STUDENT' and st.id = c.target_id"
                            + " left join tutti.account d on d.id = c.decided_by"
                            + " where c.family_id = ? and " + visibility.familiesSql("f")
                            + " order by c.submitted_at desc, c.id desc",
                    rs -> new ChangeRecord(rs.getLong(1), rs.getString(2),
                            rs.getString(3) == null ? null : rs.getString(3) + " " + rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8), rs.getString(9),
                            instant(rs, 10), rs.getString(11)),
                    familyId, visibility.sqlParameter());
        });
    }

    @Override
    public List<ReenrolmentRecord> reenrolments(UserSession user, long familyId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> {
            requireFamily(session, visibility, familyId);
            return list(session, "select r.id, st.first_name, st.last_name, y.label, r.submitted_at, r.status,"
                            + " d.display_name, r.decided_at, r.decision_comment"
                            + " from tutti.reenrolment_request r join tutti.student st on st.id = r.student_id"
                            + " join tutti.family f on f.id = st.family_id"
                            + " join tutti.reenrolment_campaign c on c.id = r.campaign_id"
                            + " join tutti.school_year y on y.id = c.school_year_id"
                            + " left join tutti.account d on d.id = r.decided_by"
                            + " where st.family_id = ? and " + visibility.familiesSql("f")
                            + " order by r.submitted_at desc, r.id desc",
                    rs -> new ReenrolmentRecord(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
                            rs.getString(4), instant(rs, 5), rs.getString(6), rs.getString(7), instant(rs, 8),
                            rs.getString(9)),
                    familyId, visibility.sqlParameter());
        });
    }

    @Override
    public List<MailRecord> mails(UserSession user, long familyId) {
        Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> refused(() -> list(session, MAILS,
                rs -> new MailRecord(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7), rs.getString(8)), familyId)));
    }

    @Override
    public List<HistoryEntry> history(UserSession user, long familyId) {
        Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> refused(() -> list(session, HISTORY,
                rs -> new HistoryEntry(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        values(rs.getString(5)), values(rs.getString(6))), familyId)));
    }

    /** A before/after JSON object's values as text (null as null); empty for none or for what does not parse. */
    static Map<String, String> values(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root != null && root.isObject()) {
                root.fields().forEachRemaining(field -> values.put(field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            LOG.warn("An audit value that is not JSON: {}", json);
        }
        return values;
    }

    @Override
    public Optional<String> mailText(UserSession user, long mailId) {
        Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> refused(() -> list(session, MAIL_TEXT,
                rs -> Optional.ofNullable(rs.getString(1)), mailId).get(0)));
    }

    private interface Read<T> {
        T run();
    }

    /** A reader's TU401 / TU403 as the service's exceptions (BillingRows#refusal). */
    private static <T> T refused(Read<T> read) {
        try {
            return read.run();
        } catch (JDBCException e) {
            SQLException cause = e.getSQLException();
            try {
                throw BillingRows.refusal(cause);
            } catch (SQLException other) {
                throw e;
            }
        }
    }
}
