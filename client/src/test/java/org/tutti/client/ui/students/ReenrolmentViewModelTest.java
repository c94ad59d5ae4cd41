package org.tutti.client.ui.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.documents.CheckedDocument;
import org.tutti.client.documents.SampleFiles;
import org.tutti.client.domain.ReenrolmentState;
import org.tutti.client.domain.SentReenrolment;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.service.ReenrolmentRefusedException;
import org.tutti.client.service.ReenrolmentRefusedException.Reason;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.students.ReenrolmentViewModel.ImportViewModel;

class ReenrolmentViewModelTest {

    private static final long STUDENT = 21;

    @TempDir
    Path folder;

    private final FakeReenrolmentService service = new FakeReenrolmentService();
    private final List<String> confirmations = new ArrayList<>();
    private ReenrolmentViewModel model;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        model = new ReenrolmentViewModel(FakeBackend.family("F0001"), service, BackgroundTasks.sameThread(),
                ZoneId.of("Europe/Paris"));
        model.setOnSubmitted(confirmations::add);
    }

    private void open() {
        model.reload(STUDENT);
    }

    @Test
    void withoutAnOpenCampaignThereIsNoTabAndNoFormIsRead() {
        service.campaign = Optional.empty();

        open();

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(service.formReads).isZero();
    }

    @Test
    void theFormShowsTheCampaignTheCoursesAndTheDocumentsAskedFor() {
        open();

        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.campaignLine()).isEqualTo("Réinscriptions pour l’année 2027-2028, jusqu’au 31/01/2027.");
        assertThat(model.courses()).extracting(ReenrolmentViewModel.CourseChoice::label)
                .containsExactly("Piano — Cycle 1 · 3e année", "Formation musicale — FM 1C2");
        assertThat(model.documentTypes()).extracting(ReenrolmentViewModel::documentTypeText)
                .containsExactly("Justificatif de domicile (obligatoire)", "Photo d’identité", "Certificat médical");
        assertThat(model.readOnlyProperty().get()).isFalse();
        assertThat(model.hasUnsavedEdits()).isFalse();
    }

    @Test
    void importerWaitsForABoxAndSaysWhy() {
        open();

        assertThat(model.importAllowedProperty().get()).isFalse();
        assertThat(model.importReasonProperty().get()).isEqualTo("Cochez d’abord la réinscription administrative ou un cours.");

        model.courses().get(1).chosenProperty().set(true);

        assertThat(model.importAllowedProperty().get()).isTrue();
        assertThat(model.importReasonProperty().get()).isEmpty();
    }

    @Test
    void administrativeAndCoursesAreOneOrTheOther() {
        open();
        model.courses().get(0).chosenProperty().set(true);
        model.courses().get(1).chosenProperty().set(true);

        model.administrativeProperty().set(true);

        assertThat(model.courses()).allMatch(c -> !c.chosenProperty().get());
        assertThat(model.importAllowedProperty().get()).isTrue();

        model.courses().get(0).chosenProperty().set(true);

        assertThat(model.administrativeProperty().get()).isFalse();
        assertThat(model.courses().get(0).chosenProperty().get()).isTrue();
    }

    @Test
    void validerWithNothingTickedSendsNothing() {
        open();

        model.submit();

        assertThat(model.errorProperty().get())
                .isEqualTo("Cochez la réinscription administrative ou au moins un cours avant de valider.");
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void validerWithoutTheRequiredDocumentNamesItAndSendsNothing() {
        open();
        model.administrativeProperty().set(true);
        importFile(SampleFiles.png(folder, "photo.png"), FakeReenrolmentService.PHOTO);

        model.submit();

        assertThat(model.errorProperty().get()).isEqualTo("Le document « Justificatif de domicile » est obligatoire.");
        assertThat(service.submitted).isEmpty();
    }

    @Test
    void aCheckedFileIsListedAndASecondOfTheSameTypeReplacesIt() {
        open();
        model.courses().get(0).chosenProperty().set(true);

        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);
        ImportViewModel second = model.newImport();
        second.typeProperty().set(FakeReenrolmentService.HOME_PROOF);

        assertThat(second.replaces()).isTrue();
        importFile(SampleFiles.png(folder, "quittance.png"), FakeReenrolmentService.HOME_PROOF);

        assertThat(model.documents()).singleElement().satisfies(line -> {
            assertThat(line.typeName()).isEqualTo("Justificatif de domicile");
            assertThat(line.fileName()).isEqualTo("quittance.png");
            assertThat(line.format()).isEqualTo("PNG");
        });
        assertThat(model.hasUnsavedEdits()).isTrue();
    }

    @Test
    void theImportProposesTheRequiredDocumentFirstThenTheOthersNotImported() {
        open();
        model.administrativeProperty().set(true);

        assertThat(model.newImport().typeProperty().get()).isEqualTo(FakeReenrolmentService.HOME_PROOF);
        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);
        assertThat(model.newImport().typeProperty().get()).isEqualTo(FakeReenrolmentService.PHOTO);
    }

    @Test
    void aRefusedFileSaysWhyAndKeepsThePathAndType() {
        open();
        model.administrativeProperty().set(true);
        Path empty = SampleFiles.empty(folder, "vide.png");
        ImportViewModel dialog = model.newImport();
        dialog.pathProperty().set(empty.toString());
        dialog.typeProperty().set(FakeReenrolmentService.PHOTO);
        List<CheckedDocument> accepted = new ArrayList<>();

        dialog.check(accepted::add);

        assertThat(dialog.errorProperty().get()).isEqualTo("Le fichier est vide.");
        assertThat(accepted).isEmpty();
        assertThat(dialog.pathProperty().get()).isEqualTo(empty.toString());
        assertThat(dialog.typeProperty().get()).isEqualTo(FakeReenrolmentService.PHOTO);
        assertThat(model.documents()).isEmpty();
    }

    @Test
    void aFileStillBeingCheckedWhenTheDialogClosesIsNotImported() throws Exception {
        open();
        model.administrativeProperty().set(true);
        java.util.concurrent.BlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        BackgroundTasks threads = BackgroundTasks.withUiExecutor(ui::add);
        try {
            ImportViewModel dialog = new ImportViewModel(model, threads);
            dialog.pathProperty().set(SampleFiles.png(folder, "photo.png").toString());
            dialog.typeProperty().set(FakeReenrolmentService.PHOTO);
            List<CheckedDocument> accepted = new ArrayList<>();
            dialog.check(document -> {
                accepted.add(document);
                dialog.add(document);
            });
            dialog.cancel(); // Annuler while the file is read

            Runnable checked = ui.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(checked).as("the check ends").isNotNull();
            checked.run();

            assertThat(accepted).isEmpty();
            assertThat(model.documents()).as("nothing imported after Annuler").isEmpty();
            assertThat(dialog.checkingProperty().get()).isFalse();
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void retirerRemovesAnImportedDocument() {
        open();
        model.administrativeProperty().set(true);
        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);

        model.remove(model.documents().get(0));

        assertThat(model.documents()).isEmpty();
    }

    @Test
    void validerSendsTheRequestConfirmsItAndShowsItReadOnlyAndPending() {
        open();
        model.courses().get(1).chosenProperty().set(true);
        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);
        model.commentProperty().set("  Horaire du mercredi si possible.  ");

        model.submit();

        assertThat(service.submitted).singleElement().satisfies(draft -> {
            assertThat(draft.studentId()).isEqualTo(STUDENT);
            assertThat(draft.administrative()).isFalse();
            assertThat(draft.enrolmentIds()).containsExactly(102L);
            assertThat(draft.comment()).isEqualTo("Horaire du mercredi si possible.");
            assertThat(draft.documents()).singleElement().satisfies(d -> {
                assertThat(d.documentTypeId()).isEqualTo(1);
                assertThat(d.fileName()).isEqualTo("edf.pdf");
                assertThat(d.contentType()).isEqualTo("application/pdf");
            });
        });
        assertThat(confirmations).containsExactly("Votre demande de réinscription a bien été enregistrée. "
                + "Elle vous sera confirmée par courriel.");
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(model.pendingProperty().get()).isTrue();
        assertThat(model.stateLine()).isEqualTo("Demande de réinscription envoyée le 06/12/2026.");
        assertThat(model.courses().get(1).chosenProperty().get()).isTrue();
        assertThat(model.documents()).extracting(ReenrolmentViewModel.DocumentLine::fileName).containsExactly("edf.pdf");
        assertThat(model.hasUnsavedEdits()).isFalse();
        assertThat(model.importAllowedProperty().get()).isFalse();

        model.submit();

        assertThat(service.submitted).hasSize(1);
    }

    @Test
    void aRefusalKeepsEverythingTypedAndImported() {
        open();
        model.administrativeProperty().set(true);
        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);
        model.commentProperty().set("Merci");

        service.submitFailure = new ReenrolmentRefusedException(Reason.BUSY);
        model.submit();
        assertThat(model.errorProperty().get()).startsWith("La demande de cet élève est en cours d’enregistrement");

        service.submitFailure = new ReenrolmentRefusedException(Reason.CAMPAIGN_CLOSED);
        model.submit();
        assertThat(model.errorProperty().get()).startsWith("Les réinscriptions sont closes");

        service.submitFailure = new ReenrolmentRefusedException(Reason.MISSING_DOCUMENT, "3", null);
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("Le document « Certificat médical » est obligatoire.");

        service.submitFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        model.submit();
        assertThat(model.errorProperty().get()).startsWith("La base de données est injoignable");

        assertThat(model.administrativeProperty().get()).isTrue();
        assertThat(model.documents()).hasSize(1);
        assertThat(model.commentProperty().get()).isEqualTo("Merci");
        assertThat(model.readOnlyProperty().get()).isFalse();
        assertThat(model.hasUnsavedEdits()).isTrue();
    }

    @Test
    void aRequestSentMeanwhileFromAnotherComputerIsShown() {
        open();
        model.courses().get(0).chosenProperty().set(true);
        importFile(SampleFiles.pdf(folder, "edf.pdf"), FakeReenrolmentService.HOME_PROOF);
        service.sent.put(STUDENT, sent(ReenrolmentState.PENDING, null, null));
        service.submitFailure = new ReenrolmentRefusedException(Reason.ALREADY_SENT);

        model.submit();

        assertThat(model.errorProperty().get()).startsWith("Une demande de réinscription a déjà été envoyée");
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(model.administrativeProperty().get()).isTrue();
        assertThat(model.courses()).allMatch(c -> !c.chosenProperty().get());
    }

    @Test
    void aDecisionIsShownAndThePendingMessageGoes() {
        service.sent.put(STUDENT, sent(ReenrolmentState.VALIDATED, Instant.parse("2026-12-07T09:00:00Z"), null));
        open();

        assertThat(model.stateLine()).isEqualTo("Réinscription validée le 07/12/2026.");
        assertThat(model.pendingProperty().get()).isFalse();
        assertThat(model.decisionComment()).isEmpty();

        service.sent.put(STUDENT, sent(ReenrolmentState.REJECTED, Instant.parse("2026-12-08T09:00:00Z"),
                "Merci de fournir un justificatif de moins de trois mois."));
        open();

        assertThat(model.stateLine()).isEqualTo("Réinscription refusée le 08/12/2026.");
        assertThat(model.decisionComment())
                .isEqualTo("Commentaire de l’établissement : Merci de fournir un justificatif de moins de trois mois.");
        assertThat(model.pendingProperty().get()).isFalse();
        assertThat(model.readOnlyProperty().get()).isTrue();
    }

    @Test
    void revertDropsTheDraft() {
        open();
        model.courses().get(0).chosenProperty().set(true);
        model.commentProperty().set("Merci");

        model.revert();

        assertThat(model.hasUnsavedEdits()).isFalse();
        assertThat(model.courses()).allMatch(c -> !c.chosenProperty().get());
        assertThat(model.commentProperty().get()).isEmpty();
    }

    @Test
    void aFormThatCannotBeReadSaysSo() {
        service.formFailure = new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");

        open();

        assertThat(model.loadErrorProperty().get()).startsWith("La base de données est injoignable");
        assertThat(model.readOnlyProperty().get()).isTrue();

        service.formFailure = null;
        model.retry();

        assertThat(model.loadErrorProperty().get()).isEmpty();
        assertThat(model.courses()).hasSize(2);
    }

    private SentReenrolment sent(ReenrolmentState state, Instant decidedAt, String comment) {
        return new SentReenrolment(9, state, Instant.parse("2026-12-05T16:00:00Z"), true, List.of(), "",
                List.of(new StoredDocument(1, "Justificatif de domicile", "edf.pdf", "application/pdf", 1200, "ab")),
                decidedAt, comment);
    }

    private void importFile(Path file, org.tutti.client.domain.DocumentType type) {
        ImportViewModel dialog = model.newImport();
        dialog.pathProperty().set(file.toString());
        dialog.typeProperty().set(type);
        dialog.check(dialog::add);
        assertThat(dialog.errorProperty().get()).as("import of " + file.getFileName()).isEmpty();
    }
}
