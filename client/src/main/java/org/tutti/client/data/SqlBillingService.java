package org.tutti.client.data;

import static org.tutti.client.data.BillingRows.money;
import static org.tutti.client.data.ReenrolmentRows.date;
import static org.tutti.client.data.ReenrolmentRows.first;
import static org.tutti.client.data.ReenrolmentRows.list;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.tutti.client.domain.Addressee;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceDocument;
import org.tutti.client.domain.InvoiceDocumentLine;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.Letterhead;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.ReceiptDocument;
import org.tutti.client.domain.SettledInvoice;
import org.tutti.client.domain.Settlement;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;

/**
 * Facturation, read side, in plain SQL: a handful of statements per call whatever the number of
 * invoices (no query per row). Every statement states the {@link Visibility} rule on the family
 * ({@code f}) of the rows it reads, which is the boundary on H2 and agrees with row-level security
 * on PostgreSQL: a row of a family the session may not see is NOT_FOUND.
 *
 * <p>The amounts follow one rule (SQL-API.md, "Billing"): an invoice's settled amount is what
 * payments allocate to it plus its credit notes' totals, its balance the rest. Its state is
 * computed here, with the database's {@code current_date} for "overdue", never the computer's.
 */
final class SqlBillingService implements BillingService {

    /** What an invoice row carries: {@link #invoiceRow(ResultSet)}'s columns, over {@link #INVOICE_FROM}. */
    private static final String INVOICE_COLUMNS = "i.id, i.number, i.kind, i.issue_date, i.due_date, i.total_amount,"
            + " c.number, y.label,"
            + " (select sum(a.amount) from tutti.payment_allocation a where a.invoice_id = i.id),"
            + " (select sum(cn.total_amount) from tutti.invoice cn where cn.credit_note_for = i.id),"
            + " case when i.due_date < current_date then 1 else 0 end";

    /** An invoice with its family {@code f}, school year {@code y} and corrected invoice {@code c}. */
    private static final String INVOICE_FROM = " from tutti.invoice i"
            + " join tutti.family f on f.id = i.family_id"
            + " join tutti.school_year y on y.id = i.school_year_id"
            + " left join tutti.invoice c on c.id = i.credit_note_for";

    /**
     * The invoice's site {@code s}, as the session may read it: {@code tutti.site} itself keeps its
     * address and payment settings from the login roles, the view {@code site_letterhead} shows
     * the session's own site.
     */
    private static final String INVOICE_SITE = " join " + BillingRows.SITE + " on s.id = i.site_id";

    private final Transactions transactions;

    SqlBillingService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** An invoice or credit note with its amounts. */
    private record InvoiceRow(long id, String number, BillingKind kind, LocalDate issueDate, LocalDate dueDate,
            BigDecimal total, String correctedNumber, String schoolYear, BigDecimal paid, BigDecimal credited,
            boolean pastDue) {

        boolean isCreditNote() {
            return correctedNumber != null;
        }

        /** Payments and credit notes together; 0 for a credit note. */
        BigDecimal settled() {
            return isCreditNote() ? money(BigDecimal.ZERO) : paid.add(credited);
        }

        BigDecimal balance() {
            return isCreditNote() ? money(BigDecimal.ZERO) : total.subtract(settled());
        }

        /** "Cotisations 2026-2027", "Locations 2026-2027", "Avoir sur la facture BEL-2026-000123". */
        String label() {
            if (isCreditNote()) {
                return "Avoir sur la facture " + correctedNumber;
            }
            return (kind == BillingKind.FEES ? "Cotisations " : "Locations ") + schoolYear;
        }

        InvoiceState state() {
            return SqlBillingService.state(isCreditNote(), total, paid, credited, pastDue);
        }

        InvoiceSummary summary() {
            if (isCreditNote()) {
                return new InvoiceSummary(id, number, kind, issueDate, dueDate, label(), total.negate(),
                        settled(), balance(), InvoiceState.CREDIT_NOTE, correctedNumber);
            }
            return new InvoiceSummary(id, number, kind, issueDate, dueDate, label(), total, settled(), balance(),
                    state(), null);
        }
    }

    /** {@link #INVOICE_COLUMNS} from column 1. */
    private static InvoiceRow invoiceRow(ResultSet rs) throws SQLException {
        return new InvoiceRow(rs.getLong(1), rs.getString(2), BillingKind.ofCode(rs.getString(3)), date(rs, 4),
                date(rs, 5), money(rs, 6), rs.getString(7), rs.getString(8), money(rs, 9), money(rs, 10),
                rs.getInt(11) == 1);
    }

    /**
     * An invoice's state: a credit note is CREDIT_NOTE; nothing left to pay is PAID, or CANCELLED
     * when only credit notes settled it; part paid is PARTIALLY_PAID; nothing settled is OVERDUE
     * once its due date is past (the database's date), DUE before.
     */
    static InvoiceState state(boolean creditNote, BigDecimal total, BigDecimal paid, BigDecimal credited,
            boolean pastDue) {
        if (creditNote) {
            return InvoiceState.CREDIT_NOTE;
        }
        BigDecimal balance = total.subtract(paid).subtract(credited);
        if (balance.signum() <= 0) {
            return paid.signum() == 0 && credited.signum() > 0 ? InvoiceState.CANCELLED : InvoiceState.PAID;
        }
        if (balance.compareTo(total) < 0) {
            return InvoiceState.PARTIALLY_PAID;
        }
        return pastDue ? InvoiceState.OVERDUE : InvoiceState.DUE;
    }

    @Override
    public BillingOverview overview(UserSession user, long familyId, BillingKind kind) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            boolean onlinePayment = first(session, "select s.online_payment, s.online_payment_url"
                            + " from tutti.family f join " + BillingRows.SITE + " on s.id = f.site_id"
                            + " where f.id = ? and " + visibility.familiesSql("f"),
                    rs -> rs.getBoolean(1) && rs.getString(2) != null && !rs.getString(2).isBlank(),
                    familyId, visibility.sqlParameter())
                    .orElseThrow(() -> BillingRows.notFound("family " + familyId));
            List<InvoiceSummary> invoices = list(session, "select " + INVOICE_COLUMNS + INVOICE_FROM
                            + " where i.family_id = ? and i.kind = ? and " + visibility.familiesSql("f")
                            + " order by i.issue_date desc, i.number desc, i.id desc",
                    rs -> invoiceRow(rs).summary(), familyId, kind.code(), visibility.sqlParameter());
            BigDecimal balanceDue = money(invoices.stream().map(InvoiceSummary::balance)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            return new BillingOverview(kind, invoices, payments(session, visibility, familyId, kind), balanceDue,
                    onlinePayment);
        });
    }

    /** The family's payments that settle at least one invoice of {@code kind}, each with every invoice it settles. */
    private static List<PaymentSummary> payments(Session session, Visibility visibility, long familyId,
            BillingKind kind) {
        record Row(long id, String receipt, LocalDate date, PaymentMethod method, BigDecimal amount, String reference,
                String invoice) {
        }
        List<Row> rows = list(session, "select p.id, p.receipt_number, p.payment_date, p.method, p.amount,"
                        + " p.reference, ia.number"
                        + " from tutti.payment p"
                        + " join tutti.family f on f.id = p.family_id"
                        + " join tutti.payment_allocation a on a.payment_id = p.id"
                        + " join tutti.invoice ia on ia.id = a.invoice_id"
                        + " where p.family_id = ? and " + visibility.familiesSql("f")
                        + " and exists (select 1 from tutti.payment_allocation ka"
                        + "   join tutti.invoice ki on ki.id = ka.invoice_id where ka.payment_id = p.id and ki.kind = ?)"
                        + " order by p.payment_date desc, p.receipt_number desc, p.id desc, ia.issue_date, ia.number",
                rs -> new Row(rs.getLong(1), rs.getString(2), date(rs, 3), PaymentMethod.valueOf(rs.getString(4)),
                        money(rs, 5), rs.getString(6), rs.getString(7)),
                familyId, visibility.sqlParameter(), kind.code());
        Map<Long, List<Row>> byPayment = new LinkedHashMap<>();
        rows.forEach(row -> byPayment.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return byPayment.values().stream().map(group -> {
            Row p = group.get(0);
            return new PaymentSummary(p.id(), p.receipt(), p.date(), p.method(), p.amount(), p.reference(),
                    group.stream().map(Row::invoice).toList());
        }).toList();
    }

    @Override
    public InvoiceDocument invoiceDocument(UserSession user, long invoiceId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            record Head(InvoiceRow invoice, Letterhead site, String instructions, Addressee family) {
            }
            Head head = first(session, "select " + INVOICE_COLUMNS + ", " + BillingRows.SITE_COLUMNS
                            + ", s.payment_instructions, " + BillingRows.FAMILY_COLUMNS + INVOICE_FROM
                            + INVOICE_SITE + " where i.id = ? and " + visibility.familiesSql("f"),
                    rs -> new Head(invoiceRow(rs), BillingRows.letterhead(rs, 12), rs.getString(19),
                            BillingRows.addressee(rs, 20)),
                    invoiceId, visibility.sqlParameter())
                    .orElseThrow(() -> BillingRows.notFound("invoice " + invoiceId));
            List<InvoiceDocumentLine> lines = list(session, "select l.label, st.first_name, st.last_name,"
                            + " l.quantity, l.unit_price, l.amount"
                            + " from tutti.invoice_line l"
                            + " join tutti.invoice i on i.id = l.invoice_id"
                            + " join tutti.family f on f.id = i.family_id"
                            + " left join tutti.student st on st.id = l.student_id"
                            + " where l.invoice_id = ? and " + visibility.familiesSql("f")
                            + " order by l.line_no, l.id",
                    rs -> new InvoiceDocumentLine(rs.getString(1), BillingRows.studentName(rs.getString(2),
                            rs.getString(3)), money(rs, 4), money(rs, 5), money(rs, 6)),
                    invoiceId, visibility.sqlParameter());
            InvoiceRow invoice = head.invoice();
            List<Settlement> settlements = invoice.isCreditNote() ? List.of()
                    : settlements(session, visibility, invoiceId);
            String instructions = invoice.isCreditNote() || head.instructions() == null
                    || head.instructions().isBlank() ? null : head.instructions().strip();
            return new InvoiceDocument(head.site(), head.family(), invoice.number(), invoice.kind(),
                    invoice.correctedNumber(), invoice.schoolYear(), invoice.issueDate(), invoice.dueDate(), lines,
                    invoice.total(), settlements, invoice.settled(), invoice.balance(), instructions);
        });
    }

    /** The payments allocated to the invoice and its credit notes, by date. */
    private static List<Settlement> settlements(Session session, Visibility visibility, long invoiceId) {
        List<Settlement> settlements = new ArrayList<>(list(session,
                "select p.receipt_number, p.payment_date, p.method, a.amount"
                        + " from tutti.payment_allocation a"
                        + " join tutti.payment p on p.id = a.payment_id"
                        + " join tutti.family f on f.id = p.family_id"
                        + " where a.invoice_id = ? and " + visibility.familiesSql("f")
                        + " union all"
                        + " select cn.number, cn.issue_date, null, cn.total_amount"
                        + " from tutti.invoice cn"
                        + " join tutti.family f on f.id = cn.family_id"
                        + " where cn.credit_note_for = ? and " + visibility.familiesSql("f"),
                rs -> new Settlement(rs.getString(1), date(rs, 2),
                        rs.getString(3) == null ? null : PaymentMethod.valueOf(rs.getString(3)), money(rs, 4)),
                invoiceId, visibility.sqlParameter(), invoiceId, visibility.sqlParameter()));
        settlements.sort(Comparator.comparing(Settlement::date).thenComparing(Settlement::number));
        return settlements;
    }

    @Override
    public ReceiptDocument receiptDocument(UserSession user, long paymentId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            ReceiptDocument head = first(session, "select p.receipt_number, p.payment_date, p.method, p.amount,"
                            + " p.reference, " + BillingRows.SITE_COLUMNS + ", " + BillingRows.FAMILY_COLUMNS
                            + " from tutti.payment p"
                            + " join tutti.family f on f.id = p.family_id"
                            + " join " + BillingRows.SITE + " on s.id = p.site_id"
                            + " where p.id = ? and " + visibility.familiesSql("f"),
                    rs -> new ReceiptDocument(BillingRows.letterhead(rs, 6), BillingRows.addressee(rs, 13),
                            rs.getString(1), date(rs, 2), PaymentMethod.valueOf(rs.getString(3)), money(rs, 4),
                            rs.getString(5), List.of()),
                    paymentId, visibility.sqlParameter())
                    .orElseThrow(() -> BillingRows.notFound("payment " + paymentId));
            List<SettledInvoice> invoices = list(session, "select i.number, i.issue_date, a.amount"
                            + " from tutti.payment_allocation a"
                            + " join tutti.payment p on p.id = a.payment_id"
                            + " join tutti.invoice i on i.id = a.invoice_id"
                            + " join tutti.family f on f.id = p.family_id"
                            + " where a.payment_id = ? and " + visibility.familiesSql("f")
                            + " order by i.issue_date, i.number",
                    rs -> new SettledInvoice(rs.getString(1), date(rs, 2), money(rs, 3)),
                    paymentId, visibility.sqlParameter());
            return new ReceiptDocument(head.site(), head.family(), head.receiptNumber(), head.date(), head.method(),
                    head.amount(), head.reference(), invoices);
        });
    }

    @Override
    public Optional<String> onlinePaymentUrl(UserSession user, long invoiceId) {
        Visibility visibility = Visibility.of(user);
        return transactions.readOnly(user, session -> {
            record Row(InvoiceRow invoice, boolean offered, String template, String email) {
            }
            Row row = first(session, "select " + INVOICE_COLUMNS + ", s.online_payment, s.online_payment_url, f.email"
                            + INVOICE_FROM + INVOICE_SITE + " where i.id = ? and " + visibility.familiesSql("f"),
                    rs -> new Row(invoiceRow(rs), rs.getBoolean(12), rs.getString(13), rs.getString(14)),
                    invoiceId, visibility.sqlParameter())
                    .orElseThrow(() -> BillingRows.notFound("invoice " + invoiceId));
            InvoiceRow invoice = row.invoice();
            if (!row.offered() || row.template() == null || row.template().isBlank() || invoice.isCreditNote()
                    || invoice.balance().signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(paymentUrl(row.template().strip(), invoice.number(), invoice.balance(),
                    invoice.issueDate().getYear(), invoice.label(), row.email()));
        });
    }

    /**
     * The site's template with its placeholders replaced: {reference} the invoice number,
     * {amount} the balance ("123.45"), {amountCents} ("12345"), {year} the issue year, {label}
     * and {email} URL-encoded (UTF-8; no e-mail: empty).
     */
    static String paymentUrl(String template, String number, BigDecimal balance, int year, String label,
            String email) {
        BigDecimal amount = money(balance);
        return template
                .replace("{reference}", encode(number))
                .replace("{amountCents}", amount.movePointRight(2).toBigIntegerExact().toString())
                .replace("{amount}", amount.toPlainString())
                .replace("{year}", Integer.toString(year))
                .replace("{label}", encode(label))
                .replace("{email}", email == null ? "" : encode(email.strip()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
