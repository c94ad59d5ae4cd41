package org.tutti.client.data;

import static org.tutti.client.data.ReenrolmentRows.date;
import static org.tutti.client.data.ReenrolmentRows.first;
import static org.tutti.client.data.ReenrolmentRows.instant;
import static org.tutti.client.data.ReenrolmentRows.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.client.domain.DeskCounts;
import org.tutti.client.domain.FailedMail;
import org.tutti.client.domain.OverdueInvoice;
import org.tutti.client.domain.SiteSettings;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DeskHomeService;
import org.tutti.client.service.DeskRefusedException;
import org.tutti.client.service.DeskRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.SiteSettingsService;

/**
 * Paramètres and the staff Accueil through the SQL API ({@code tutti.site_settings}, {@code save_site_settings},
 * {@code desk_counts}, {@code failed_mails}, {@code retry_mail}, {@code overdue_invoices}), each in a transaction
 * bound to the session; their refusals become {@link DeskRefusedException}s.
 */
final class SqlDeskServices implements SiteSettingsService, DeskHomeService {

    static final String SITE_SETTINGS = "select * from tutti.site_settings()";
    static final String SAVE_SITE_SETTINGS = "select tutti.save_site_settings(?, ?)";
    static final String DESK_COUNTS = "select * from tutti.desk_counts()";
    static final String FAILED_MAILS = "select * from tutti.failed_mails()";
    static final String RETRY_MAIL = "select tutti.retry_mail(?)";
    static final String OVERDUE_INVOICES = "select * from tutti.overdue_invoices(?)";

    private static final Pattern REFUSAL = Pattern.compile(
            "(?<![A-Za-z_])(forbidden|invalid|too_long|stale|busy|secret_gone|not_failed)(?![A-Za-z_])"
                    + "(?::([^:\\s]*))?(?::([^:\\s]*))?");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    SqlDeskServices(Transactions transactions) {
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------ settings

    @Override
    public SiteSettings read(UserSession user) {
        requireStaff(user);
        return transactions.readOnly(user, session -> first(session, SITE_SETTINGS, rs -> new SiteSettings(
                rs.getString("name"), rs.getString("address1"), rs.getString("address2"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("phone"), rs.getString("email"), rs.getBytes("letterhead_logo"),
                rs.getBoolean("online_payment"), rs.getString("online_payment_url"),
                rs.getString("payment_instructions"), rs.getInt("max_document_bytes"),
                rs.getString("identifier_pattern"), rs.getString("mail_sender"),
                rs.getObject("session_lifetime_hours", Integer.class), rs.getString("document_prefix"),
                rs.getLong("version"), rs.getBoolean("may_change"))))
                .orElseThrow(() -> new ServiceException(ServiceException.Reason.NOT_FOUND, "No site settings"));
    }

    /** The JSON object save_site_settings takes. */
    static String json(SiteSettings s, boolean logoChanged) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", s.name());
        node.put("address1", s.address1());
        node.put("address2", s.address2());
        node.put("postal_code", s.postalCode());
        node.put("city", s.city());
        node.put("phone", s.phone());
        node.put("email", s.email());
        node.put("online_payment", s.onlinePayment());
        node.put("online_payment_url", s.onlinePaymentUrl());
        node.put("payment_instructions", s.paymentInstructions());
        node.put("max_document_bytes", s.maxDocumentBytes());
        node.put("identifier_pattern", s.identifierPattern());
        node.put("mail_sender", s.mailSender());
        node.put("session_lifetime_hours", s.sessionLifetimeHours());
        if (logoChanged) {
            node.put("letterhead_logo", s.logo() == null ? null : Base64.getEncoder().encodeToString(s.logo()));
        }
        return node.toString();
    }

    @Override
    public long save(UserSession user, SiteSettings settings, boolean logoChanged) {
        requireStaff(user);
        String sent = json(settings, logoChanged);
        return transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SAVE_SITE_SETTINGS)) {
                statement.setString(1, sent);
                statement.setLong(2, settings.version());
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw refusal(e, true);
            }
        }));
    }

    // ------------------------------------------------------------------ Accueil

    @Override
    public DeskCounts counts(UserSession user) {
        requireStaff(user);
        return transactions.readOnly(user, session -> first(session, DESK_COUNTS, rs -> new DeskCounts(
                rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .orElse(new DeskCounts(0, 0, 0, 0, 0));
    }

    @Override
    public List<FailedMail> failedMails(UserSession user) {
        requireStaff(user);
        return transactions.readOnly(user, session -> list(session, FAILED_MAILS, rs -> new FailedMail(
                rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6))));
    }

    @Override
    public void retryMail(UserSession user, long mailId) {
        requireStaff(user);
        transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RETRY_MAIL)) {
                statement.setLong(1, mailId);
                statement.executeQuery().close();
                return null;
            } catch (SQLException e) {
                throw refusal(e, false);
            }
        }));
    }

    @Override
    public List<OverdueInvoice> overdueInvoices(UserSession user, int maxRows) {
        requireStaff(user);
        return transactions.readOnly(user, session -> list(session, OVERDUE_INVOICES, rs -> new OverdueInvoice(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), date(rs, 6),
                rs.getBigDecimal(7)), maxRows));
    }

    private static void requireStaff(UserSession user) {
        if (user == null || !user.isStaff()) {
            throw new IllegalArgumentException("Not a staff session: " + user);
        }
    }

    /**
     * What a refusal of these functions means for staff; anything else as it is. {@code noRight}: TU403 says the
     * account lacks the settings right (a save), else that the row is not the site's (NOT_FOUND).
     */
    static RuntimeException refusal(SQLException e, boolean noRight) throws SQLException {
        String state = e.getSQLState();
        if (HibernateAccountService.NO_SESSION.equals(state)) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return new DeskRefusedException(Reason.BUSY, null, null, e);
        }
        if (!"TU403".equals(state) && !"TU409".equals(state) && !HibernateAccountService.UNACCEPTABLE.equals(state)) {
            throw e;
        }
        Matcher matcher = REFUSAL.matcher(ReenrolmentRows.message(e));
        if (!matcher.find()) {
            throw e;
        }
        String detail = matcher.group(2);
        String max = matcher.group(3);
        return switch (matcher.group(1)) {
            case "forbidden" -> noRight ? new DeskRefusedException(Reason.FORBIDDEN, null, null, e)
                    : new ServiceException(ServiceException.Reason.NOT_FOUND, "Not a row of the session's site", e);
            case "invalid" -> new DeskRefusedException(Reason.INVALID, detail, null, e);
            case "too_long" -> new DeskRefusedException(Reason.TOO_LONG, detail, max, e);
            case "stale" -> new DeskRefusedException(Reason.STALE, null, null, e);
            case "secret_gone" -> new DeskRefusedException(Reason.SECRET_GONE, null, null, e);
            case "not_failed" -> new DeskRefusedException(Reason.NOT_FAILED, null, null, e);
            default -> new DeskRefusedException(Reason.BUSY, null, null, e);
        };
    }
}
