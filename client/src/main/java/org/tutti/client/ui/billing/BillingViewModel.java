package org.tutti.client.ui.billing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.documents.BillingDocuments;
import org.tutti.client.domain.BillingKind;
import org.tutti.client.domain.BillingOverview;
import org.tutti.client.domain.InvoiceState;
import org.tutti.client.domain.InvoiceSummary;
import org.tutti.client.domain.PaymentMethod;
import org.tutti.client.domain.PaymentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Facturation of one family: the two tabs (cotisations, locations), each with its invoices, its
 * payments and its balance due, read together in the background; the PDF of a row (its data read
 * first, then drawn by the viewer); the online payment of the selected invoice where the site
 * offers it. Properties only: {@link BillingTabs} shows them.
 */
public final class BillingViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(BillingViewModel.class);

    static final Failures FAILURES = Failures.of("Billing", "billing.error.unexpected");
    static final Failures DOCUMENT_FAILURES = Failures.of("Billing document", "billing.error.document")
            .with(ServiceException.Reason.NOT_FOUND, "billing.error.notFound");
    static final Failures PAYMENT_FAILURES = Failures.of("Online payment", "billing.error.onlinePayment")
            .with(ServiceException.Reason.NOT_FOUND, "billing.error.notFound");

    /** A document to show: the viewer's key (one window per document), title, proposed file name and PDF bytes. */
    public record OpenDocument(String key, String title, String fileName, Callable<byte[]> content) {
    }

    private final UserSession session;
    private final BillingService service;
    private final BackgroundTasks tasks;
    private final Consumer<String> browser;
    private final Map<BillingKind, KindTab> tabs = new EnumMap<>(BillingKind.class);
    private final ObjectProperty<BillingKind> shownKind = new SimpleObjectProperty<>(this, "shownKind", BillingKind.FEES);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper paying = new ReadOnlyBooleanWrapper(this, "paying");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Set<String> fetching = new HashSet<>();
    private final ReadOnlyObjectWrapper<InvoiceSummary> selectedInvoice = new ReadOnlyObjectWrapper<>(this,
            "selectedInvoice");
    private final BooleanBinding onlineShown;
    private final BooleanBinding onlineAllowed;
    private Long familyId;
    private int generation;

    /**
     * @param browser opens a web page in the user's browser ({@code ExternalBrowser::open}); may
     *                throw when it cannot
     */
    public BillingViewModel(UserSession session, BillingService service, BackgroundTasks tasks,
            Consumer<String> browser) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.browser = Objects.requireNonNull(browser);
        for (BillingKind kind : BillingKind.values()) {
            tabs.put(kind, new KindTab(kind));
        }
        KindTab fees = tabs.get(BillingKind.FEES);
        KindTab rentals = tabs.get(BillingKind.RENTALS);
        // the front desk records payments, it does not pay for the family
        onlineShown = Bindings.createBooleanBinding(() -> !session.isStaff() && shown().offered.get(), shownKind,
                fees.offered, rentals.offered);
        onlineAllowed = Bindings.createBooleanBinding(() -> {
            KindTab tab = shown();
            InvoiceSummary invoice = tab.selected.get();
            return tab.offered.get() && invoice != null && !invoice.isCreditNote() && invoice.hasBalanceDue()
                    && !paying.get();
        }, shownKind, fees.offered, rentals.offered, fees.selected, rentals.selected, paying);
        shownKind.addListener((obs, old, kind) -> notice.set(""));
        selectedInvoice.bind(Bindings.createObjectBinding(() -> shown().selected.get(), shownKind, fees.selected,
                rentals.selected));
    }

    /** Shows {@code family}'s billing, read in the background. */
    public void showFamily(long family) {
        if (familyId == null || familyId != family) {
            tabs.values().forEach(KindTab::clear);
        }
        familyId = family;
        reload();
    }

    /** Reads the family shown again (screen shown again, F5, Réessayer); the rows stay until the answer. */
    public void reload() {
        if (familyId == null) {
            return;
        }
        int asked = ++generation;
        long family = familyId;
        loading.set(true);
        error.set("");
        message.set("");
        tasks.run(() -> {
            Map<BillingKind, BillingOverview> read = new EnumMap<>(BillingKind.class);
            for (BillingKind kind : BillingKind.values()) {
                read.put(kind, service.overview(session, family, kind));
            }
            return read;
        }).onSuccess(read -> {
            if (asked == generation) {
                loading.set(false);
                read.forEach((kind, overview) -> tabs.get(kind).apply(overview));
            }
        }).onFailure(failure -> {
            if (asked == generation) {
                loading.set(false);
                tabs.values().forEach(KindTab::clear);
                error.set(FAILURES.message(failure));
            }
        });
    }

    /**
     * Reads the invoice's PDF data in the background, then gives {@code show} the document to open
     * (the viewer draws the PDF). A document already being read is not asked twice.
     */
    public void openInvoice(InvoiceSummary invoice, Consumer<OpenDocument> show) {
        String title = I18n.get(invoice.isCreditNote() ? "billing.viewer.creditNote" : "billing.viewer.invoice",
                invoice.number());
        fetch(invoiceKey(invoice), () -> {
            var document = service.invoiceDocument(session, invoice.id());
            return new OpenDocument(invoiceKey(invoice), title, BillingDocuments.fileName(document),
                    () -> BillingDocuments.invoice(document));
        }, show);
    }

    /** As {@link #openInvoice}, for a payment's receipt. */
    public void openReceipt(PaymentSummary payment, Consumer<OpenDocument> show) {
        String title = I18n.get("billing.viewer.receipt", payment.receiptNumber());
        fetch(receiptKey(payment), () -> {
            var document = service.receiptDocument(session, payment.id());
            return new OpenDocument(receiptKey(payment), title, BillingDocuments.fileName(document),
                    () -> BillingDocuments.receipt(document));
        }, show);
    }

    private void fetch(String key, Callable<OpenDocument> read, Consumer<OpenDocument> show) {
        if (!fetching.add(key)) {
            return;
        }
        opening.set(true);
        message.set("");
        tasks.run(read).onSuccess(document -> {
            done(key);
            show.accept(document);
        }).onFailure(failure -> {
            done(key);
            if (failure instanceof ServiceException se && se.reason() == ServiceException.Reason.NOT_FOUND) {
                // the list says what is true now (reading it again clears the message: said after)
                reload();
            }
            message.set(DOCUMENT_FAILURES.message(failure));
        });
    }

    private void done(String key) {
        fetching.remove(key);
        opening.set(!fetching.isEmpty());
    }

    static String invoiceKey(InvoiceSummary invoice) {
        return "invoice" + invoice.id();
    }

    static String receiptKey(PaymentSummary payment) {
        return "receipt" + payment.id();
    }

    /**
     * Asks the site's payment page for the selected invoice of the tab shown and opens it in the
     * browser. Nothing is marked paid: the school records the payment once the provider confirms it.
     */
    public void payOnline() {
        if (!onlineAllowed.get()) {
            return;
        }
        InvoiceSummary invoice = shown().selected.get();
        paying.set(true);
        message.set("");
        notice.set("");
        tasks.run(() -> service.onlinePaymentUrl(session, invoice.id())).onSuccess((Optional<String> url) -> {
            paying.set(false);
            if (url.isEmpty()) {
                // paid meanwhile, or the site no longer offers it: the list says what is true now
                reload();
                message.set(I18n.get("billing.onlinePayment.nothingDue"));
                return;
            }
            try {
                browser.accept(url.get());
                notice.set(I18n.get("billing.onlinePayment.opened"));
            } catch (RuntimeException e) {
                LOG.warn("The browser could not be opened", e);
                message.set(I18n.get("billing.error.browser", url.get()));
            }
        }).onFailure(failure -> {
            paying.set(false);
            message.set(PAYMENT_FAILURES.message(failure));
        });
    }

    private KindTab shown() {
        return tabs.get(shownKind.get());
    }

    // ------------------------------------------------------------------------------ texts

    /** The state in words: "payée", "partiellement payée", "à payer", "en retard", "avoir", "annulée". */
    public static String stateText(InvoiceState state) {
        return I18n.get("billing.state." + state.name());
    }

    /** "Chèque", "Virement", "Espèces", "Carte bancaire", "Prélèvement", "Paiement en ligne". */
    public static String methodText(PaymentMethod method) {
        return Formats.paymentMethod(method);
    }

    /** "Reste à payer : 1 234,56 €", or "Rien à payer" when nothing is due. */
    public static String balanceText(BigDecimal balance) {
        return balance.signum() > 0 ? I18n.get("billing.balance", Formats.money(balance))
                : I18n.get("billing.balance.none");
    }

    /** The invoices a payment settles: "BEL-2026-000123, BEL-2026-000124". */
    public static String invoicesText(PaymentSummary payment) {
        return String.join(", ", payment.invoiceNumbers());
    }

    // ------------------------------------------------------------------------------ properties

    public KindTab tab(BillingKind kind) {
        return tabs.get(kind);
    }

    /** The tab shown (the online payment acts on its selected invoice). */
    public ObjectProperty<BillingKind> shownKindProperty() {
        return shownKind;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the lists could not be read (with Réessayer), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** While a document's data is read. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** While the payment page is asked for. */
    public ReadOnlyBooleanProperty payingProperty() {
        return paying.getReadOnlyProperty();
    }

    /** Why a document or the payment page could not be opened, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "La page de paiement s'est ouverte…", or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The invoice (or credit note) selected in the tab shown, or null. */
    public ReadOnlyObjectProperty<InvoiceSummary> selectedInvoiceProperty() {
        return selectedInvoice.getReadOnlyProperty();
    }

    /** The site offers online payment on the tab shown: the button shows. */
    public BooleanBinding onlineShownProperty() {
        return onlineShown;
    }

    /** The tab's selected invoice has something to pay online: the button is enabled. */
    public BooleanBinding onlineAllowedProperty() {
        return onlineAllowed;
    }

    /** One tab: its invoices, payments, balance due, whether the site offers online payment, the selected invoice. */
    public static final class KindTab {
        private final BillingKind kind;
        private final ObservableList<InvoiceSummary> invoices = FXCollections.observableArrayList();
        private final ObservableList<PaymentSummary> payments = FXCollections.observableArrayList();
        private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper(this, "balance", "");
        private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered");
        private final ObjectProperty<InvoiceSummary> selected = new SimpleObjectProperty<>(this, "selected");

        KindTab(BillingKind kind) {
            this.kind = kind;
        }

        void apply(BillingOverview overview) {
            InvoiceSummary was = selected.get();
            invoices.setAll(overview.invoices());
            payments.setAll(overview.payments());
            balance.set(balanceText(overview.balanceDue()));
            offered.set(overview.onlinePaymentOffered());
            // the same invoice, as read now (its balance may have changed)
            selected.set(was == null ? null
                    : overview.invoices().stream().filter(i -> i.id() == was.id()).findFirst().orElse(null));
        }

        void clear() {
            invoices.clear();
            payments.clear();
            balance.set("");
            offered.set(false);
            selected.set(null);
        }

        public BillingKind kind() {
            return kind;
        }

        public ObservableList<InvoiceSummary> invoices() {
            return invoices;
        }

        public ObservableList<PaymentSummary> payments() {
            return payments;
        }

        /** "Reste à payer : 1 234,56 €", "Rien à payer", or empty before the first answer. */
        public ReadOnlyStringProperty balanceProperty() {
            return balance.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty offeredProperty() {
            return offered.getReadOnlyProperty();
        }

        /** The invoice selected in the tab's list (the online payment's). */
        public ObjectProperty<InvoiceSummary> selectedProperty() {
            return selected;
        }
    }
}
