package org.tutti.client.ui.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.CourseFollowUp;
import org.tutti.client.domain.CourseSheet;
import org.tutti.client.domain.StudentPedagogy;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

class PedagogyViewModelTest {

    private final FakePedagogyService service = new FakePedagogyService();
    private final PedagogyViewModel model = new PedagogyViewModel(FakeBackend.family("F0001"), service,
            BackgroundTasks.sameThread());

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void showsTheStudentsThreeListsFromOneCall() {
        model.show(21L);

        assertThat(model.currentCourses()).extracting(CourseSheet::enrolmentId).containsExactly(101L);
        assertThat(model.history()).extracting(CourseSheet::schoolYear).containsExactly("2025-2026", "2024-2025");
        assertThat(model.repertoire()).hasSize(1);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(service.pedagogyCalls).containsExactly(21L);
    }

    @Test
    void goingBackToAStudentShowsItsListsWithoutReadingThemAgainUntilTheScreenIsShownAgain() {
        model.show(21L);
        model.show(22L);
        assertThat(model.currentCourses()).isEmpty();

        model.show(21L);
        assertThat(model.currentCourses()).hasSize(1);
        assertThat(service.pedagogyCalls).containsExactly(21L, 22L);

        model.reload();
        assertThat(service.pedagogyCalls).containsExactly(21L, 22L, 21L);
    }

    @Test
    void aLateAnswerForTheStudentLeftBehindDoesNotReplaceTheShownOne() throws Exception {
        Map<Long, CountDownLatch> answers = Map.of(21L, new CountDownLatch(1), 22L, new CountDownLatch(1));
        PedagogyService slowService = new PedagogyService() {
            @Override
            public StudentPedagogy pedagogy(UserSession user, long studentId) {
                try {
                    answers.get(studentId).await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return service.pedagogy(user, studentId);
            }

            @Override
            public CourseFollowUp followUp(UserSession user, long enrolmentId) {
                return service.followUp(user, enrolmentId);
            }
        };
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        PedagogyViewModel slow = new PedagogyViewModel(FakeBackend.family("F0001"), slowService,
                BackgroundTasks.withUiExecutor(ui::add));
        slow.show(21L);
        slow.show(22L);

        answers.get(22L).countDown();
        deliverNext(ui);
        answers.get(21L).countDown();
        deliverNext(ui);

        assertThat(slow.currentCourses()).isEmpty();
        assertThat(slow.history()).isEmpty();
        assertThat(slow.busyProperty().get()).isFalse();
    }

    /** Runs the next answer delivered to the UI thread (the work blocks until released, so one each). */
    private static void deliverNext(BlockingQueue<Runnable> ui) throws InterruptedException {
        Runnable delivery = ui.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).as("an answer delivered").isNotNull();
        delivery.run();
    }

    @Test
    void aStudentThatIsNotVisibleSaysSoInWords() {
        model.show(99L);

        assertThat(model.errorProperty().get()).isEqualTo("Cette fiche n’est plus disponible. "
                + "Rouvrez l’écran Élèves pour mettre la liste à jour.");
        assertThat(model.currentCourses()).isEmpty();
    }

    @Test
    void aLostDatabaseSaysSoAndKeepsNothingStale() {
        service.failure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");

        model.show(21L);

        assertThat(model.errorProperty().get()).startsWith("La base de données est injoignable pour le moment.");
        service.failure = null;
        model.reload();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.currentCourses()).hasSize(1);
    }

    @Test
    void aSheetShowsAtOnceThenItsEvaluationsAndAbsencesAndIsNotReadTwice() {
        model.show(21L);
        CourseSheetViewModel sheet = model.newSheetModel();

        sheet.show(model.currentCourses().get(0));
        assertThat(sheet.sheetProperty().get().classLabel()).isEqualTo("Piano — cycle 2 année 1");
        assertThat(sheet.evaluations()).hasSize(2);
        assertThat(sheet.absences()).hasSize(2);

        sheet.show(model.history().get(0));
        assertThat(sheet.evaluations()).isEmpty();
        sheet.show(model.currentCourses().get(0));
        assertThat(sheet.evaluations()).hasSize(2);
        assertThat(service.followUpCalls).containsExactly(101L, 91L);
    }

    @Test
    void pedagogyTextsReadAsAParentExpects() {
        CourseSheet sheet = service.students.get(21L).currentCourses().get(0);
        var followUp = service.followUps.get(101L);

        assertThat(PedagogyTexts.result(followUp.evaluations().get(0))).isEqualTo("15,5 / 20");
        assertThat(PedagogyTexts.result(followUp.evaluations().get(1))).isEqualTo("Très bien");
        assertThat(PedagogyTexts.absenceCounts(sheet)).isEqualTo("2 (1 excusée, 1 non excusée)");
        assertThat(PedagogyTexts.absenceCounts(FakePedagogyService.sheet(1, 1, "2024-2025", "x", 0, 0, 3)))
                .isEqualTo("3 (aucune excusée, 3 non excusées)");
        assertThat(PedagogyTexts.slot(sheet)).isEqualTo("Mardi 17 h 30 – 18 h 15");
        assertThat(org.tutti.client.ui.common.Formats.minutesSeconds(305)).isEqualTo("5:05");
    }
}
