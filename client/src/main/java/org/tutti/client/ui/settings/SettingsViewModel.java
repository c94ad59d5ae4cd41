package org.tutti.client.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.tutti.client.domain.SiteSettings;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DeskRefusedException;
import org.tutti.client.service.SiteSettingsService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.I18n;

/**
 * Paramètres: the site's settings as editable texts, their errors (the server's refusals put on their field),
 * whether the session may change them, and whether edits are unsaved. Loads and saves in the background; a
 * refused save keeps everything typed.
 */
public final class SettingsViewModel {

    /** The fields, by the name save_site_settings gives them in its refusals. */
    public static final List<String> FIELDS = List.of("name", "address1", "address2", "postal_code", "city", "phone",
            "email", "letterhead_logo", "online_payment_url", "payment_instructions", "max_document_bytes",
            "identifier_pattern", "mail_sender", "session_lifetime_hours");

    static final int MEGABYTE = 1048576;
    static final int LOGO_MAX = 524288;
    private static final Failures FAILURES = Failures.of("Site settings", "settings.error");

    private final UserSession session;
    private final SiteSettingsService service;
    private final BackgroundTasks tasks;

    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final BooleanProperty onlinePayment = new SimpleBooleanProperty(this, "onlinePayment");
    private final ObjectProperty<byte[]> logo = new SimpleObjectProperty<>(this, "logo");
    private final BooleanProperty mayChange = new SimpleBooleanProperty(this, "mayChange");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty documentPrefix = new SimpleStringProperty(this, "documentPrefix", "");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private SiteSettings read;
    private boolean logoChanged;
    private boolean filling;

    public SettingsViewModel(UserSession session, SiteSettingsService service, BackgroundTasks tasks) {
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        for (String field : FIELDS) {
            StringProperty text = new SimpleStringProperty(this, field, "");
            text.addListener((obs, old, now) -> edited());
            texts.put(field, text);
            errors.put(field, new SimpleStringProperty(this, field + "Error", ""));
        }
        onlinePayment.addListener((obs, old, now) -> edited());
        logo.addListener((obs, old, now) -> edited());
    }

    private void edited() {
        if (!filling && read != null) {
            dirty.set(true);
            message.set("");
        }
    }

    /** Reads the settings in the background; edits not saved are dropped. */
    public void load() {
        busy.set(true);
        message.set("");
        tasks.run(() -> service.read(session)).onSuccess(this::fill).onFailure(this::failed);
    }

    private void fill(SiteSettings s) {
        filling = true;
        read = s;
        text("name").set(nullToEmpty(s.name()));
        text("address1").set(nullToEmpty(s.address1()));
        text("address2").set(nullToEmpty(s.address2()));
        text("postal_code").set(nullToEmpty(s.postalCode()));
        text("city").set(nullToEmpty(s.city()));
        text("phone").set(nullToEmpty(s.phone()));
        text("email").set(nullToEmpty(s.email()));
        text("online_payment_url").set(nullToEmpty(s.onlinePaymentUrl()));
        text("payment_instructions").set(nullToEmpty(s.paymentInstructions()));
        text("max_document_bytes").set(String.valueOf(Math.max(1, Math.round(s.maxDocumentBytes() / (double) MEGABYTE))));
        text("identifier_pattern").set(nullToEmpty(s.identifierPattern()));
        text("mail_sender").set(nullToEmpty(s.mailSender()));
        text("session_lifetime_hours").set(s.sessionLifetimeHours() == null ? "" : s.sessionLifetimeHours().toString());
        onlinePayment.set(s.onlinePayment());
        logo.set(s.logo());
        documentPrefix.set(nullToEmpty(s.documentPrefix()));
        mayChange.set(s.mayChange());
        logoChanged = false;
        errors.values().forEach(e -> e.set(""));
        filling = false;
        dirty.set(false);
        busy.set(false);
        loaded.set(true);
    }

    /** A chosen logo file's bytes: kept (to save) when PNG or JPEG of 512 KB at most, else an error on the logo. */
    public void chooseLogo(byte[] content) {
        boolean png = content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G';
        boolean jpeg = content.length >= 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff;
        if (content.length > LOGO_MAX || !(png || jpeg)) {
            error("letterhead_logo").set(I18n.get("settings.error.logo"));
            return;
        }
        error("letterhead_logo").set("");
        logoChanged = true;
        logo.set(content);
    }

    public void removeLogo() {
        error("letterhead_logo").set("");
        logoChanged = true;
        logo.set(null);
    }

    /** Saves in the background; errors go on their fields (nothing typed is lost). */
    public void save() {
        if (read == null || busy.get() || !mayChange.get()) {
            return;
        }
        errors.values().forEach(e -> e.set(""));
        message.set("");
        Integer megabytes = whole(text("max_document_bytes").get());
        if (megabytes == null || megabytes < 1 || megabytes > 10) {
            error("max_document_bytes").set(I18n.get("settings.error.maxDocument"));
        }
        String hoursText = text("session_lifetime_hours").get().strip();
        Integer hours = hoursText.isEmpty() ? null : whole(hoursText);
        if (!hoursText.isEmpty() && (hours == null || hours < 1 || hours > 720)) {
            error("session_lifetime_hours").set(I18n.get("settings.error.sessionLifetime"));
        }
        if (errors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
            message.set(I18n.get("settings.error.fields"));
            return;
        }
        SiteSettings edited = new SiteSettings(value("name"), value("address1"), value("address2"),
                value("postal_code"), value("city"), value("phone"), value("email"), logo.get(), onlinePayment.get(),
                value("online_payment_url"), value("payment_instructions"), megabytes * MEGABYTE,
                value("identifier_pattern"), value("mail_sender"), hours, read.documentPrefix(), read.version(),
                true);
        boolean sendLogo = logoChanged;
        busy.set(true);
        tasks.run(() -> service.save(session, edited, sendLogo)).onSuccess(version -> {
            read = new SiteSettings(edited.name(), edited.address1(), edited.address2(), edited.postalCode(),
                    edited.city(), edited.phone(), edited.email(), edited.logo(), edited.onlinePayment(),
                    edited.onlinePaymentUrl(), edited.paymentInstructions(), edited.maxDocumentBytes(),
                    edited.identifierPattern(), edited.mailSender(), edited.sessionLifetimeHours(),
                    edited.documentPrefix(), version, true);
            logoChanged = false;
            busy.set(false);
            dirty.set(false);
            message.set(I18n.get("settings.saved"));
        }).onFailure(this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof DeskRefusedException refused) {
            switch (refused.reason()) {
                case FORBIDDEN -> message.set(I18n.get("settings.error.forbidden"));
                case STALE -> message.set(I18n.get("settings.error.stale"));
                case BUSY -> message.set(I18n.get("settings.error.busy"));
                case INVALID, TOO_LONG -> {
                    String field = errors.containsKey(refused.detail()) ? refused.detail() : "name";
                    error(field).set(refused.reason() == DeskRefusedException.Reason.TOO_LONG
                            ? I18n.get("settings.error.tooLong", refused.max()) : invalidText(field));
                    message.set(I18n.get("settings.error.fields"));
                }
                default -> message.set(FAILURES.message(failure));
            }
            return;
        }
        message.set(FAILURES.message(failure));
    }

    private String invalidText(String field) {
        return switch (field) {
            case "name", "address1", "postal_code", "city" -> text(field).get().isBlank()
                    ? I18n.get("settings.error.required") : I18n.get("settings.error.invalid");
            case "email", "mail_sender" -> I18n.get("settings.error.email");
            case "online_payment_url" -> I18n.get("settings.error.url");
            case "max_document_bytes" -> I18n.get("settings.error.maxDocument");
            case "identifier_pattern" -> I18n.get("settings.error.pattern");
            case "session_lifetime_hours" -> I18n.get("settings.error.sessionLifetime");
            case "letterhead_logo" -> I18n.get("settings.error.logo");
            default -> I18n.get("settings.error.invalid");
        };
    }

    private String value(String field) {
        String v = text(field).get().strip();
        return v.isEmpty() ? null : v;
    }

    private static Integer whole(String text) {
        String t = text == null ? "" : text.strip();
        return t.matches("[0-9]{1,6}") ? Integer.valueOf(t) : null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public StringProperty text(String field) {
        return Objects.requireNonNull(texts.get(field), field);
    }

    public StringProperty error(String field) {
        return Objects.requireNonNull(errors.get(field), field);
    }

    public BooleanProperty onlinePaymentProperty() {
        return onlinePayment;
    }

    public ObservableValue<byte[]> logoProperty() {
        return logo;
    }

    public ReadOnlyBooleanProperty mayChangeProperty() {
        return mayChange;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty documentPrefixProperty() {
        return documentPrefix;
    }

    /** True while edits are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** True when the save button may act: loaded, allowed, not busy. */
    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> loaded.get() && mayChange.get() && !busy.get(), loaded, mayChange,
                busy);
    }
}
