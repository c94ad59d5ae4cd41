package org.tutti.client.ui.staffpedagogy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.tutti.client.domain.AbsenceEntry;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationEntry;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.service.PedagogyRefusedException;
import org.tutti.client.service.ServiceException.Reason;
import org.tutti.client.service.StaffPedagogyService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.Failures;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.I18n;

/**
 * Pédagogie at the front desk: the site's courses of the current year (filtered on discipline,
 * class, cycle and teacher as typed), the selected course's students, and the two entry forms
 * (a date's absences, an evaluation) with their checks, each line's error and the outcome.
 */
public final class StaffPedagogyViewModel {

    static final Failures FAILURES = Failures.of("Front desk pedagogy", "staffPedagogy.error.unexpected")
            .with(Reason.NOT_FOUND, "staffPedagogy.error.notFound");

    /** A reason's maximum length (absence.reason). */
    static final int REASON_MAX = 400;
    /** A mention's maximum length (evaluation.mention). */
    static final int MENTION_MAX = 40;
    /** An appreciation's maximum length (evaluation.appreciation). */
    static final int APPRECIATION_MAX = 4000;

    private static final Pattern MARK = Pattern.compile("[0-9]{1,2}([.,][0-9]{1,2})?");

    private final UserSession session;
    private final StaffPedagogyService service;
    private final BackgroundTasks tasks;

    private final ObservableList<StaffCourse> courses = FXCollections.observableArrayList();
    private final FilteredList<StaffCourse> shown = new FilteredList<>(courses);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<StaffCourse> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<CourseStudent> students = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private long studentsAsked;

    public StaffPedagogyViewModel(UserSession session, StaffPedagogyService service, BackgroundTasks tasks) {
        this.session = session;
        this.service = service;
        this.tasks = tasks;
        filter.addListener((obs, old, text) -> applyFilter());
        selected.addListener((obs, old, course) -> loadStudents(course));
    }

    public ObservableList<StaffCourse> courses() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<StaffCourse> selectedProperty() {
        return selected;
    }

    public ObservableList<CourseStudent> students() {
        return students;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** What the last entry recorded ("3 absences enregistrées."). */
    public StringProperty statusProperty() {
        return status;
    }

    /** "12 cours sur 40" while filtered, "40 cours" otherwise. */
    ObservableStringValue countText() {
        return Bindings.createStringBinding(() -> filter.get().isBlank()
                ? I18n.get("staffPedagogy.count", courses.size())
                : I18n.get("staffPedagogy.countFiltered", shown.size(), courses.size()), filter, shown, courses);
    }

    /** Reads the site's courses again, keeping the selected one when it is still there. */
    public void refresh() {
        loading.set(true);
        tasks.run(() -> service.courses(session)).onSuccess(list -> {
            loading.set(false);
            error.set("");
            Long kept = selected.get() == null ? null : selected.get().id();
            courses.setAll(list);
            selected.set(kept == null ? null : courses.stream().filter(c -> c.id() == kept).findFirst().orElse(null));
        }).onFailure(failure -> {
            loading.set(false);
            error.set(FAILURES.message(failure));
        });
    }

    private void applyFilter() {
        String words = I18n.folded(filter.get() == null ? "" : filter.get().strip());
        shown.setPredicate(words.isEmpty() ? null : course -> {
            String text = I18n.folded(String.join(" ", course.discipline(), course.classLabel(),
                    course.cycle() == null ? "" : course.cycle(), course.teacher() == null ? "" : course.teacher()));
            for (String word : words.split("\\s+")) {
                if (!text.contains(word)) {
                    return false;
                }
            }
            return true;
        });
    }

    private void loadStudents(StaffCourse course) {
        long asked = ++studentsAsked;
        students.clear();
        if (course == null) {
            return;
        }
        tasks.run(() -> service.students(session, course.id())).onSuccess(list -> {
            if (asked == studentsAsked) {
                students.setAll(list);
            }
        }).onFailure(failure -> {
            if (asked == studentsAsked) {
                error.set(FAILURES.message(failure));
            }
        });
    }

    /** "Lundi 17:00 – 17:30" of a course. */
    static String slot(StaffCourse course) {
        return Formats.slot(course.day(), course.startTime(), course.durationMinutes());
    }

    /** The absence form of the selected course and its students, or null without a selection. */
    public AbsenceForm absenceForm() {
        StaffCourse course = selected.get();
        return course == null ? null : new AbsenceForm(course, List.copyOf(students));
    }

    /** The evaluation form of the selected course and its students, or null without a selection. */
    public EvaluationForm evaluationForm() {
        StaffCourse course = selected.get();
        return course == null ? null : new EvaluationForm(course, List.copyOf(students));
    }

    /** The date typed (ISO text from the picker) if it is one, not in the future; else null. */
    static LocalDate pastDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.isAfter(LocalDate.now()) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text of a refusal, on a line or for the whole form. */
    static String refusalText(Throwable failure) {
        if (failure instanceof PedagogyRefusedException refused) {
            return switch (refused.reason()) {
                case BUSY -> I18n.get("staffPedagogy.error.busy");
                case TOO_LONG -> I18n.get("staffPedagogy.error.tooLong");
                case INVALID -> I18n.has("staffPedagogy.error.invalid." + refused.field())
                        ? I18n.get("staffPedagogy.error.invalid." + refused.field())
                        : I18n.get("staffPedagogy.error.invalid");
            };
        }
        return FAILURES.message(failure);
    }

    /** What a form shares: its date, its state while sent, its error for the whole form. */
    public abstract class Form {
        final StaffCourse course;
        final StringProperty date = new SimpleStringProperty(this, "date", LocalDate.now().toString());
        final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
        final StringProperty formError = new SimpleStringProperty(this, "error", "");
        final StringProperty dateError = new SimpleStringProperty(this, "dateError", "");

        Form(StaffCourse course) {
            this.course = course;
            date.addListener((obs, old, text) -> dateError.set(""));
        }

        public StringProperty dateProperty() {
            return date;
        }

        public BooleanProperty busyProperty() {
            return busy;
        }

        public StringProperty errorProperty() {
            return formError;
        }

        public StringProperty dateErrorProperty() {
            return dateError;
        }

        /** "Piano — Classe de Mme Durand (Lundi 17:00 – 17:30)". */
        String title() {
            return I18n.get("staffPedagogy.dialog.course", course.discipline(), course.classLabel(), slot(course));
        }

        /** The date, or null with its error shown. */
        LocalDate checkedDate() {
            LocalDate day = pastDate(date.get());
            dateError.set(day == null ? I18n.get("staffPedagogy.error.date") : "");
            return day;
        }

        /** Checks, then sends in the background; {@code done} on success (closes the dialog). */
        abstract void submit(Runnable done);
    }

    /** One student's line of the absence form. */
    public static final class AbsenceLine {
        final CourseStudent student;
        final BooleanProperty absent = new SimpleBooleanProperty(this, "absent");
        final BooleanProperty excused = new SimpleBooleanProperty(this, "excused");
        final StringProperty reason = new SimpleStringProperty(this, "reason", "");
        final StringProperty error = new SimpleStringProperty(this, "error", "");
        /** Changed by the user: what the database says of the date no longer replaces it. */
        boolean touched;
        private boolean filling;

        AbsenceLine(CourseStudent student) {
            this.student = student;
            javafx.beans.InvalidationListener touch = obs -> touched |= !filling;
            absent.addListener(touch);
            excused.addListener(touch);
            reason.addListener(touch);
        }

        void fill(AbsenceEntry entry) {
            filling = true;
            absent.set(entry != null);
            excused.set(entry != null && entry.excused());
            reason.set(entry == null || entry.reason() == null ? "" : entry.reason());
            filling = false;
        }

        public BooleanProperty absentProperty() {
            return absent;
        }

        public BooleanProperty excusedProperty() {
            return excused;
        }

        public StringProperty reasonProperty() {
            return reason;
        }
    }

    /** Saisir les absences: one line per student, the recorded absences of the date ticked. */
    public final class AbsenceForm extends Form {
        final List<AbsenceLine> lines;
        private long prefillAsked;

        AbsenceForm(StaffCourse course, List<CourseStudent> students) {
            super(course);
            this.lines = students.stream().map(AbsenceLine::new).toList();
            date.addListener((obs, old, text) -> prefill());
            prefill();
        }

        public List<AbsenceLine> lines() {
            return lines;
        }

        /** Ticks what is recorded for the date (the lines as the database has them). */
        void prefill() {
            LocalDate day = pastDate(date.get());
            long asked = ++prefillAsked;
            if (day == null || lines.isEmpty()) {
                return;
            }
            tasks.run(() -> service.absences(session, course.id(), day)).onSuccess(recorded -> {
                if (asked != prefillAsked) {
                    return;
                }
                Map<Long, AbsenceEntry> byEnrolment = recorded.stream()
                        .collect(Collectors.toMap(AbsenceEntry::enrolmentId, Function.identity(), (a, b) -> a));
                for (AbsenceLine line : lines) {
                    if (!line.touched) {
                        line.fill(byEnrolment.get(line.student.enrolmentId()));
                    }
                }
            }).onFailure(failure -> {
                if (asked == prefillAsked) {
                    formError.set(FAILURES.message(failure));
                }
            });
        }

        @Override
        void submit(Runnable done) {
            formError.set("");
            lines.forEach(l -> l.error.set(""));
            LocalDate day = checkedDate();
            if (day == null || busy.get()) {
                return;
            }
            if (lines.isEmpty()) {
                formError.set(I18n.get("staffPedagogy.error.noStudent"));
                return;
            }
            List<AbsenceEntry> entries = lines.stream().map(l -> new AbsenceEntry(l.student.enrolmentId(),
                    l.absent.get(), l.absent.get() && l.excused.get(), l.absent.get() ? l.reason.get() : null)).toList();
            busy.set(true);
            tasks.run(() -> service.recordAbsences(session, course.id(), day, entries)).onSuccess(count -> {
                busy.set(false);
                status.set(count == 0 ? I18n.get("staffPedagogy.absences.none", Formats.date(day))
                        : count == 1 ? I18n.get("staffPedagogy.absences.one", Formats.date(day))
                        : I18n.get("staffPedagogy.absences.many", count, Formats.date(day)));
                done.run();
            }).onFailure(failure -> {
                busy.set(false);
                if (failure instanceof PedagogyRefusedException refused
                        && "absence_date".equals(refused.field())) {
                    dateError.set(I18n.get("staffPedagogy.error.dateOutOfYear"));
                } else {
                    formError.set(refusalText(failure));
                }
            });
        }
    }

    /** One student's line of the evaluation form. */
    public static final class EvaluationLine {
        final CourseStudent student;
        final StringProperty mark = new SimpleStringProperty(this, "mark", "");
        final StringProperty mention = new SimpleStringProperty(this, "mention", "");
        final StringProperty appreciation = new SimpleStringProperty(this, "appreciation", "");
        final StringProperty error = new SimpleStringProperty(this, "error", "");

        EvaluationLine(CourseStudent student) {
            this.student = student;
        }

        public StringProperty markProperty() {
            return mark;
        }

        public StringProperty mentionProperty() {
            return mention;
        }

        public StringProperty appreciationProperty() {
            return appreciation;
        }

        public StringProperty errorProperty() {
            return error;
        }

        boolean blank() {
            return mark.get().isBlank() && mention.get().isBlank() && appreciation.get().isBlank();
        }
    }

    /** Saisir une évaluation: a kind, a date, one line per student (a line left empty is skipped). */
    public final class EvaluationForm extends Form {
        final ObjectProperty<EvaluationKind> kind = new SimpleObjectProperty<>(this, "kind", EvaluationKind.CONTINUOUS);
        final List<EvaluationLine> lines;

        EvaluationForm(StaffCourse course, List<CourseStudent> students) {
            super(course);
            this.lines = students.stream().map(EvaluationLine::new).toList();
        }

        public ObjectProperty<EvaluationKind> kindProperty() {
            return kind;
        }

        public List<EvaluationLine> lines() {
            return lines;
        }

        @Override
        void submit(Runnable done) {
            formError.set("");
            LocalDate day = checkedDate();
            List<EvaluationEntry> entries = new ArrayList<>();
            boolean failing = day == null;
            for (EvaluationLine line : lines) {
                line.error.set("");
                if (line.blank()) {
                    continue;
                }
                BigDecimal mark = null;
                if (!line.mark.get().isBlank()) {
                    mark = mark(line.mark.get());
                    if (mark == null) {
                        line.error.set(I18n.get("staffPedagogy.error.invalid.mark"));
                        failing = true;
                        continue;
                    }
                } else if (line.mention.get().isBlank()) {
                    line.error.set(I18n.get("staffPedagogy.error.markOrMention"));
                    failing = true;
                    continue;
                }
                entries.add(new EvaluationEntry(line.student.enrolmentId(), mark, line.mention.get(),
                        line.appreciation.get()));
            }
            if (!failing && entries.isEmpty()) {
                formError.set(I18n.get("staffPedagogy.error.nothingTyped"));
                return;
            }
            if (failing || busy.get()) {
                return;
            }
            EvaluationKind chosen = kind.get();
            busy.set(true);
            tasks.run(() -> service.recordEvaluations(session, day, chosen, entries)).onSuccess(count -> {
                busy.set(false);
                status.set(count == 1 ? I18n.get("staffPedagogy.evaluations.one")
                        : I18n.get("staffPedagogy.evaluations.many", count));
                done.run();
            }).onFailure(failure -> {
                busy.set(false);
                if (failure instanceof PedagogyRefusedException refused && "evaluation_date".equals(refused.field())) {
                    dateError.set(I18n.get("staffPedagogy.error.dateOutOfYear"));
                    return;
                }
                EvaluationLine line = failure instanceof PedagogyRefusedException refused && refused.enrolmentId() != null
                        ? lines.stream().filter(l -> l.student.enrolmentId() == refused.enrolmentId()).findFirst()
                                .orElse(null)
                        : null;
                if (line != null) {
                    line.error.set(refusalText(failure));
                    formError.set(I18n.get("staffPedagogy.error.nothingRecorded"));
                } else {
                    formError.set(refusalText(failure));
                }
            });
        }
    }

    /** "15", "15,5", "15.25" between 0 and 20 as a mark; null for anything else. */
    static BigDecimal mark(String text) {
        String typed = text.strip();
        if (!MARK.matcher(typed).matches()) {
            return null;
        }
        BigDecimal mark = new BigDecimal(typed.replace(',', '.'));
        return mark.compareTo(BigDecimal.valueOf(20)) > 0 ? null : mark;
    }
}
