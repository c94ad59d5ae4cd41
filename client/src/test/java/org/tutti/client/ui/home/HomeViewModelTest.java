package org.tutti.client.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.CourseSummary;
import org.tutti.client.domain.FamilyHome;
import org.tutti.client.domain.StaffHome;
import org.tutti.client.domain.StudentSummary;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

class HomeViewModelTest {

    private static final Clock SEPT_2026 = Clock.fixed(
            LocalDate.of(2026, 9, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));

    private final FakeBackend backend = new FakeBackend();

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void familyHomeGreetsAndListsStudentsWithTheirCourses() {
        backend.familyHome = new FamilyHome("MME", "Claire", "Martin", "Conservatoire de Bellerive", "2026-2027",
                List.of(
                        new StudentSummary(7, "Léa", "Martin", LocalDate.of(2014, 3, 14), List.of(
                                new CourseSummary(1, "Violon", "Violon 1C2", "Paul Girard", DayOfWeek.TUESDAY,
                                        LocalTime.of(17, 30), 45, "Salle 12"),
                                new CourseSummary(2, "Formation musicale", "FM 1C3", "Anne Roux", DayOfWeek.WEDNESDAY,
                                        LocalTime.of(14, 0), 60, "Salle 3"))),
                        new StudentSummary(8, "Hugo", "Martin", LocalDate.of(2018, 9, 16), List.of())));
        HomeViewModel model = new HomeViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread(),
                SEPT_2026);

        model.load();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.greetingProperty().get()).isEqualTo("Bonjour Mme Claire Martin");
        assertThat(model.contextProperty().get()).isEqualTo("Conservatoire de Bellerive — année scolaire 2026-2027");
        assertThat(model.students()).extracting(HomeViewModel.StudentItem::id).containsExactly(7L, 8L);
        HomeViewModel.StudentItem lea = model.students().get(0);
        assertThat(lea.name()).isEqualTo("Léa Martin");
        assertThat(lea.ageText()).isEqualTo("12 ans — né(e) le 14/03/2014");
        assertThat(lea.courses()).containsExactly(
                new HomeViewModel.CourseRow(1, "Violon", "Violon 1C2", "Paul Girard", "Mardi 17 h 30 – 18 h 15", "Salle 12"),
                new HomeViewModel.CourseRow(2, "Formation musicale", "FM 1C3", "Anne Roux", "Mercredi 14 h 00 – 15 h 00",
                        "Salle 3"));
        // the day before the 8th birthday
        assertThat(model.students().get(1).ageText()).startsWith("7 ans");
        assertThat(model.students().get(1).courses()).isEmpty();
    }

    @Test
    void staffHomeSaysWhoIsLoggedIn() {
        backend.staffHome = new StaffHome("BELLERIVE", "Conservatoire de Bellerive", "Sophie Bernard", "2026-2027");
        HomeViewModel model = new HomeViewModel(FakeBackend.staff(), backend, BackgroundTasks.sameThread(), SEPT_2026);

        model.load();

        assertThat(model.isStaff()).isTrue();
        assertThat(model.greetingProperty().get()).isEqualTo("Connecté en tant que : Sophie Bernard");
        assertThat(model.contextProperty().get()).contains("Conservatoire de Bellerive");
        assertThat(model.students()).isEmpty();
    }

    @Test
    void staffHomeShowsTheDaysWork() {
        backend.staffHome = new StaffHome("BELLERIVE", "Conservatoire de Bellerive", "Sophie Bernard", "2026-2027",
                12, java.time.Instant.parse("2026-09-10T22:30:00Z"), 3);
        HomeViewModel model = new HomeViewModel(FakeBackend.staff(), backend, BackgroundTasks.sameThread(), SEPT_2026);

        model.load();

        assertThat(model.anyPendingProperty().get()).isTrue();
        assertThat(model.pendingTextProperty().get()).isEqualTo("12 modifications attendent une validation.");
        assertThat(model.oldestTextProperty().get()).as("the date where the desk is (Paris)")
                .isEqualTo("La plus ancienne a été envoyée le 11/09/2026.");
        assertThat(model.decidedTextProperty().get()).isEqualTo("3 décisions prises aujourd’hui.");

        backend.staffHome = new StaffHome("BELLERIVE", "Conservatoire de Bellerive", "Sophie Bernard", "2026-2027",
                1, java.time.Instant.parse("2026-09-14T08:00:00Z"), 1);
        model.load();
        assertThat(model.pendingTextProperty().get()).isEqualTo("1 modification attend une validation.");
        assertThat(model.decidedTextProperty().get()).isEqualTo("1 décision prise aujourd’hui.");

        backend.staffHome = new StaffHome("BELLERIVE", "Conservatoire de Bellerive", "Sophie Bernard", "2026-2027");
        model.load();
        assertThat(model.anyPendingProperty().get()).isFalse();
        assertThat(model.pendingTextProperty().get()).isEqualTo("Aucune modification n’attend de validation.");
        assertThat(model.oldestTextProperty().get()).isEmpty();
        assertThat(model.decidedTextProperty().get()).isEqualTo("Aucune décision prise aujourd’hui.");
    }

    @Test
    void anExpiredSessionIsExplained() {
        backend.homeFailure = new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "token gone");
        HomeViewModel model = new HomeViewModel(FakeBackend.family("F0001"), backend, BackgroundTasks.sameThread(),
                SEPT_2026);

        model.load();

        assertThat(model.errorProperty().get()).isEqualTo(
                "Votre session a expiré. Reconnectez-vous.");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.loadedProperty().get()).isFalse();
    }

    @Test
    void theOverdueWindowListsTheOldestFiveHundredAndSaysSo() {
        List<org.tutti.client.domain.OverdueInvoice> all = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            all.add(new org.tutti.client.domain.OverdueInvoice(i, "BEL-2026-" + i, i, "F" + i, "Mme Lina Roux",
                    LocalDate.of(2026, 1, 1).plusDays(i), java.math.BigDecimal.TEN));
        }
        List<Integer> asked = new java.util.ArrayList<>();
        org.tutti.client.service.DeskHomeService desk = new org.tutti.client.service.DeskHomeService() {
            @Override
            public org.tutti.client.domain.DeskCounts counts(org.tutti.client.domain.UserSession session) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.tutti.client.domain.FailedMail> failedMails(org.tutti.client.domain.UserSession session) {
                return List.of();
            }

            @Override
            public void retryMail(org.tutti.client.domain.UserSession session, long mailId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.tutti.client.domain.OverdueInvoice> overdueInvoices(
                    org.tutti.client.domain.UserSession session, int maxRows) {
                asked.add(maxRows);
                return all.subList(0, Math.min(maxRows, all.size()));
            }
        };
        HomeViewModel model = new HomeViewModel(FakeBackend.staff(), backend, desk, BackgroundTasks.sameThread(),
                SEPT_2026);

        model.loadOverdueInvoices();
        assertThat(asked).containsExactly(501);
        assertThat(model.overdueInvoices()).hasSize(500).first()
                .extracting(org.tutti.client.domain.OverdueInvoice::number).isEqualTo("BEL-2026-0");
        assertThat(model.overdueNoteProperty().get()).isEqualTo("Les 500 factures les plus anciennes sont affichées."
                + " Le dossier de chaque famille, onglet Facturation, montre toutes les siennes.");

        all.subList(3, all.size()).clear();
        model.loadOverdueInvoices();
        assertThat(model.overdueInvoices()).hasSize(3);
        assertThat(model.overdueNoteProperty().get()).isEmpty();
    }
}
