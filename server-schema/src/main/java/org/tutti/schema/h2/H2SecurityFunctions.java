package org.tutti.schema.h2;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.h2.tools.SimpleResultSet;

/**
 * Tutti's SQL API (server-schema/SQL-API.md) for the embedded H2 demo: the Java methods behind
 * the aliases of migration {@code db/migration/h2/V2__security.sql}, with the behaviour of the
 * PostgreSQL functions of {@code db/migration/postgresql/V2__security.sql}, so that the client
 * has one code path.
 *
 * <p>H2 passes its own connection as the first parameter. Everything runs in the caller's
 * transaction, through that connection, which is never committed nor closed: a client that
 * rolls back undoes a login, a reset or a logout as it would on PostgreSQL.
 *
 * <p>Differences with PostgreSQL, all due to H2 being a single-user embedded database that has
 * neither roles nor row-level security:
 * <ul>
 *   <li>{@code tutti.login} accepts both FAMILY and STAFF accounts: there is no login role
 *       ({@code tutti_family}, {@code tutti_staff}) to tell a family client from a front desk;</li>
 *   <li>{@code set_config(name, value, is_local)} stores the value in the H2 user variable
 *       {@code @tutti_session}, which lasts as long as the H2 session rather than the
 *       transaction: the client binds (a token or '') at the start of every transaction, so a
 *       value never serves a transaction that did not set it;</li>
 *   <li>nothing is SECURITY DEFINER: the caller can read every table anyway, and the client's
 *       queries filter by the session's family themselves.</li>
 * </ul>
 */
public final class H2SecurityFunctions {

    private H2SecurityFunctions() {
    }

    /**
     * {@code set_config(name, value, is_local)}: binds {@code tutti.session} (the only setting the
     * API reads) and returns the value, as PostgreSQL does. Another setting raises SQLSTATE
     * 42704, PostgreSQL's "unrecognized configuration parameter".
     */
    public static String setConfig(Connection connection, String name, String value, Boolean isLocal)
            throws SQLException {
        if (!BoundSession.SESSION_SETTING.equals(name)) {
            throw new SQLException("unrecognized configuration parameter \"" + name + "\"", "42704");
        }
        String bound = value == null ? "" : value;
        BoundSession.bind(connection, bound);
        return bound;
    }

    /** {@code tutti.login(site_code, identifier, password)}: a new session token, or NULL for every failure. */
    public static String login(Connection connection, String siteCode, String identifier, String password)
            throws SQLException {
        return Logins.login(connection, siteCode, identifier, password);
    }

    /**
     * {@code tutti.touch_session()}: true and the expiry pushed back when the bound session is live.
     * The screens read in several transactions of one session at once (Élèves: identity, courses,
     * re-enrolment); when another of them is renewing the session right now, its row is skipped
     * rather than waited for (the other renews it), so no read waits out H2's lock timeout.
     */
    public static Boolean touchSession(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        Optional<BoundSession> session = BoundSession.live(connection, now);
        if (session.isEmpty()) {
            return Boolean.FALSE;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM tutti.app_session WHERE id = ? FOR UPDATE SKIP LOCKED")) {
            lock.setLong(1, session.get().sessionId());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return Boolean.TRUE;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.app_session SET last_seen_at = ?, expires_at = GREATEST(expires_at, ?) WHERE id = ?")) {
            statement.setObject(1, now);
            statement.setObject(2, now.plus(Logins.IDLE_TIMEOUT));
            statement.setLong(3, session.get().sessionId());
            statement.executeUpdate();
        }
        return Boolean.TRUE;
    }

    /** {@code tutti.current_account()}: the live session's account, else NULL. */
    public static Long currentAccount(Connection connection) throws SQLException {
        return BoundSession.live(connection, SecurityClock.now()).map(BoundSession::accountId).orElse(null);
    }

    /** {@code tutti.current_family()}: the live session's family (FAMILY accounts), else NULL. */
    public static Long currentFamily(Connection connection) throws SQLException {
        return BoundSession.live(connection, SecurityClock.now()).map(BoundSession::familyId).orElse(null);
    }

    /** {@code tutti.current_staff_site()}: the live session's site for a STAFF account, else NULL. */
    public static Long currentStaffSite(Connection connection) throws SQLException {
        return BoundSession.live(connection, SecurityClock.now())
                .filter(BoundSession::staff)
                .map(BoundSession::siteId)
                .orElse(null);
    }

    /**
     * {@code tutti.session_info()}: one row for the live session's account, none without a
     * session. Use it as a table: {@code SELECT * FROM tutti.session_info()}. A family account's
     * display name is its responsible adult as every surface names them ("Mme Apolline Ferrari",
     * {@link FieldLabels#personName}), a staff account's its stored display name.
     */
    public static ResultSet sessionInfo(Connection connection) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("account_id", Types.BIGINT, 64, 0);
        result.addColumn("role", Types.VARCHAR, 10, 0);
        result.addColumn("site_code", Types.VARCHAR, 20, 0);
        result.addColumn("site_name", Types.VARCHAR, 120, 0);
        result.addColumn("identifier", Types.VARCHAR, 20, 0);
        result.addColumn("display_name", Types.VARCHAR, 120, 0);
        result.addColumn("family_id", Types.BIGINT, 64, 0);
        if (columnListOnly(connection)) {
            return result;
        }
        Optional<BoundSession> session = BoundSession.live(connection, SecurityClock.now());
        if (session.isEmpty()) {
            return result;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a.id, a.role, s.code, s.name, a.identifier, a.display_name, a.family_id,"
                        + " f.civility, f.first_name, f.last_name"
                        + " FROM tutti.account a JOIN tutti.site s ON s.id = a.site_id"
                        + " LEFT JOIN tutti.family f ON f.id = a.family_id WHERE a.id = ?")) {
            statement.setLong(1, session.get().accountId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getObject(7) == null ? rs.getString(6)
                            : FieldLabels.personName(rs.getString(8), rs.getString(9), rs.getString(10));
                    result.addRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            name, rs.getObject(7, Long.class));
                }
            }
        }
        return result;
    }

    /** {@code tutti.logout()}: ends the bound session, audit LOGOUT; nothing without a session. */
    public static void logout(Connection connection) throws SQLException {
        OffsetDateTime now = SecurityClock.now();
        Optional<BoundSession> session = BoundSession.live(connection, now);
        if (session.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE tutti.app_session SET ended_at = GREATEST(?, created_at) WHERE id = ?")) {
            statement.setObject(1, now);
            statement.setLong(2, session.get().sessionId());
            statement.executeUpdate();
        }
        Audit.record(connection, now, session.get().siteId(), session.get().accountId(), Audit.LOGOUT, null);
    }

    /** {@code tutti.request_password(identifier, email)}: see SQL-API.md; raises SQLSTATE TU429 when over the limit. */
    public static void requestPassword(Connection connection, String identifier, String email) throws SQLException {
        Passwords.request(connection, identifier, email);
    }

    /** {@code tutti.change_password(old_password, new_password)}: raises TU401, TU403 or TU422 (see SQL-API.md). */
    public static void changePassword(Connection connection, String oldPassword, String newPassword)
            throws SQLException {
        Passwords.change(connection, oldPassword, newPassword);
    }

    /**
     * {@code tutti.submit_changes(target, target_id, changes)}: the JSON object as a string; the
     * number of change requests recorded. Raises TU401, TU403 or TU422 (see SQL-API.md).
     */
    public static Integer submitChanges(Connection connection, String target, Long targetId, String changes)
            throws SQLException {
        return ChangeRequests.submit(connection, target, targetId, changes, null);
    }

    /**
     * {@code tutti.submit_changes(target, target_id, changes, shown)}: as above, and TU409
     * 'replaced:field' when a field's pending request is not the one {@code shown} names (see
     * SQL-API.md).
     */
    public static Integer submitChanges(Connection connection, String target, Long targetId, String changes,
                                        String shown) throws SQLException {
        return ChangeRequests.submit(connection, target, targetId, changes, shown);
    }

    /** {@code tutti.acknowledge_change(request_id)}: a refused change seen by its family (see SQL-API.md). */
    public static Boolean acknowledgeChange(Connection connection, Long requestId) throws SQLException {
        return ChangeRequests.acknowledge(connection, requestId);
    }

    /**
     * {@code tutti.decide_change(request_id, accept, comment, force)}: ACCEPTED or REJECTED. Raises
     * TU401, TU403, TU409 ('already_decided', 'conflict') or TU422 (see SQL-API.md).
     */
    public static String decideChange(Connection connection, Long requestId, Boolean accept, String comment,
                                      Boolean force) throws SQLException {
        return ChangeRequests.decide(connection, requestId, accept, comment, force);
    }

    /**
     * {@code tutti.submit_reenrolment(student_id, administrative, enrolment_ids, comment, documents)}: the new
     * request's id. Raises TU401, TU403, TU409 or TU422 (see SQL-API.md, "Re-enrolment").
     */
    public static Long submitReenrolment(Connection connection, Long studentId, Boolean administrative,
                                         String enrolmentIds, String comment, String documents) throws SQLException {
        return Reenrolments.submit(connection, studentId, administrative, enrolmentIds, comment, documents);
    }

    /**
     * {@code tutti.decide_reenrolment(request_id, accept, comment)}: VALIDATED or REJECTED. Raises TU401,
     * TU403, TU409 ('already_decided', 'busy') or TU422 (see SQL-API.md, "Re-enrolment").
     */
    public static String decideReenrolment(Connection connection, Long requestId, Boolean accept, String comment)
            throws SQLException {
        return Reenrolments.decide(connection, requestId, accept, comment);
    }

    /**
     * {@code tutti.issue_invoice(family_id, kind, due_date, lines)}: the invoice's number. Raises TU401, TU403,
     * TU409 'busy' or TU422 (see SQL-API.md, "Billing").
     */
    public static String issueInvoice(Connection connection, Long familyId, String kind, LocalDate dueDate, String lines)
            throws SQLException {
        return Billing.issueInvoice(connection, familyId, kind, dueDate, lines);
    }

    /**
     * {@code tutti.record_payment(family_id, payment_date, method, amount, reference, allocations)}: the receipt's
     * number. Raises TU401, TU403, TU409 'busy' or TU422 (see SQL-API.md, "Billing").
     */
    public static String recordPayment(Connection connection, Long familyId, LocalDate paymentDate, String method,
                                       BigDecimal amount, String reference, String allocations) throws SQLException {
        return Billing.recordPayment(connection, familyId, paymentDate, method, amount, reference, allocations);
    }

    /**
     * {@code tutti.issue_credit_note(invoice_id, amount, reason)}: the credit note's number. Raises TU401, TU403,
     * TU409 'busy' or TU422 (see SQL-API.md, "Billing").
     */
    public static String issueCreditNote(Connection connection, Long invoiceId, BigDecimal amount, String reason)
            throws SQLException {
        return Billing.issueCreditNote(connection, invoiceId, amount, reason);
    }

    /**
     * {@code tutti.create_rental(rental_item_id, family_id, student_id, start_date, end_date, monthly_fee, deposit)}:
     * the rental invoice's number ('' without one). Raises TU401, TU403, TU409 ('item_rented', 'busy') or TU422
     * (see SQL-API.md, "Billing").
     */
    public static String createRental(Connection connection, Long rentalItemId, Long familyId, Long studentId,
                                      LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit)
            throws SQLException {
        return Billing.createRental(connection, rentalItemId, familyId, studentId, startDate, endDate, monthlyFee,
                deposit);
    }

    /**
     * {@code tutti.end_rental(rental_id, end_date)}. Raises TU401, TU403, TU409 ('already_ended', 'busy') or TU422
     * (see SQL-API.md, "Billing").
     */
    public static void endRental(Connection connection, Long rentalId, LocalDate endDate) throws SQLException {
        Billing.endRental(connection, rentalId, endDate);
    }

    // issue 16 — records (SQL-API.md, "Front desk — records"; org.tutti.schema.h2.FamilyRecords)

    /**
     * {@code tutti.family_history(family_id)}: the family's audit rows, newest first. Raises TU401
     * without a session, TU403 for a family session or another site's family.
     */
    public static ResultSet familyHistory(Connection connection, Long familyId) throws SQLException {
        return FamilyRecords.familyHistory(connection, familyId, columnListOnly(connection));
    }

    /**
     * {@code tutti.family_mails(family_id)}: the family's mails, newest first, without body nor
     * secret. Raises TU401 without a session, TU403 for a family session or another site's family.
     */
    public static ResultSet familyMails(Connection connection, Long familyId) throws SQLException {
        return FamilyRecords.familyMails(connection, familyId, columnListOnly(connection));
    }

    /**
     * {@code tutti.family_mail_text(mail_id)}: the text of one of a family's mails, NULL when it
     * carried a secret. Raises TU401 without a session, TU403 for a family session or another
     * site's (or no family's) mail.
     */
    public static String familyMailText(Connection connection, Long mailId) throws SQLException {
        return FamilyRecords.familyMailText(connection, mailId);
    }

    // issue 16 — settings + home (SiteSettings; SQL-API.md, "Front desk — settings and Accueil")

    /** {@code tutti.site_settings()}: the staff session's site settings and may_change. TU401, TU403. */
    public static ResultSet siteSettings(Connection connection) throws SQLException {
        return SiteSettings.siteSettings(connection, columnListOnly(connection));
    }

    /**
     * {@code tutti.save_site_settings(settings, expected_version)}: the new version. Raises TU401, TU403, TU409
     * ('stale', 'busy') or TU422.
     */
    public static Long saveSiteSettings(Connection connection, String settings, Long expectedVersion)
            throws SQLException {
        return SiteSettings.save(connection, settings, expectedVersion);
    }

    /** {@code tutti.desk_counts()}: the staff Accueil's five counts. TU401, TU403. */
    public static ResultSet deskCounts(Connection connection) throws SQLException {
        return SiteSettings.deskCounts(connection, columnListOnly(connection));
    }

    /** {@code tutti.failed_mails()}: the site's FAILED mails. TU401, TU403. */
    public static ResultSet failedMails(Connection connection) throws SQLException {
        return SiteSettings.failedMails(connection, columnListOnly(connection));
    }

    /** {@code tutti.retry_mail(mail_id)}. Raises TU401, TU403, TU409 ('not_failed', 'secret_gone', 'busy'). */
    public static void retryMail(Connection connection, Long mailId) throws SQLException {
        SiteSettings.retryMail(connection, mailId);
    }

    /**
     * {@code tutti.overdue_invoices(max_rows)}: the site's invoices with a balance past due, the oldest
     * first, at most max_rows (1,000 at most). TU401, TU403, TU422 'invalid:max_rows'.
     */
    public static ResultSet overdueInvoices(Connection connection, Integer maxRows) throws SQLException {
        return SiteSettings.overdueInvoices(connection, columnListOnly(connection), maxRows);
    }

    /** True when H2 calls a table function only to learn its columns (while it compiles the query). */
    private static boolean columnListOnly(Connection connection) throws SQLException {
        return "jdbc:columnlist:connection".equals(connection.getMetaData().getURL());
    }
}
