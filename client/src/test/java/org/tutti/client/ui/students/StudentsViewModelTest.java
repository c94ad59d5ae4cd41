package org.tutti.client.ui.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.FakeFamilyFileService;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.ValidationForm;

class StudentsViewModelTest {

    private final FakeFamilyFileService service = new FakeFamilyFileService();
    private final List<String> focus = new ArrayList<>();
    private StudentsViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new StudentsViewModel(FakeBackend.family("F0001"), service, BackgroundTasks.sameThread());
        model.editor().setOnFocus(focus::add);
        model.load();
    }

    private ValidationForm.Field field(String name) {
        return model.editor().form().field(name);
    }

    @Test
    void theFirstStudentIsSelectedAndShown() {
        assertThat(model.students()).hasSize(1);
        assertThat(model.selectedProperty().get().id()).isEqualTo(21L);
        assertThat(field("birth_date").valueProperty().get()).isEqualTo("2015-03-12");
        assertThat(model.editor().form().changedProperty().get()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "2999-01-01", "31/02/2015", "demain"})
    void anImplausibleBirthDateIsRefusedBeforeSending(String date) {
        field("birth_date").valueProperty().set(date);

        model.submit();

        assertThat(field("birth_date").errorProperty().get()).isNotEmpty();
        assertThat(focus).containsExactly("birth_date");
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void aBirthDateThisYearIsNotPlausible() {
        field("birth_date").valueProperty().set(LocalDate.now().minusMonths(6).toString());

        model.submit();

        assertThat(field("birth_date").errorProperty().get())
                .isEqualTo("La date de naissance doit être passée et plausible (après 1900, au moins 2 ans).");
    }

    @Test
    void aCorrectedBirthDateIsSentAndMarkedPending() {
        field("birth_date").valueProperty().set("2014-03-12");

        model.submit();

        assertThat(service.submitted).containsExactly(Map.of("birth_date", "2014-03-12"));
        assertThat(field("birth_date").pendingProperty().get()).isTrue();
        assertThat(field("sex").pendingProperty().get()).isFalse();
        assertThat(model.editor().anyPendingProperty().get()).isTrue();
        assertThat(model.selectedProperty().get().id()).isEqualTo(21L);
    }

    @Test
    void withoutStudentsNothingIsShownNorSent() {
        service.students.clear();
        StudentsViewModel none = new StudentsViewModel(FakeBackend.family("F0001"), service, BackgroundTasks.sameThread());
        none.load();
        none.editor().form().field("last_name").valueProperty().set("Durand");

        none.submit();

        assertThat(none.selectedProperty().get()).isNull();
        assertThat(none.editor().readyProperty().get()).isFalse();
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void aFieldRefusedByTheDatabaseGetsItsMessageAndTheFocus() {
        service.submitFailure = new FamilyFileService.FieldRefusedException("school_level", false, null);
        field("school_level").valueProperty().set("Sixième bis");

        model.submit();

        assertThat(field("school_level").errorProperty().get()).isEqualTo("Valeur refusée par le serveur.");
        assertThat(focus).containsExactly("school_level");
        assertThat(model.editor().formErrorProperty().get()).isEmpty();
    }

    @Test
    void anExpiredSessionIsToldUnderTheForm() {
        service.loadFailure = new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "gone");

        model.load();

        assertThat(model.editor().formErrorProperty().get()).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(model.selectedProperty().get().id()).as("what was shown stays").isEqualTo(21L);
    }

    @Test
    void revertPutsBackTheStudentsValues() {
        field("first_name").valueProperty().set("Lea");

        model.editor().revert();

        assertThat(field("first_name").valueProperty().get()).isEqualTo("Léa");
        assertThat(model.editor().hasUnsavedEdits()).isFalse();
    }
}
