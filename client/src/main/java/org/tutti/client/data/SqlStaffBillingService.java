package org.tutti.client.data;

import static org.tutti.client.data.BillingRows.money;
import static org.tutti.client.data.ReenrolmentRows.date;
import static org.tutti.client.data.ReenrolmentRows.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.NewInvoiceLine;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.RentalItemKind;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.StaffBillingService;

/**
 * Facturation at the front desk. Reads are plain SQL stating the {@link Visibility} rule (the
 * site's families and items); every write is one call of a billing function of the SQL API
 * ({@code tutti.issue_invoice}, {@code record_payment}, {@code issue_credit_note},
 * {@code create_rental}, {@code end_rental}) with JSON arguments, in a transaction bound to the
 * session; their refusals become {@link org.tutti.client.service.BillingRefusedException}s
 * ({@link BillingRows#refusal}).
 */
final class SqlStaffBillingService implements StaffBillingService {

    static final String ISSUE_INVOICE = "select tutti.issue_invoice(?, ?, ?, ?)";
    static final String RECORD_PAYMENT = "select tutti.record_payment(?, ?, ?, ?, ?, ?)";
    static final String ISSUE_CREDIT_NOTE = "select tutti.issue_credit_note(?, ?, ?)";
    static final String CREATE_RENTAL = "select tutti.create_rental(?, ?, ?, ?, ?, ?, ?)";
    static final String END_RENTAL = "select tutti.end_rental(?, ?)";

    /** At most this many families answer a search. */
    static final int MAX_FAMILIES = 50;

    /**
     * Accented letters (both cases) and the typographic apostrophe, and what the family list's order
     * reads them as: SQL's {@code translate} does the same on H2 and on PostgreSQL (whose {@code lower()} may
     * leave accented capitals alone under the C locale), without any extension.
     */
    private static final String ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸÆŒ’";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyaoAAAAAACEEEEIIIINOOOOOUUUUYYAO'";

    private static final Logger LOG = LoggerFactory.getLogger(SqlStaffBillingService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;

    SqlStaffBillingService(Transactions transactions) {
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public List<FamilyOption> families(UserSession user, String text) {
        Visibility visibility = Visibility.ofStaff(user);
        String typed = SqlFamilySearchService.searched(text);
        List<FamilyOption> families = new ArrayList<>(transactions.readOnly(user, session -> typed.isEmpty()
                ? list(session, "select f.id, f.identifier, f.last_name, f.first_name from tutti.family f where "
                        + visibility.familiesSql("f") + " order by " + folded("f.last_name") + ", "
                        + folded("f.first_name") + ", f.identifier limit " + MAX_FAMILIES,
                        SqlStaffBillingService::familyOption, visibility.sqlParameter())
                // a name typed: the families Familles finds (tutti.search_families and its trigram index)
                : list(session, "select f.id, f.identifier, f.last_name, f.first_name"
                        + " from tutti.search_families(?, ?) s join tutti.family f on f.id = s.family_id",
                        SqlStaffBillingService::familyOption, typed, MAX_FAMILIES)));
        Collator collator = HibernateSiteService.frenchCollator();
        families.sort(Comparator.comparing(FamilyOption::name, collator).thenComparing(FamilyOption::identifier));
        return families;
    }

    private static FamilyOption familyOption(ResultSet rs) throws SQLException {
        return new FamilyOption(rs.getLong(1), rs.getString(2), upper(rs.getString(3)) + " " + rs.getString(4));
    }

    /**
     * A column as the family list (nothing typed) is ordered by: lower case, without accents. PostgreSQL's
     * {@code family_billing_order_ix} (V24) indexes this very expression of the last and first names
     * for the list's order: change both together.
     */
    static String folded(String column) {
        return "lower(translate(" + column + ", '" + ACCENTED + "', '" + PLAIN.replace("'", "''") + "'))";
    }

    private static String upper(String text) {
        return text == null ? "" : text.toUpperCase(Locale.FRENCH);
    }

    @Override
    public List<StudentOption> students(UserSession user, long familyId) {
        Visibility visibility = Visibility.ofStaff(user);
        List<StudentOption> students = new ArrayList<>(transactions.readOnly(user, session -> {
            requireFamily(session, visibility, familyId);
            return list(session, "select st.id, st.first_name, st.last_name from tutti.student st"
                            + " join tutti.family f on f.id = st.family_id"
                            + " where st.family_id = ? and " + visibility.familiesSql("f"),
                    rs -> new StudentOption(rs.getLong(1), BillingRows.studentName(rs.getString(2), rs.getString(3))),
                    familyId, visibility.sqlParameter());
        }));
        students.sort(Comparator.comparing(StudentOption::name, HibernateSiteService.frenchCollator())
                .thenComparingLong(StudentOption::id));
        return students;
    }

    /** NOT_FOUND unless the family is one of the site's. */
    static void requireFamily(Session session, Visibility visibility, long familyId) {
        if (list(session, "select f.id from tutti.family f where f.id = ? and " + visibility.familiesSql("f"),
                rs -> rs.getLong(1), familyId, visibility.sqlParameter()).isEmpty()) {
            throw BillingRows.notFound("family " + familyId);
        }
    }

    @Override
    public List<RentalItemOption> rentalItems(UserSession user) {
        Visibility visibility = Visibility.ofStaff(user);
        List<RentalItemOption> items = new ArrayList<>(transactions.readOnly(user, session -> list(session,
                "select ri.id, ri.kind, ri.label, ri.inventory_code, ri.monthly_fee,"
                        + " case when exists (select 1 from tutti.rental r where r.rental_item_id = ri.id"
                        + "   and current_date between r.start_date and r.end_date) then 1 else 0 end"
                        + " from tutti.rental_item ri where " + visibility.siteSql("ri.site_id"),
                rs -> new RentalItemOption(rs.getLong(1), RentalItemKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), money(rs, 5), rs.getInt(6) == 1),
                visibility.sqlParameter())));
        items.sort(Comparator.comparing(RentalItemOption::kind)
                .thenComparing(RentalItemOption::label, HibernateSiteService.frenchCollator())
                .thenComparing(RentalItemOption::inventoryCode));
        return items;
    }

    @Override
    public List<RentalLine> rentals(UserSession user, long familyId) {
        Visibility visibility = Visibility.ofStaff(user);
        return transactions.readOnly(user, session -> {
            requireFamily(session, visibility, familyId);
            return list(session, "select r.id, ri.kind, ri.label, ri.inventory_code, st.first_name, st.last_name,"
                            + " r.start_date, r.end_date, r.monthly_fee, r.deposit, i.number,"
                            + " case when current_date between r.start_date and r.end_date then 1 else 0 end"
                            + " from tutti.rental r"
                            + " join tutti.rental_item ri on ri.id = r.rental_item_id"
                            + " join tutti.family f on f.id = r.family_id"
                            + " left join tutti.student st on st.id = r.student_id"
                            + " left join tutti.invoice i on i.id = r.invoice_id"
                            + " where r.family_id = ? and " + visibility.familiesSql("f")
                            + " order by r.start_date desc, r.id desc",
                    rs -> new RentalLine(rs.getLong(1), RentalItemKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), BillingRows.studentName(rs.getString(5), rs.getString(6)), date(rs, 7),
                            date(rs, 8), money(rs, 9), money(rs, 10), rs.getString(11), rs.getInt(12) == 1),
                    familyId, visibility.sqlParameter());
        });
    }

    // ------------------------------------------------------------------ writes

    @Override
    public String issueInvoice(UserSession user, long familyId, BillingKind kind, LocalDate dueDate,
            List<NewInvoiceLine> lines) {
        Visibility.ofStaff(user);
        ArrayNode json = JSON.createArrayNode();
        for (NewInvoiceLine line : lines == null ? List.<NewInvoiceLine>of() : lines) {
            ObjectNode node = json.addObject().put("label", line.label() == null ? null : line.label().strip());
            if (line.studentId() == null) {
                node.putNull("student");
            } else {
                node.put("student", line.studentId());
            }
            node.put("quantity", amount(line.quantity())).put("unit_price", amount(line.unitPrice()));
        }
        String number = call(user, ISSUE_INVOICE, statement -> {
            statement.setLong(1, familyId);
            statement.setString(2, kind.code());
            setDate(statement, 3, dueDate);
            statement.setString(4, json(json));
        });
        LOG.info("Invoice {} ({}, {} line(s)) issued to family {}: {}", number, kind.code(), json.size(), familyId,
                user);
        return number;
    }

    @Override
    public String recordPayment(UserSession user, long familyId, LocalDate date, PaymentMethod method,
            BigDecimal amount, String reference, Map<Long, BigDecimal> allocations) {
        Visibility.ofStaff(user);
        ArrayNode json = JSON.createArrayNode();
        // by invoice id: two payments lock their invoices in the same order
        new TreeMap<>(allocations == null ? Map.<Long, BigDecimal>of() : allocations).forEach((invoice, part) ->
                json.addObject().put("invoice", invoice).put("amount", amount(part)));
        String text = reference == null || reference.isBlank() ? null : reference.strip();
        String receipt = call(user, RECORD_PAYMENT, statement -> {
            statement.setLong(1, familyId);
            setDate(statement, 2, date);
            statement.setString(3, method == null ? null : method.name());
            statement.setBigDecimal(4, amount);
            statement.setString(5, text);
            statement.setString(6, json(json));
        });
        LOG.info("Payment {} of {} ({}) recorded for family {} on {} invoice(s): {}", receipt, amount, method,
                familyId, json.size(), user);
        return receipt;
    }

    @Override
    public String issueCreditNote(UserSession user, long invoiceId, BigDecimal amount, String reason) {
        Visibility.ofStaff(user);
        String number = call(user, ISSUE_CREDIT_NOTE, statement -> {
            statement.setLong(1, invoiceId);
            statement.setBigDecimal(2, amount);
            statement.setString(3, reason == null ? null : reason.strip());
        });
        LOG.info("Credit note {} of {} issued on invoice {}: {}", number, amount, invoiceId, user);
        return number;
    }

    @Override
    public String createRental(UserSession user, long rentalItemId, long familyId, Long studentId,
            LocalDate startDate, LocalDate endDate, BigDecimal monthlyFee, BigDecimal deposit) {
        Visibility.ofStaff(user);
        String number = call(user, CREATE_RENTAL, statement -> {
            statement.setLong(1, rentalItemId);
            statement.setLong(2, familyId);
            if (studentId == null) {
                statement.setNull(3, Types.BIGINT);
            } else {
                statement.setLong(3, studentId);
            }
            setDate(statement, 4, startDate);
            setDate(statement, 5, endDate);
            statement.setBigDecimal(6, monthlyFee);
            statement.setBigDecimal(7, deposit);
        });
        String invoice = number == null ? "" : number;
        LOG.info("Item {} rented to family {} from {} to {} (invoice {}): {}", rentalItemId, familyId, startDate,
                endDate, invoice.isEmpty() ? "none" : invoice, user);
        return invoice;
    }

    @Override
    public void endRental(UserSession user, long rentalId, LocalDate endDate) {
        Visibility.ofStaff(user);
        call(user, END_RENTAL, statement -> {
            statement.setLong(1, rentalId);
            setDate(statement, 2, endDate);
        });
        LOG.info("Rental {} ends on {}: {}", rentalId, endDate, user);
    }

    /** Binds a call's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs one billing function in a transaction bound to the session; its text result (null for void). */
    private String call(UserSession user, String sql, Binder binder) {
        return transactions.inTransaction(user, session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw BillingRows.refusal(e);
            }
        }));
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }

    /** "420.00": an amount as the functions' JSON carries it; null stays null (the function says invalid). */
    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable", e);
        }
    }
}
