package org.tutti.client.ui.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.DeskCounts;
import org.tutti.client.domain.FailedMail;
import org.tutti.client.domain.OverdueInvoice;
import org.tutti.client.service.DeskHomeService;
import org.tutti.client.service.DeskRefusedException;
import org.tutti.client.service.HomeService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Accueil: the greeting, the site and school year, and (family mode) each student with this
 * year's courses, (staff mode) the day's work: the changes waiting for validation, when the
 * oldest was sent, the decisions taken today; as display-ready texts. Loads in the background.
 */
public final class HomeViewModel {

    /** One student as Accueil shows it. */
    public record StudentItem(long id, String name, String ageText, List<CourseRow> courses) {
        public StudentItem {
            courses = List.copyOf(courses);
        }
    }

    /** One current course, as texts; {@code enrolmentId} opens its follow-up window. */
    public record CourseRow(long enrolmentId, String discipline, String classLabel, String teacher, String slot,
            String room) {
    }

    private static final Failures FAILURES = Failures.of("Loading Accueil", "home.error");

    private final UserSession session;
    private final HomeService service;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final StringProperty greeting = new SimpleStringProperty(this, "greeting", "");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObservableList<StudentItem> students = FXCollections.observableArrayList();
    private final StringProperty schoolYear = new SimpleStringProperty(this, "schoolYear", "");
    // staff: the day's work
    private final BooleanProperty anyPending = new SimpleBooleanProperty(this, "anyPending");
    private final StringProperty pendingText = new SimpleStringProperty(this, "pendingText", "");
    private final StringProperty oldestText = new SimpleStringProperty(this, "oldestText", "");
    private final StringProperty decidedText = new SimpleStringProperty(this, "decidedText", "");
    // issue 16 — settings + home: the desk's counts and the lists they open
    private static final Failures LIST_FAILURES = Failures.of("Accueil's lists", "home.desk.error");
    private final DeskHomeService desk;
    private final StringProperty reenrolmentsText = new SimpleStringProperty(this, "reenrolmentsText", "");
    private final StringProperty mailsText = new SimpleStringProperty(this, "mailsText", "");
    private final StringProperty overdueText = new SimpleStringProperty(this, "overdueText", "");
    private final StringProperty lockedText = new SimpleStringProperty(this, "lockedText", "");
    private final BooleanProperty countsLoaded = new SimpleBooleanProperty(this, "countsLoaded");
    private final ObservableList<FailedMail> failedMails = FXCollections.observableArrayList();
    private final ObservableList<OverdueInvoice> overdueInvoices = FXCollections.observableArrayList();
    private final StringProperty overdueNote = new SimpleStringProperty(this, "overdueNote", "");
    private final BooleanProperty listBusy = new SimpleBooleanProperty(this, "listBusy");
    private final StringProperty listMessage = new SimpleStringProperty(this, "listMessage", "");

    public HomeViewModel(UserSession session, HomeService service, BackgroundTasks tasks, Clock clock) {
        this(session, service, null, tasks, clock);
    }

    /** @param desk the staff Accueil's counts and lists (null: none shown) */
    public HomeViewModel(UserSession session, HomeService service, DeskHomeService desk, BackgroundTasks tasks,
            Clock clock) {
        this.desk = desk;
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
    }

    public boolean isStaff() {
        return session.isStaff();
    }

    /** Loads (or reloads) the content in the background. */
    public void load() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        error.set("");
        if (session.isStaff()) {
            tasks.run(() -> service.staffHome(session)).onSuccess(this::showStaff).onFailure(this::failed);
            loadCounts();
        } else {
            tasks.run(() -> service.familyHome(session)).onSuccess(this::showFamily).onFailure(this::failed);
        }
    }

    private void showFamily(FamilyHome home) {
        loading.set(false);
        greeting.set(I18n.get("home.family.greeting", Formats.personName(home.civility(), home.firstName(), home.lastName())));
        context.set(I18n.get("home.context", home.siteName(), home.schoolYear()));
        schoolYear.set(home.schoolYear() == null ? "" : home.schoolYear());
        LocalDate today = LocalDate.now(clock);
        students.setAll(home.students().stream().map(s -> item(s, today)).toList());
        loaded.set(true);
    }

    private void showStaff(StaffHome home) {
        loading.set(false);
        greeting.set(I18n.get("home.staff.greeting", home.staffName()));
        context.set(I18n.get("home.context", home.siteName(), home.schoolYear()));
        students.clear();
        int pending = home.pendingChanges();
        anyPending.set(pending > 0);
        pendingText.set(counted("home.staff.pending", pending));
        oldestText.set(home.oldestPending() == null ? ""
                : I18n.get("home.staff.oldest", Formats.date(LocalDate.ofInstant(home.oldestPending(), clock.getZone()))));
        int decided = home.decidedToday();
        decidedText.set(counted("home.staff.decided", decided));
        loaded.set(true);
    }

    /** The desk's counts, in the background (each time Accueil is shown, and after a retry). */
    public void loadCounts() {
        if (desk == null) {
            return;
        }
        tasks.run(() -> desk.counts(session)).onSuccess(this::showCounts).onFailure(this::failed);
    }

    private void showCounts(DeskCounts counts) {
        reenrolmentsText.set(counted("home.desk.reenrolments", counts.reenrolmentsWaiting()));
        mailsText.set(counted("home.desk.mails", counts.mailsFailed()));
        overdueText.set(counted("home.desk.overdue", counts.invoicesOverdue()));
        lockedText.set(counted("home.desk.locked", counts.accountsLocked()));
        countsLoaded.set(true);
    }

    /** The failed mails window's list, in the background. */
    public void loadFailedMails() {
        listBusy.set(true);
        tasks.run(() -> desk.failedMails(session)).onSuccess(mails -> {
            listBusy.set(false);
            failedMails.setAll(mails);
        }).onFailure(this::listFailed);
    }

    /** Puts {@code mail} back in the queue; the message says what happened, the list and counts follow. */
    public void retry(FailedMail mail) {
        if (mail == null) {
            listMessage.set(I18n.get("home.mails.none"));
            return;
        }
        listBusy.set(true);
        listMessage.set("");
        tasks.run(() -> {
            desk.retryMail(session, mail.id());
            return desk.failedMails(session);
        }).onSuccess(mails -> {
            listBusy.set(false);
            failedMails.setAll(mails);
            listMessage.set(I18n.get("home.mails.retried"));
            loadCounts();
        }).onFailure(failure -> {
            if (failure instanceof DeskRefusedException refused) {
                listBusy.set(false);
                listMessage.set(switch (refused.reason()) {
                    case SECRET_GONE -> I18n.get("home.mails.secretGone");
                    case NOT_FAILED -> I18n.get("home.mails.notFailed");
                    default -> I18n.get("home.mails.busy");
                });
                if (refused.reason() == DeskRefusedException.Reason.NOT_FAILED) {
                    loadFailedMails();
                    loadCounts();
                }
            } else {
                listFailed(failure);
            }
        });
    }

    /** The overdue invoices window's list, in the background. */
    public void loadOverdueInvoices() {
        listBusy.set(true);
        tasks.run(() -> desk.overdueInvoices(session, DeskHomeService.MAX_OVERDUE_LISTED + 1)).onSuccess(read -> {
            listBusy.set(false);
            boolean cut = read.size() > DeskHomeService.MAX_OVERDUE_LISTED;
            overdueNote.set(cut ? I18n.get("home.overdue.limited", DeskHomeService.MAX_OVERDUE_LISTED) : "");
            overdueInvoices.setAll(cut ? read.subList(0, DeskHomeService.MAX_OVERDUE_LISTED) : read);
        }).onFailure(this::listFailed);
    }

    private void listFailed(Throwable failure) {
        listBusy.set(false);
        listMessage.set(LIST_FAILURES.message(failure));
    }

    /** Clears a list window's message (a window opens without the last one's). */
    public void clearListMessage() {
        listMessage.set("");
    }

    public boolean hasDesk() {
        return desk != null;
    }

    public ReadOnlyStringProperty reenrolmentsTextProperty() {
        return reenrolmentsText;
    }

    public ReadOnlyStringProperty mailsTextProperty() {
        return mailsText;
    }

    public ReadOnlyStringProperty overdueTextProperty() {
        return overdueText;
    }

    public ReadOnlyStringProperty lockedTextProperty() {
        return lockedText;
    }

    public ReadOnlyBooleanProperty countsLoadedProperty() {
        return countsLoaded;
    }

    public ObservableList<FailedMail> failedMails() {
        return failedMails;
    }

    public ObservableList<OverdueInvoice> overdueInvoices() {
        return overdueInvoices;
    }

    /** Empty, or "Les 500 factures les plus anciennes…" when the window's list was cut. */
    public ReadOnlyStringProperty overdueNoteProperty() {
        return overdueNote;
    }

    public ReadOnlyBooleanProperty listBusyProperty() {
        return listBusy;
    }

    public ReadOnlyStringProperty listMessageProperty() {
        return listMessage;
    }

    /** The bundle's {@code key.none}, {@code key.one} or {@code key.many} (with the count). */
    private static String counted(String key, int count) {
        return count == 0 ? I18n.get(key + ".none") : count == 1 ? I18n.get(key + ".one") : I18n.get(key + ".many", count);
    }

    private void failed(Throwable failure) {
        loading.set(false);
        error.set(FAILURES.message(failure));
    }

    static StudentItem item(StudentSummary s, LocalDate today) {
        String name = s.firstName() + " " + s.lastName();
        String age = s.birthDate() == null
                ? ""
                : I18n.get("home.student.age", Formats.age(s.birthDate(), today), Formats.date(s.birthDate()));
        List<CourseRow> rows = s.currentCourses().stream().map(HomeViewModel::row).toList();
        return new StudentItem(s.id(), name, age, rows);
    }

    static CourseRow row(CourseSummary c) {
        return new CourseRow(
                c.enrolmentId(),
                nullToEmpty(c.discipline()),
                nullToEmpty(c.classLabel()),
                nullToEmpty(c.teacher()),
                Formats.slot(c.day(), c.startTime(), c.durationMinutes()),
                nullToEmpty(c.room()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyStringProperty greetingProperty() {
        return greeting;
    }

    public ReadOnlyStringProperty contextProperty() {
        return context;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObservableList<StudentItem> students() {
        return students;
    }

    /** The current school year's label ("2026-2027"), once loaded. */
    public ReadOnlyStringProperty schoolYearProperty() {
        return schoolYear;
    }

    /** Staff: true when changes wait for a decision. */
    public ReadOnlyBooleanProperty anyPendingProperty() {
        return anyPending;
    }

    /** Staff: "12 modifications attendent votre validation." */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText;
    }

    /** Staff: "La plus ancienne a été envoyée le 02/12/2026."; empty when none waits. */
    public ReadOnlyStringProperty oldestTextProperty() {
        return oldestText;
    }

    /** Staff: "3 décisions prises aujourd’hui." */
    public ReadOnlyStringProperty decidedTextProperty() {
        return decidedText;
    }
}
