package org.tutti.client.ui.staffpedagogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.AbsenceEntry;
import org.tutti.client.domain.CourseStudent;
import org.tutti.client.domain.EvaluationEntry;
import org.tutti.client.domain.Role;
import org.tutti.client.domain.StaffCourse;
import org.tutti.client.domain.UserSession;
import org.tutti.client.domain.model.EvaluationKind;
import org.tutti.client.service.PedagogyRefusedException;
import org.tutti.client.service.StaffPedagogyService;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.I18n;

/**
 * Pédagogie's model on a fake service: the filter, the absences of the date ticked without
 * undoing what the user ticked meanwhile, what each form sends, the outcome said, and the errors
 * on the line concerned with nothing typed lost.
 */
class StaffPedagogyViewModelTest {

    private static final StaffCourse PIANO = new StaffCourse(1, "Piano", "Classe de Mme Durand", "Cycle 1",
            "Anne DURAND", DayOfWeek.MONDAY, LocalTime.of(17, 0), 30, 2);
    private static final StaffCourse FLUTE = new StaffCourse(2, "Flûte traversière", "Atelier", null,
            "Hélène LEROY", DayOfWeek.WEDNESDAY, LocalTime.of(14, 0), 45, 1);
    private static final CourseStudent LEA = new CourseStudent(11, 101, 1001, "Léa MARTIN", "F0001");
    private static final CourseStudent TOM = new CourseStudent(12, 102, 1002, "Tom BERNARD", "F0002");

    private final List<AbsenceEntry> recorded = new ArrayList<>();
    private final List<Object> sent = new ArrayList<>();
    private RuntimeException refusal;
    private StaffPedagogyViewModel model;

    @BeforeEach
    void setUp() {
        I18n.reload();
        StaffPedagogyService service = new StaffPedagogyService() {
            @Override
            public List<StaffCourse> courses(UserSession session) {
                return List.of(FLUTE, PIANO);
            }

            @Override
            public List<CourseStudent> students(UserSession session, long courseId) {
                return courseId == PIANO.id() ? List.of(LEA, TOM) : List.of();
            }

            @Override
            public List<AbsenceEntry> absences(UserSession session, long courseId, LocalDate date) {
                return List.copyOf(recorded);
            }

            @Override
            public int recordAbsences(UserSession session, long courseId, LocalDate date, List<AbsenceEntry> entries) {
                if (refusal != null) {
                    throw refusal;
                }
                sent.add(date + " " + entries);
                return (int) entries.stream().filter(AbsenceEntry::absent).count();
            }

            @Override
            public int recordEvaluations(UserSession session, LocalDate date, EvaluationKind kind,
                    List<EvaluationEntry> entries) {
                if (refusal != null) {
                    throw refusal;
                }
                sent.add(date + " " + kind + " " + entries);
                return entries.size();
            }
        };
        UserSession accueil = new UserSession(7, Role.STAFF, "BELLERIVE", "Bellerive", "ACCUEIL", "Accueil", null, "token");
        model = new StaffPedagogyViewModel(accueil, service, BackgroundTasks.sameThread());
        model.refresh();
    }

    @Test
    void theFilterKeepsTheCoursesWhoseWordsMatchAccentsAndCaseIgnored() {
        assertThat(model.courses()).containsExactly(FLUTE, PIANO);
        model.filterProperty().set("flute  LEROY");
        assertThat(model.courses()).containsExactly(FLUTE);
        assertThat(model.countText().get()).isEqualTo("1 cours sur 2");
        model.filterProperty().set("durand cycle");
        assertThat(model.courses()).containsExactly(PIANO);
        model.filterProperty().set("");
        assertThat(model.countText().get()).isEqualTo("2 cours");
    }

    @Test
    void theDatesAbsencesComeTickedAndWhatTheUserTickedStays() {
        model.selectedProperty().set(PIANO);
        assertThat(model.students()).containsExactly(LEA, TOM);
        recorded.add(new AbsenceEntry(LEA.enrolmentId(), true, true, "Malade"));
        StaffPedagogyViewModel.AbsenceForm form = model.absenceForm();
        assertThat(form.lines().get(0).absentProperty().get()).isTrue();
        assertThat(form.lines().get(0).reasonProperty().get()).isEqualTo("Malade");
        assertThat(form.lines().get(1).absentProperty().get()).isFalse();

        // Tom ticked by the user, then another date chosen: Tom stays as typed, Léa follows the date
        form.lines().get(1).absentProperty().set(true);
        recorded.clear();
        form.dateProperty().set(LocalDate.now().minusDays(1).toString());
        assertThat(form.lines().get(0).absentProperty().get()).isFalse();
        assertThat(form.lines().get(1).absentProperty().get()).isTrue();

        form.submit(() -> sent.add("closed"));
        assertThat(sent).containsExactly(LocalDate.now().minusDays(1) + " [AbsenceEntry[enrolmentId=11, absent=false,"
                + " excused=false, reason=null], AbsenceEntry[enrolmentId=12, absent=true, excused=false, reason=]]",
                "closed");
        assertThat(model.statusProperty().get()).isEqualTo("1 absence enregistrée pour le "
                + LocalDate.now().minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");
    }

    @Test
    void aFutureDateOrABusyDatabaseIsSaidAndTheFormStaysAsTyped() {
        model.selectedProperty().set(PIANO);
        StaffPedagogyViewModel.AbsenceForm form = model.absenceForm();
        form.lines().get(0).absentProperty().set(true);
        form.lines().get(0).reasonProperty().set("Concert");
        form.dateProperty().set(LocalDate.now().plusDays(1).toString());
        form.submit(() -> sent.add("closed"));
        assertThat(form.dateErrorProperty().get()).isEqualTo(
                "Saisissez une date passée ou celle d’aujourd’hui (jj/mm/aaaa).");
        assertThat(sent).isEmpty();

        form.dateProperty().set(LocalDate.now().toString());
        refusal = new PedagogyRefusedException(PedagogyRefusedException.Reason.BUSY, null, null, null);
        form.submit(() -> sent.add("closed"));
        assertThat(form.errorProperty().get()).startsWith("Un autre poste enregistre pour ces élèves");
        assertThat(form.lines().get(0).reasonProperty().get()).isEqualTo("Concert");
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void anEvaluationsWrongMarkIsSaidOnItsLineAndEmptyLinesAreSkipped() {
        model.selectedProperty().set(PIANO);
        StaffPedagogyViewModel.EvaluationForm form = model.evaluationForm();
        form.kindProperty().set(EvaluationKind.EXAM);
        form.lines().get(0).markProperty().set("20,5");
        form.lines().get(0).appreciationProperty().set("Beau son");
        form.submit(() -> sent.add("closed"));
        assertThat(form.lines().get(0).errorProperty().get())
                .isEqualTo("Une note va de 0 à 20, avec deux décimales au plus (15 ou 15,5).");
        assertThat(sent).isEmpty();

        form.lines().get(0).markProperty().set("15,5");
        form.lines().get(1).appreciationProperty().set("Absent à l’examen");
        form.submit(() -> sent.add("closed"));
        assertThat(form.lines().get(1).errorProperty().get()).isEqualTo("Saisissez une note ou une mention.");
        assertThat(form.lines().get(0).errorProperty().get()).isEmpty();

        form.lines().get(1).mentionProperty().set("Absent");
        refusal = new PedagogyRefusedException(PedagogyRefusedException.Reason.INVALID, "mark", TOM.enrolmentId(), null);
        form.submit(() -> sent.add("closed"));
        assertThat(form.lines().get(1).errorProperty().get())
                .isEqualTo("Une note va de 0 à 20, avec deux décimales au plus (15 ou 15,5).");
        assertThat(form.errorProperty().get()).isEqualTo("Rien n’a été enregistré : corrigez la ligne signalée.");

        refusal = null;
        form.submit(() -> sent.add("closed"));
        assertThat(sent).containsExactly(LocalDate.now() + " EXAM [EvaluationEntry[enrolmentId=11, mark=15.5,"
                + " mention=, appreciation=Beau son], EvaluationEntry[enrolmentId=12, mark=null, mention=Absent,"
                + " appreciation=Absent à l’examen]]", "closed");
        assertThat(model.statusProperty().get()).isEqualTo("2 évaluations enregistrées.");
    }

    @Test
    void marksAreReadTheFrenchWay() {
        assertThat(StaffPedagogyViewModel.mark("15,5")).isEqualByComparingTo(new BigDecimal("15.5"));
        assertThat(StaffPedagogyViewModel.mark(" 20 ")).isEqualByComparingTo("20");
        assertThat(StaffPedagogyViewModel.mark("0.25")).isEqualByComparingTo("0.25");
        for (String wrong : List.of("20,01", "-1", "12,345", "douze", "", "1e1")) {
            assertThat(StaffPedagogyViewModel.mark(wrong)).as(wrong).isNull();
        }
    }
}
