package org.tutti.client.ui.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.NewInvoiceLine;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.RentalItemOption;
import org.tutti.client.domain.RentalLine;
import org.tutti.client.domain.StudentOption;
import org.tutti.client.service.BillingRefusedException;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * The forms of Facturation at the front desk, one per operation: a new invoice, a payment and its
 * allocation, a credit note, a rental, the end of a rental. Each checks what was typed before
 * sending (amounts in French, "1 234,5" or "12,50 €"; dates; what the database would refuse
 * anyway), sends it in the background, and on a refusal or a failure says why in its
 * {@link Form#errorProperty() error} and keeps everything typed.
 */
public final class BillingFormsViewModel {

    /** The longest invoice line label and credit note reason ({@code invoice_line.label}, {@code invoice.credit_reason}). */
    public static final int LABEL_MAX = 200;
    /** The longest payment reference ({@code payment.reference}). */
    public static final int REFERENCE_MAX = 80;
    /** The most lines an invoice may have ({@code tutti.issue_invoice}). */
    public static final int LINES_MAX = 50;
    /** Days between an invoice's issue and its default due date. */
    static final int DUE_DAYS = 30;
    /** "No student" in a student picker: the line (or the rental) is for the family. */
    public static final StudentOption NO_STUDENT = new StudentOption(-1, "");

    private BillingFormsViewModel() {
    }

    /** What every form has: the desk it reports to, an error, a busy flag while it is sent. */
    public abstract static class Form {
        final BillingDeskViewModel desk;
        private final StringProperty error = new SimpleStringProperty(this, "error", "");
        private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

        Form(BillingDeskViewModel desk) {
            this.desk = desk;
        }

        /** The call to send once what was typed is checked, or empty with {@link #fail} called. */
        abstract Optional<Callable<String>> check();

        /** What the desk says after success, given what the call returned (a number). */
        abstract String done(String number);

        /**
         * Checks and sends; on success the desk says what was issued and {@code onDone} runs (the
         * view closes the dialog); otherwise the reason is in {@link #errorProperty()}.
         */
        public void submit(Runnable onDone) {
            if (busy.get()) {
                return;
            }
            error.set("");
            Optional<Callable<String>> call;
            try {
                call = check();
            } catch (Refusal refusal) {
                error.set(refusal.getMessage());
                return;
            }
            if (call.isEmpty()) {
                return;
            }
            busy.set(true);
            desk.tasks().run(call.get())
                    .onSuccess(number -> {
                        busy.set(false);
                        desk.done(done(number));
                        onDone.run();
                    })
                    .onFailure(failure -> {
                        busy.set(false);
                        error.set(refusalText(failure));
                    });
        }

        void fail(String key, Object... args) {
            throw new Refusal(I18n.get(key, args));
        }

        public StringProperty errorProperty() {
            return error;
        }

        public BooleanProperty busyProperty() {
            return busy;
        }

        LocalDate today() {
            return desk.today();
        }

        /** The date in {@code iso} (what {@code DatePickers.strict} holds), or a refusal naming the field. */
        LocalDate date(String iso, String fieldKey) {
            if (iso == null || iso.isBlank()) {
                fail("billingDesk.error.required", I18n.get(fieldKey));
            }
            try {
                return LocalDate.parse(iso.strip());
            } catch (DateTimeParseException e) {
                fail("billingDesk.error.dateInvalid", I18n.get(fieldKey), iso.strip());
                return null;
            }
        }

        /** The amount in {@code text} (blank: {@code blank}, null refuses), or a refusal naming the field. */
        BigDecimal amount(String text, String fieldKey, BigDecimal blank) {
            if ((text == null || text.isBlank()) && blank != null) {
                return blank;
            }
            if (text == null || text.isBlank()) {
                fail("billingDesk.error.required", I18n.get(fieldKey));
            }
            return Amounts.parse(text).orElseThrow(() -> new Refusal(
                    I18n.get("billingDesk.error.amountInvalid", I18n.get(fieldKey), text.strip())));
        }

        String text(String value, String fieldKey, int max) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                fail("billingDesk.error.required", I18n.get(fieldKey));
            }
            if (text.length() > max) {
                fail("billingDesk.error.tooLongField", I18n.get(fieldKey), max);
            }
            return text;
        }
    }

    /** A check that failed: its message is the error shown. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** The message for a refusal of the database or a failure (never a stack trace). */
    static String refusalText(Throwable failure) {
        if (failure instanceof BillingRefusedException refused) {
            String detail = refused.detail() == null ? "" : refused.detail();
            return switch (refused.reason()) {
                case INVALID -> I18n.has("billingDesk.refused.invalid." + detail)
                        ? I18n.get("billingDesk.refused.invalid." + detail)
                        : I18n.get("billingDesk.refused.invalid", detail);
                case TOO_LONG -> I18n.get("billingDesk.refused.tooLong", detail);
                case OVER_ALLOCATION -> I18n.get("billingDesk.refused.overAllocation", detail);
                case AMOUNT_MISMATCH -> I18n.get("billingDesk.refused.amountMismatch");
                case CREDIT_TOO_LARGE -> I18n.get("billingDesk.refused.creditTooLarge");
                case ITEM_RENTED -> I18n.get("billingDesk.refused.itemRented");
                case ALREADY_ENDED -> I18n.get("billingDesk.refused.alreadyEnded");
                case BUSY -> I18n.get("billingDesk.refused.busy");
            };
        }
        return BillingDeskViewModel.FAILURES.message(failure);
    }

    // ------------------------------------------------------------------------------ invoice

    /** One line of a new invoice: label, student (or {@link #NO_STUDENT}), quantity, unit price; its amount shown live. */
    public static final class LineModel {
        private final StringProperty label = new SimpleStringProperty(this, "label", "");
        private final ObjectProperty<StudentOption> student = new SimpleObjectProperty<>(this, "student", NO_STUDENT);
        private final StringProperty quantity = new SimpleStringProperty(this, "quantity", "1");
        private final StringProperty unitPrice = new SimpleStringProperty(this, "unitPrice", "");
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");

        LineModel() {
            InvalidationListener update = o -> amount.set(amountValue().map(Formats::money).orElse("—"));
            quantity.addListener(update);
            unitPrice.addListener(update);
            update.invalidated(null);
        }

        /** quantity × unit price rounded to the cent, when both read as amounts. */
        Optional<BigDecimal> amountValue() {
            Optional<BigDecimal> q = Amounts.parse(quantity.get());
            Optional<BigDecimal> p = Amounts.parse(unitPrice.get());
            return q.isPresent() && p.isPresent()
                    ? Optional.of(q.get().multiply(p.get()).setScale(2, RoundingMode.HALF_UP)) : Optional.empty();
        }

        public StringProperty labelProperty() {
            return label;
        }

        public ObjectProperty<StudentOption> studentProperty() {
            return student;
        }

        public StringProperty quantityProperty() {
            return quantity;
        }

        public StringProperty unitPriceProperty() {
            return unitPrice;
        }

        public StringProperty amountProperty() {
            return amount;
        }
    }

    /** Nouvelle facture: kind, due date (in 30 days), lines, the total shown live. */
    public static final class InvoiceForm extends Form {
        private final FamilyOption family;
        private final ObservableList<StudentOption> students = FXCollections.observableArrayList();
        private final ObjectProperty<BillingKind> kind = new SimpleObjectProperty<>(this, "kind", BillingKind.FEES);
        private final StringProperty dueDate = new SimpleStringProperty(this, "dueDate", "");
        private final ObservableList<LineModel> lines = FXCollections.observableArrayList();
        private final StringProperty total = new SimpleStringProperty(this, "total", "");

        InvoiceForm(BillingDeskViewModel desk, FamilyOption family, List<StudentOption> familyStudents) {
            super(desk);
            this.family = family;
            students.add(NO_STUDENT);
            students.addAll(familyStudents);
            dueDate.set(today().plusDays(DUE_DAYS).toString());
            InvalidationListener update = o -> updateTotal();
            lines.addListener((ListChangeListener<LineModel>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(l -> {
                        l.quantityProperty().addListener(update);
                        l.unitPriceProperty().addListener(update);
                    });
                }
                updateTotal();
            });
            addLine();
        }

        private void updateTotal() {
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (LineModel line : lines) {
                sum = sum.add(line.amountValue().orElse(BigDecimal.ZERO));
            }
            total.set(Formats.money(sum));
        }

        /** Adds an empty line (up to {@link #LINES_MAX}); returns it, or null when there are already as many. */
        public LineModel addLine() {
            if (lines.size() >= LINES_MAX) {
                return null;
            }
            LineModel line = new LineModel();
            lines.add(line);
            return line;
        }

        public void removeLine(LineModel line) {
            if (lines.size() > 1 && lines.remove(line)) {
                // a refusal names lines by number: after a removal it may name the wrong one
                errorProperty().set("");
            }
        }

        @Override
        Optional<Callable<String>> check() {
            LocalDate due = date(dueDate.get(), "billingDesk.invoice.dueDate.plain");
            if (due.isBefore(today())) {
                fail("billingDesk.error.dueInPast");
            }
            List<NewInvoiceLine> out = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                LineModel line = lines.get(i);
                int number = i + 1;
                String label = line.labelProperty().get() == null ? "" : line.labelProperty().get().strip();
                if (label.isEmpty()) {
                    fail("billingDesk.error.lineLabel", number);
                }
                if (label.length() > LABEL_MAX) {
                    fail("billingDesk.error.lineLabelLong", number, LABEL_MAX);
                }
                BigDecimal quantity = Amounts.parse(line.quantityProperty().get()).orElseThrow(() -> new Refusal(
                        I18n.get("billingDesk.error.lineQuantity", number, line.quantityProperty().get().strip())));
                if (quantity.signum() <= 0) {
                    fail("billingDesk.error.lineQuantity", number, line.quantityProperty().get().strip());
                }
                String priceText = line.unitPriceProperty().get() == null ? "" : line.unitPriceProperty().get().strip();
                BigDecimal price = Amounts.parse(priceText).orElseThrow(() -> new Refusal(
                        I18n.get("billingDesk.error.linePrice", number, priceText)));
                StudentOption student = line.studentProperty().get();
                out.add(new NewInvoiceLine(label, student == null || student == NO_STUDENT ? null : student.id(),
                        quantity, price));
                sum = sum.add(quantity.multiply(price).setScale(2, RoundingMode.HALF_UP));
            }
            if (sum.signum() <= 0) {
                fail("billingDesk.error.totalZero");
            }
            BillingKind chosen = kind.get();
            List<NewInvoiceLine> sent = List.copyOf(out);
            return Optional.of(() -> desk.desk().issueInvoice(desk.session(), family.id(), chosen, due, sent));
        }

        @Override
        String done(String number) {
            return I18n.get("billingDesk.done.invoice", number);
        }

        public FamilyOption family() {
            return family;
        }

        public ObservableList<StudentOption> students() {
            return students;
        }

        public ObjectProperty<BillingKind> kindProperty() {
            return kind;
        }

        public StringProperty dueDateProperty() {
            return dueDate;
        }

        public ObservableList<LineModel> lines() {
            return lines;
        }

        public StringProperty totalProperty() {
            return total;
        }
    }

    /** "Cotisations" / "Locations". */
    public static String kindText(BillingKind kind) {
        return kind == null ? "" : I18n.get("billingDesk.kind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    // ------------------------------------------------------------------------------ payment

    /** One invoice with a balance in the payment form, and the part of the payment allocated to it. */
    public static final class Allocation {
        private final InvoiceSummary invoice;
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");

        Allocation(InvoiceSummary invoice) {
            this.invoice = invoice;
        }

        public InvoiceSummary invoice() {
            return invoice;
        }

        public StringProperty amountProperty() {
            return amount;
        }

        /** "BEL-2026-000123 — Cotisations 2026-2027 — reste 120,00 €". */
        public String text() {
            return I18n.get("billingDesk.payment.invoiceLine", invoice.number(), invoice.label(),
                    Formats.money(invoice.balance()));
        }
    }

    /**
     * Enregistrer un règlement: date (today, not in the future), mode, amount, reference, and the
     * family's invoices with a balance, each with the part allocated to it: typing the amount
     * allocates it to the oldest invoices first; what is left to allocate is shown live.
     */
    public static final class PaymentForm extends Form {
        private final FamilyOption family;
        private final StringProperty date = new SimpleStringProperty(this, "date", "");
        private final ObjectProperty<PaymentMethod> method = new SimpleObjectProperty<>(this, "method", PaymentMethod.CHEQUE);
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
        private final StringProperty reference = new SimpleStringProperty(this, "reference", "");
        private final ObservableList<Allocation> allocations = FXCollections.observableArrayList();
        private final StringProperty rest = new SimpleStringProperty(this, "rest", "");
        private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
        private boolean allocating;

        PaymentForm(BillingDeskViewModel desk, FamilyOption family) {
            super(desk);
            this.family = family;
            date.set(today().toString());
            amount.addListener((obs, old, text) -> allocate());
            updateRest();
        }

        /** Reads the family's invoices with a balance (both kinds), oldest first. */
        public void load() {
            loading.set(true);
            long id = family.id();
            desk.tasks().run(() -> {
                List<InvoiceSummary> open = new ArrayList<>();
                for (BillingKind kind : BillingKind.values()) {
                    BillingOverview overview = desk.billing().overview(desk.session(), id, kind);
                    overview.invoices().stream().filter(i -> !i.isCreditNote() && i.hasBalanceDue()).forEach(open::add);
                }
                open.sort(Comparator.comparing(InvoiceSummary::issueDate).thenComparing(InvoiceSummary::dueDate)
                        .thenComparing(InvoiceSummary::number));
                return open;
            }).onSuccess(open -> {
                loading.set(false);
                List<Allocation> lines = open.stream().map(Allocation::new).toList();
                lines.forEach(a -> a.amountProperty().addListener((obs, old, text) -> {
                    if (!allocating) {
                        updateRest();
                    }
                }));
                allocations.setAll(lines);
                allocate();
            }).onFailure(failure -> {
                loading.set(false);
                errorProperty().set(refusalText(failure));
            });
        }

        /** Allocates the amount typed to the oldest invoices first (nothing when it is not an amount). */
        private void allocate() {
            Optional<BigDecimal> total = Amounts.parse(amount.get());
            if (total.isPresent()) {
                allocating = true;
                BigDecimal left = total.get();
                for (Allocation a : allocations) {
                    BigDecimal given = left.min(a.invoice().balance());
                    a.amountProperty().set(given.signum() > 0 ? Amounts.input(given) : "");
                    left = left.subtract(given);
                }
                allocating = false;
            }
            updateRest();
        }

        private void updateRest() {
            Optional<BigDecimal> total = Amounts.parse(amount.get());
            if (total.isEmpty()) {
                rest.set("");
                return;
            }
            BigDecimal allocated = BigDecimal.ZERO;
            for (Allocation a : allocations) {
                Optional<BigDecimal> part = a.amountProperty().get() == null || a.amountProperty().get().isBlank()
                        ? Optional.of(BigDecimal.ZERO) : Amounts.parse(a.amountProperty().get());
                if (part.isEmpty()) {
                    rest.set(I18n.get("billingDesk.payment.restUnknown"));
                    return;
                }
                allocated = allocated.add(part.get());
            }
            BigDecimal left = total.get().subtract(allocated);
            rest.set(left.signum() == 0 ? I18n.get("billingDesk.payment.allAllocated")
                    : left.signum() > 0 ? I18n.get("billingDesk.payment.rest", Formats.money(left))
                    : I18n.get("billingDesk.payment.over", Formats.money(left.negate())));
        }

        @Override
        Optional<Callable<String>> check() {
            LocalDate paid = date(date.get(), "billingDesk.payment.date.plain");
            if (paid.isAfter(today())) {
                fail("billingDesk.error.paymentInFuture");
            }
            PaymentMethod chosen = method.get();
            if (chosen == null) {
                fail("billingDesk.error.required", I18n.get("billingDesk.payment.method.plain"));
            }
            BigDecimal total = amount(amount.get(), "billingDesk.payment.amount.plain", null);
            if (total.signum() <= 0) {
                fail("billingDesk.error.amountZero");
            }
            String ref = reference.get() == null ? "" : reference.get().strip();
            if (ref.length() > REFERENCE_MAX) {
                fail("billingDesk.error.tooLongField", I18n.get("billingDesk.payment.reference.plain"), REFERENCE_MAX);
            }
            if (allocations.isEmpty()) {
                fail("billingDesk.error.nothingToPay");
            }
            Map<Long, BigDecimal> parts = new LinkedHashMap<>();
            BigDecimal allocated = BigDecimal.ZERO;
            for (Allocation a : allocations) {
                String text = a.amountProperty().get();
                BigDecimal part = (text == null || text.isBlank()) ? BigDecimal.ZERO.setScale(2)
                        : Amounts.parse(text).orElseThrow(() -> new Refusal(
                                I18n.get("billingDesk.error.allocationInvalid", a.invoice().number(), text.strip())));
                if (part.compareTo(a.invoice().balance()) > 0) {
                    fail("billingDesk.error.overAllocation", a.invoice().number(), Formats.money(a.invoice().balance()));
                }
                if (part.signum() > 0) {
                    parts.put(a.invoice().id(), part);
                    allocated = allocated.add(part);
                }
            }
            if (allocated.compareTo(total) != 0) {
                fail("billingDesk.error.mismatch", Formats.money(allocated), Formats.money(total));
            }
            String sentReference = ref.isEmpty() ? null : ref;
            Map<Long, BigDecimal> sent = Map.copyOf(parts);
            return Optional.of(() -> desk.desk().recordPayment(desk.session(), family.id(), paid, chosen, total,
                    sentReference, sent));
        }

        @Override
        String done(String number) {
            return I18n.get("billingDesk.done.payment", number);
        }

        public FamilyOption family() {
            return family;
        }

        public StringProperty dateProperty() {
            return date;
        }

        public ObjectProperty<PaymentMethod> methodProperty() {
            return method;
        }

        public StringProperty amountProperty() {
            return amount;
        }

        public StringProperty referenceProperty() {
            return reference;
        }

        public ObservableList<Allocation> allocations() {
            return allocations;
        }

        public StringProperty restProperty() {
            return rest;
        }

        public BooleanProperty loadingProperty() {
            return loading;
        }
    }

    // ------------------------------------------------------------------------------ credit note

    /** Avoir: on one invoice, an amount up to its balance (pre-filled with it) and a reason. */
    public static final class CreditNoteForm extends Form {
        private final InvoiceSummary invoice;
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
        private final StringProperty reason = new SimpleStringProperty(this, "reason", "");

        CreditNoteForm(BillingDeskViewModel desk, InvoiceSummary invoice) {
            super(desk);
            this.invoice = invoice;
            amount.set(Amounts.input(invoice.balance()));
        }

        @Override
        Optional<Callable<String>> check() {
            BigDecimal value = amount(amount.get(), "billingDesk.credit.amount.plain", null);
            if (value.signum() <= 0) {
                fail("billingDesk.error.amountZero");
            }
            if (value.compareTo(invoice.balance()) > 0) {
                fail("billingDesk.error.creditTooLarge", Formats.money(invoice.balance()));
            }
            String why = text(reason.get(), "billingDesk.credit.reason.plain", LABEL_MAX);
            long id = invoice.id();
            return Optional.of(() -> desk.desk().issueCreditNote(desk.session(), id, value, why));
        }

        @Override
        String done(String number) {
            return I18n.get("billingDesk.done.credit", number, invoice.number());
        }

        public InvoiceSummary invoice() {
            return invoice;
        }

        /** "BEL-2026-000123 — Cotisations 2026-2027 — reste 120,00 €". */
        public String invoiceText() {
            return new Allocation(invoice).text();
        }

        public StringProperty amountProperty() {
            return amount;
        }

        public StringProperty reasonProperty() {
            return reason;
        }
    }

    // ------------------------------------------------------------------------------ rental

    /**
     * Nouvelle location: the item (the site's, those rented now marked), the student or none, the
     * dates (today to the next 30 June), the monthly fee (the item's when it is chosen), the deposit.
     */
    public static final class RentalForm extends Form {
        private final FamilyOption family;
        private final ObservableList<StudentOption> students = FXCollections.observableArrayList();
        private final ObservableList<RentalItemOption> items = FXCollections.observableArrayList();
        private final ObjectProperty<RentalItemOption> item = new SimpleObjectProperty<>(this, "item");
        private final ObjectProperty<StudentOption> student = new SimpleObjectProperty<>(this, "student", NO_STUDENT);
        private final StringProperty start = new SimpleStringProperty(this, "start", "");
        private final StringProperty end = new SimpleStringProperty(this, "end", "");
        private final StringProperty monthlyFee = new SimpleStringProperty(this, "monthlyFee", "");
        private final StringProperty deposit = new SimpleStringProperty(this, "deposit", "");
        private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");

        RentalForm(BillingDeskViewModel desk, FamilyOption family, List<StudentOption> familyStudents) {
            super(desk);
            this.family = family;
            students.add(NO_STUDENT);
            students.addAll(familyStudents);
            LocalDate today = today();
            start.set(today.toString());
            LocalDate june = LocalDate.of(today.getYear(), 6, 30);
            end.set((today.isBefore(june) ? june : june.plusYears(1)).toString());
            deposit.set(Amounts.input(BigDecimal.ZERO));
            item.addListener((obs, old, chosen) -> {
                if (chosen != null) {
                    monthlyFee.set(Amounts.input(chosen.monthlyFee()));
                }
            });
        }

        /** Reads the site's items. */
        public void load() {
            loading.set(true);
            desk.tasks().run(() -> desk.desk().rentalItems(desk.session()))
                    .onSuccess(found -> {
                        loading.set(false);
                        items.setAll(found);
                    })
                    .onFailure(failure -> {
                        loading.set(false);
                        errorProperty().set(refusalText(failure));
                    });
        }

        @Override
        Optional<Callable<String>> check() {
            RentalItemOption chosen = item.get();
            if (chosen == null) {
                fail("billingDesk.error.required", I18n.get("billingDesk.rental.item.plain"));
            }
            LocalDate from = date(start.get(), "billingDesk.rental.start.plain");
            LocalDate to = date(end.get(), "billingDesk.rental.end.plain");
            if (!to.isAfter(from)) {
                fail("billingDesk.error.endBeforeStart");
            }
            BigDecimal fee = amount(monthlyFee.get(), "billingDesk.rental.fee.plain", null);
            BigDecimal guarantee = amount(deposit.get(), "billingDesk.rental.deposit.plain", BigDecimal.ZERO.setScale(2));
            StudentOption who = student.get();
            Long studentId = who == null || who == NO_STUDENT ? null : who.id();
            long itemId = chosen.id();
            return Optional.of(() -> desk.desk().createRental(desk.session(), itemId, family.id(), studentId, from, to,
                    fee, guarantee));
        }

        @Override
        String done(String number) {
            return number == null || number.isBlank() ? I18n.get("billingDesk.done.rentalFree")
                    : I18n.get("billingDesk.done.rental", number);
        }

        /** "Violon 1/2 (INV-0012) — 18,00 € par mois", with "— loué en ce moment" for an item rented now. */
        public static String itemText(RentalItemOption item) {
            if (item == null) {
                return "";
            }
            return I18n.get(item.rentedNow() ? "billingDesk.rental.itemLineRented" : "billingDesk.rental.itemLine",
                    item.label(), item.inventoryCode(), Formats.money(item.monthlyFee()));
        }

        public FamilyOption family() {
            return family;
        }

        public ObservableList<StudentOption> students() {
            return students;
        }

        public ObservableList<RentalItemOption> items() {
            return items;
        }

        public ObjectProperty<RentalItemOption> itemProperty() {
            return item;
        }

        public ObjectProperty<StudentOption> studentProperty() {
            return student;
        }

        public StringProperty startProperty() {
            return start;
        }

        public StringProperty endProperty() {
            return end;
        }

        public StringProperty monthlyFeeProperty() {
            return monthlyFee;
        }

        public StringProperty depositProperty() {
            return deposit;
        }

        public BooleanProperty loadingProperty() {
            return loading;
        }
    }

    /** Terminer la location: the end date (today by default), after its start and before its planned end. */
    public static final class EndRentalForm extends Form {
        private final RentalLine rental;
        private final StringProperty end = new SimpleStringProperty(this, "end", "");

        EndRentalForm(BillingDeskViewModel desk, RentalLine rental) {
            super(desk);
            this.rental = rental;
            end.set(today().toString());
        }

        @Override
        Optional<Callable<String>> check() {
            LocalDate to = date(end.get(), "billingDesk.rentalEnd.date.plain");
            if (!to.isAfter(rental.startDate())) {
                fail("billingDesk.error.endNotAfterStart", Formats.date(rental.startDate()));
            }
            if (!to.isBefore(rental.endDate())) {
                fail("billingDesk.error.endNotBeforeEnd", Formats.date(rental.endDate()));
            }
            long id = rental.id();
            return Optional.of(() -> {
                desk.desk().endRental(desk.session(), id, to);
                return "";
            });
        }

        @Override
        String done(String number) {
            return I18n.get("billingDesk.done.rentalEnd", rental.itemLabel(), Formats.date(LocalDate.parse(end.get())));
        }

        public RentalLine rental() {
            return rental;
        }

        /** "Violon 1/2 (INV-0012), du 01/09/2026 au 30/06/2027". */
        public String rentalText() {
            return I18n.get("billingDesk.rentalEnd.what", rental.itemLabel(), rental.inventoryCode(),
                    Formats.date(rental.startDate()), Formats.date(rental.endDate()));
        }

        public StringProperty endProperty() {
            return end;
        }
    }
}
