package org.tutti.client.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.Letterhead;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.service.BillingRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.schema.h2.FieldLabels;

/**
 * What the family's and the front desk's billing services read alike: amounts at two decimals,
 * the site's letterhead and the family's address block of a document, people's names, and the
 * billing functions' refusals (SQL-API.md, "Billing").
 */
final class BillingRows {

    /**
     * The session's own site as {@code s}, with its address and payment settings: the view
     * {@code tutti.site_letterhead} (V14), since {@code tutti.site} grants the login roles its
     * id, code and name only.
     */
    static final String SITE = "tutti.site_letterhead s";

    /** The site's columns {@link #letterhead(ResultSet, int)} reads, on alias {@code s}. */
    static final String SITE_COLUMNS = "s.name, s.address1, s.address2, s.postal_code, s.city, s.phone, s.email";

    /** The family's columns {@link #addressee(ResultSet, int)} reads, on alias {@code f}. */
    static final String FAMILY_COLUMNS = "f.civility, f.first_name, f.last_name, f.address1, f.address2,"
            + " f.postal_code, f.city, f.country, f.identifier";

    /** A refusal's code in the database's message and its details ({@code too_long:reference:80}). */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?<![A-Za-z_])(invalid|too_long|over_allocation|amount_mismatch|credit_too_large|item_rented"
                    + "|already_ended|busy|forbidden)(?![A-Za-z_])(?::([^:\\s]*))?(?::([^:\\s]*))?");

    /** SQLSTATE of PostgreSQL's lock timeout (lock_not_available). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private BillingRows() {
    }

    /** An amount of the database at two decimals (0.00 for NULL: a sum over no row). */
    static BigDecimal money(ResultSet rs, int column) throws SQLException {
        return money(rs.getBigDecimal(column));
    }

    static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@link #SITE_COLUMNS} from {@code from}: the name, its address lines, phone and e-mail. */
    static Letterhead letterhead(ResultSet rs, int from) throws SQLException {
        List<String> lines = addressLines(rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
                rs.getString(from + 4), null);
        return new Letterhead(rs.getString(from), lines, blankToNull(rs.getString(from + 5)),
                blankToNull(rs.getString(from + 6)));
    }

    /**
     * {@link #FAMILY_COLUMNS} from {@code from}: "Mme Claire MARTIN" (the family's last name in
     * capitals, as a French address block writes it), its address lines (the country when it is
     * not France), its identifier.
     */
    static Addressee addressee(ResultSet rs, int from) throws SQLException {
        String name = FieldLabels.personName(rs.getString(from), rs.getString(from + 1),
                upper(rs.getString(from + 2)));
        List<String> lines = addressLines(rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5),
                rs.getString(from + 6), rs.getString(from + 7));
        return new Addressee(name, lines, rs.getString(from + 8));
    }

    /** "Léa MARTIN": a student as the billing documents and pickers name one; null without a name. */
    static String studentName(String firstName, String lastName) {
        if (firstName == null && lastName == null) {
            return null;
        }
        return FieldLabels.personName(null, firstName, upper(lastName));
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.FRENCH);
    }

    private static List<String> addressLines(String address1, String address2, String postalCode, String city,
            String country) {
        List<String> lines = new ArrayList<>();
        for (String line : new String[] {address1, address2,
                (postalCode == null ? "" : postalCode.strip()) + " " + (city == null ? "" : city.strip())}) {
            if (line != null && !line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (country != null && !country.isBlank() && !"france".equalsIgnoreCase(country.strip())) {
            lines.add(country.strip().toUpperCase(Locale.FRENCH));
        }
        return lines;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ServiceException notFound(String what) {
        return ReenrolmentRows.notFound(what);
    }

    /**
     * What a billing function's refusal means for the caller: TU401 a session that ended, TU403
     * (not staff, another site's row, no such row) NOT_FOUND, TU409 / TU422 and a lock timeout a
     * {@link BillingRefusedException} with its reason and detail. Anything else is thrown as it
     * is (a lost connection then becomes DATABASE_UNAVAILABLE in {@link Transactions}).
     */
    static RuntimeException refusal(SQLException e) throws SQLException {
        String state = e.getSQLState();
        if (HibernateAccountService.NO_SESSION.equals(state)) {
            return ReenrolmentRows.sessionExpired(e);
        }
        if ("TU403".equals(state)) {
            return new ServiceException(ServiceException.Reason.NOT_FOUND,
                    "Not a row of the session's site (or no such row)", e);
        }
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return new BillingRefusedException(Reason.BUSY, null, e);
        }
        if (!"TU409".equals(state) && !HibernateAccountService.UNACCEPTABLE.equals(state)) {
            throw e;
        }
        Matcher matcher = REFUSAL.matcher(ReenrolmentRows.message(e));
        if (!matcher.find()) {
            throw e;
        }
        String detail = blankToNull(matcher.group(2));
        String second = blankToNull(matcher.group(3));
        return switch (matcher.group(1)) {
            case "invalid" -> new BillingRefusedException(Reason.INVALID, detail, e);
            case "too_long" -> new BillingRefusedException(Reason.TOO_LONG, second != null ? second : detail, e);
            case "over_allocation" -> new BillingRefusedException(Reason.OVER_ALLOCATION, detail, e);
            case "amount_mismatch" -> new BillingRefusedException(Reason.AMOUNT_MISMATCH, null, e);
            case "credit_too_large" -> new BillingRefusedException(Reason.CREDIT_TOO_LARGE, null, e);
            case "item_rented" -> new BillingRefusedException(Reason.ITEM_RENTED, null, e);
            case "already_ended" -> new BillingRefusedException(Reason.ALREADY_ENDED, null, e);
            case "busy" -> new BillingRefusedException(Reason.BUSY, null, e);
            default -> new ServiceException(ServiceException.Reason.NOT_FOUND, "Refused: " + matcher.group(), e);
        };
    }
}
