package org.tutti.client.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.postgresql.util.PSQLException;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentCampaign;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.ServiceException;

/**
 * What the family's and the front desk's re-enrolment services read alike (the campaign, its
 * document types, a sent request with its choices and documents, a document's content) and how
 * both read the database's refusals. Plain SQL into records: every query states the
 * {@link Visibility} rule ({@link Visibility#familiesSql} on the request's family,
 * {@link Visibility#siteSql} on a campaign's site), which is the boundary on H2 and agrees with
 * row-level security on PostgreSQL.
 */
final class ReenrolmentRows {

    /** Reads one row into a record. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A campaign with its target year and its site's document limit: {@link #campaign(ResultSet)}'s columns. */
    static final String CAMPAIGN_SELECT = "select c.id, c.school_year_id, y.label, c.opens_on, c.closes_on, c.status,"
            + " s.max_document_bytes"
            + " from tutti.reenrolment_campaign c"
            + " join tutti.school_year y on y.id = c.school_year_id"
            + " join tutti.site s on s.id = c.site_id";

    /** A request joined to its student ({@code st}) and family ({@code f}), for {@link Visibility#familiesSql}. */
    static final String REQUEST_FROM = " from tutti.reenrolment_request r"
            + " join tutti.student st on st.id = r.student_id"
            + " join tutti.family f on f.id = st.family_id";

    /** The request's columns {@link #sent} reads, first of a select over {@link #REQUEST_FROM}. */
    static final String REQUEST_COLUMNS = "r.id, r.status, r.submitted_at, r.administrative, r.comment,"
            + " r.decided_at, r.decision_comment";

    /** The code of a refusal in the database's message, and its details. */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?<![A-Za-z_])(nothing_chosen|both_chosen|missing_document|too_large|empty|unsupported_type|too_long"
                    + "|campaign_closed|already_sent|busy|invalid_dates|invalid|in_use|duplicate|already_decided"
                    + "|forbidden)(?![A-Za-z_])(?::([^:\\s]*))?(?::([^:\\s]*))?");

    private ReenrolmentRows() {
    }

    static <T> List<T> list(Session session, String sql, RowMapper<T> mapper, Object... parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                return rows;
            }
        });
    }

    static <T> Optional<T> first(Session session, String sql, RowMapper<T> mapper, Object... parameters) {
        return list(session, sql, mapper, parameters).stream().findFirst();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A row of {@link #CAMPAIGN_SELECT}. */
    static ReenrolmentCampaign campaign(ResultSet rs) throws SQLException {
        return new ReenrolmentCampaign(rs.getLong(1), rs.getLong(2), rs.getString(3), date(rs, 4), date(rs, 5),
                rs.getString(6), rs.getLong(7));
    }

    /**
     * The campaign's document types, by name (French order), if the campaign is of the session's
     * site. {@code uses}: how many documents of the site are of each type, for the front desk;
     * 0 for a family (which need not know the other families' documents).
     */
    static List<DocumentType> documentTypes(Session session, Visibility visibility, long campaignId, boolean uses) {
        String count = uses
                ? "(select count(*) from tutti.uploaded_document d where d.document_type_id = t.id)"
                : "0";
        List<DocumentType> types = new ArrayList<>(list(session,
                "select t.id, t.name, t.required, " + count
                        + " from tutti.document_type t join tutti.reenrolment_campaign c on c.id = t.campaign_id"
                        + " where c.id = ? and " + visibility.siteSql("c.site_id"),
                rs -> new DocumentType(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)),
                campaignId, visibility.sqlParameter()));
        types.sort(Comparator.comparing(DocumentType::name, HibernateSiteService.frenchCollator())
                .thenComparingLong(DocumentType::id));
        return types;
    }

    /** A request's own columns, read by {@link #sent}. */
    record RequestRow(long id, ReenrolmentState state, Instant submittedAt, boolean administrative, String comment,
            Instant decidedAt, String decisionComment) {

        /** From {@link #REQUEST_COLUMNS}, starting at {@code from}. */
        static RequestRow read(ResultSet rs, int from) throws SQLException {
            return new RequestRow(rs.getLong(from), ReenrolmentState.valueOf(rs.getString(from + 1)),
                    instant(rs, from + 2), rs.getBoolean(from + 3), rs.getString(from + 4), instant(rs, from + 5),
                    rs.getString(from + 6));
        }
    }

    /** The request with the labels of its choices (as stored when sent) and its documents (no content). */
    static SentReenrolment sent(Session session, Visibility visibility, RequestRow request) {
        List<String> choices = list(session,
                "select ch.label from tutti.reenrolment_choice ch join tutti.reenrolment_request r on r.id = ch.request_id"
                        + " join tutti.student st on st.id = r.student_id join tutti.family f on f.id = st.family_id"
                        + " where r.id = ? and " + visibility.familiesSql("f") + " order by ch.id",
                rs -> rs.getString(1), request.id(), visibility.sqlParameter());
        List<StoredDocument> documents = list(session,
                "select d.id, t.name, d.file_name, d.content_type, d.size_bytes, d.sha256"
                        + " from tutti.uploaded_document d join tutti.document_type t on t.id = d.document_type_id"
                        + " join tutti.reenrolment_request r on r.id = d.request_id"
                        + " join tutti.student st on st.id = r.student_id join tutti.family f on f.id = st.family_id"
                        + " where r.id = ? and " + visibility.familiesSql("f") + " order by d.id",
                rs -> new StoredDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)),
                request.id(), visibility.sqlParameter());
        return new SentReenrolment(request.id(), request.state(), request.submittedAt(), request.administrative(),
                choices, request.comment(), documents, request.decidedAt(), request.decisionComment());
    }

    /** The content of a document of a request the session may see; NOT_FOUND otherwise. */
    static byte[] documentContent(Transactions transactions, UserSession user,
            long documentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> first(session,
                "select d.content from tutti.uploaded_document d"
                        + " join tutti.reenrolment_request r on r.id = d.request_id"
                        + " join tutti.student st on st.id = r.student_id join tutti.family f on f.id = st.family_id"
                        + " where d.id = ? and " + visibility.familiesSql("f"),
                rs -> rs.getBytes(1), documentId, visibility.sqlParameter())
                .orElseThrow(() -> notFound("document " + documentId)));
    }

    static ServiceException notFound(String what) {
        return new ServiceException(ServiceException.Reason.NOT_FOUND, "Not found or not visible: " + what);
    }

    static ServiceException sessionExpired(SQLException cause) {
        return new ServiceException(ServiceException.Reason.SESSION_EXPIRED,
                "The database no longer knows this session (ended or expired)", cause);
    }

    /** A refusal of the SQL API: its code ({@code too_large}) and details ({@code 2097152}), or nulls. */
    record Refusal(String state, String code, String detail, String second) {

        boolean is(String state, String code) {
            return state.equals(this.state) && code.equals(this.code);
        }

        /** The last detail given ({@code 4000} of {@code too_long:comment:4000}). */
        String lastDetail() {
            return second != null ? second : detail;
        }
    }

    /** What the database said: the SQLSTATE and the code of its message (RAISE … USING MESSAGE). */
    static Refusal refusal(SQLException e) {
        String message = message(e);
        Matcher matcher = REFUSAL.matcher(message);
        if (!matcher.find()) {
            return new Refusal(e.getSQLState(), null, null, null);
        }
        return new Refusal(e.getSQLState(), matcher.group(1), blankToNull(matcher.group(2)),
                blankToNull(matcher.group(3)));
    }

    /**
     * The refusals a family's or staff member's request may meet as {@link ReenrolmentRefusedException}s
     * (TU409 / TU422, and a lock timeout as BUSY); null for others.
     */
    static ReenrolmentRefusedException refused(Refusal refusal, SQLException cause) {
        if ("55P03".equals(refusal.state())) {
            return new ReenrolmentRefusedException(Reason.BUSY, null, cause);
        }
        if (!"TU409".equals(refusal.state()) && !HibernateAccountService.UNACCEPTABLE.equals(refusal.state())
                || refusal.code() == null) {
            return null;
        }
        Reason reason = switch (refusal.code()) {
            case "nothing_chosen" -> Reason.NOTHING_CHOSEN;
            case "both_chosen" -> Reason.BOTH_CHOSEN;
            case "missing_document" -> Reason.MISSING_DOCUMENT;
            case "too_large" -> Reason.TOO_LARGE;
            case "empty" -> Reason.EMPTY;
            case "unsupported_type" -> Reason.UNSUPPORTED_TYPE;
            case "too_long" -> Reason.TOO_LONG;
            case "campaign_closed" -> Reason.CAMPAIGN_CLOSED;
            case "already_sent" -> Reason.ALREADY_SENT;
            case "busy" -> Reason.BUSY;
            case "in_use" -> Reason.IN_USE;
            case "duplicate" -> Reason.DUPLICATE;
            case "invalid_dates" -> Reason.INVALID_DATES;
            default -> null;
        };
        return reason == null ? null : new ReenrolmentRefusedException(reason, refusal.lastDetail(), cause);
    }

    /** The server's own message: PostgreSQL's without "ERROR: " and its context, H2's without the statement. */
    static String message(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage().strip();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int statement = message.indexOf("; SQL statement");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith("ERROR: ")) {
            message = message.substring("ERROR: ".length());
        }
        return message.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
