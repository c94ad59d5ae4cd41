package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.FieldValues;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.ServiceException;
import org.tutti.client.ui.French;

/** The editor every file that goes to validation uses, with a sender of its own (no screen). */
class ValidationEditorTest {

    private static final List<String> FIELDS = List.of("last_name", "city", "email");
    private static final FieldValues FILE = new FieldValues(
            Map.of("last_name", "Martin", "city", "Bellerive", "email", "claire.martin@example.fr"), Map.of());

    private final List<Map<String, String>> sent = new ArrayList<>();
    private final List<String> focus = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();
    private int reloads;
    private ValidationEditor editor;

    @BeforeAll
    static void french() {
        French.use();
    }

    @BeforeEach
    void setUp() {
        editor = editor(BackgroundTasks.sameThread());
    }

    private ValidationEditor editor(BackgroundTasks tasks) {
        ValidationEditor e = new ValidationEditor(FIELDS, tasks, Failures.of("Test file", "form.error.unexpected"),
                "family.submitted");
        e.setOnFocus(focus::add);
        e.setOnSubmitted(submitted::add);
        return e;
    }

    private void loadFile(ValidationEditor e) {
        e.load(() -> FILE, values -> {
            e.show(values);
            e.readyProperty().set(true);
        });
    }

    private void modify(ValidationEditor e, ValidationEditor.Sender sender) {
        e.submit(sender, () -> reloads++);
    }

    private int send(Map<String, String> changes, Map<String, Long> shown) {
        sent.add(changes);
        return changes.size();
    }

    private ValidationForm.Field field(String name) {
        return editor.form().field(name);
    }

    @Test
    void nothingIsSentBeforeTheFileIsShownNorWhenNothingChanged() {
        field("city").valueProperty().set("Lyon");
        modify(editor, this::send);
        assertThat(sent).as("not ready").isEmpty();

        loadFile(editor);
        modify(editor, this::send);
        assertThat(sent).as("nothing changed").isEmpty();
        assertThat(editor.hasUnsavedEdits()).isFalse();
    }

    @Test
    void modifierSendsTheChangesSaysSoAndReloads() {
        loadFile(editor);
        field("city").valueProperty().set("Lyon");
        assertThat(editor.hasUnsavedEdits()).isTrue();

        modify(editor, this::send);

        assertThat(sent).containsExactly(Map.of("city", "Lyon"));
        assertThat(submitted).containsExactly("Votre fiche d'identité a été mise à jour."
                + " Un accusé de réception vous a été envoyé par e-mail.");
        assertThat(reloads).isEqualTo(1);
        assertThat(editor.busyProperty().get()).isFalse();
        assertThat(editor.formErrorProperty().get()).isEmpty();
    }

    @Test
    void theFirstInvalidFieldGetsTheFocusAndNothingIsSent() {
        loadFile(editor);
        field("last_name").valueProperty().set("");
        field("email").valueProperty().set("claire@");

        modify(editor, this::send);

        assertThat(focus).containsExactly("last_name");
        assertThat(field("last_name").errorProperty().get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(field("email").errorProperty().get()).isEqualTo("Adresse e-mail invalide (exemple : nom@exemple.fr).");
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedSendIsToldUnderTheFormAndTheEditsAreKept() {
        loadFile(editor);
        field("city").valueProperty().set("Lyon");

        modify(editor, (changes, shown) -> {
            throw new ServiceException(ServiceException.Reason.DATABASE_UNAVAILABLE, "down");
        });
        assertThat(editor.formErrorProperty().get()).isEqualTo("La base de données est injoignable pour le moment."
                + " Vérifiez votre connexion à Internet, puis réessayez.");

        modify(editor, (changes, shown) -> {
            throw new IllegalStateException("bug");
        });
        assertThat(editor.formErrorProperty().get())
                .isEqualTo("La fiche n'a pas pu être chargée ou envoyée. Réessayez plus tard.");
        assertThat(field("city").valueProperty().get()).isEqualTo("Lyon");
        assertThat(editor.busyProperty().get()).isFalse();
        assertThat(submitted).isEmpty();
        assertThat(reloads).isZero();

        modify(editor, this::send);
        assertThat(editor.formErrorProperty().get()).as("sending again clears the message").isEmpty();
    }

    @Test
    void aFieldRefusedByTheDatabaseIsToldUnderThatFieldWhichGetsTheFocus() {
        loadFile(editor);
        field("city").valueProperty().set("Lyon");

        modify(editor, (changes, shown) -> {
            throw new FamilyFileService.FieldRefusedException("city", false, null);
        });

        assertThat(field("city").errorProperty().get()).isEqualTo("Valeur refusée par le serveur.");
        assertThat(editor.formErrorProperty().get()).isEmpty();
        assertThat(focus).containsExactly("city");
    }

    @Test
    void aFailedLoadIsToldAndLeavesTheFormNotReady() {
        editor.load(() -> {
            throw new ServiceException(ServiceException.Reason.SESSION_EXPIRED, "gone");
        }, values -> editor.readyProperty().set(true));

        assertThat(editor.formErrorProperty().get()).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(editor.busyProperty().get()).isFalse();
        assertThat(editor.readyProperty().get()).isFalse();

        loadFile(editor);
        assertThat(editor.formErrorProperty().get()).as("loading again clears the message").isEmpty();
    }

    @Test
    void pendingValuesAreShownAndNothingShownMeansNothingPending() {
        editor.show(new FieldValues(Map.of("last_name", "Martin", "city", "Bellerive"), Map.of("city", "Lyon")));

        assertThat(field("city").valueProperty().get()).isEqualTo("Lyon");
        assertThat(field("city").pendingProperty().get()).isTrue();
        assertThat(field("city").pendingValueProperty().get()).isEqualTo("Lyon");
        assertThat(field("last_name").pendingProperty().get()).isFalse();
        assertThat(editor.anyPendingProperty().get()).isTrue();

        editor.show(null);
        assertThat(editor.anyPendingProperty().get()).isFalse();
    }

    @Test
    void revertPutsBackWhatWasShown() {
        loadFile(editor);
        field("city").valueProperty().set("Lyon");
        field("email").valueProperty().set("x");
        modify(editor, this::send);

        editor.revert();

        assertThat(field("city").valueProperty().get()).isEqualTo("Bellerive");
        assertThat(field("email").errorProperty().get()).isEmpty();
        assertThat(editor.hasUnsavedEdits()).isFalse();
    }

    /** While the changes are sent (on a real background thread), a second Modifier sends nothing. */
    @Test
    void whileSendingASecondModifierSendsNothing() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTasks tasks = BackgroundTasks.withUiExecutor(ui::add);
        ValidationEditor slow = editor(tasks);
        slow.show(FILE);
        slow.readyProperty().set(true);
        slow.form().field("city").valueProperty().set("Lyon");
        ValidationEditor.Sender sender = (changes, shown) -> {
            sent.add(changes);
            release.await(30, TimeUnit.SECONDS);
            return changes.size();
        };
        try {
            modify(slow, sender);
            assertThat(slow.busyProperty().get()).isTrue();
            modify(slow, sender);
            release.countDown();
            Runnable handler = ui.poll(30, TimeUnit.SECONDS);
            assertThat(handler).as("the answer is handed to the UI thread").isNotNull();
            handler.run();
        } finally {
            tasks.shutdown();
        }

        assertThat(sent).hasSize(1);
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(submitted).hasSize(1);
    }

    // ------------------------------------------------------------------ issue 12: forms, what the family learns

    @Test
    void theDatabasesRefusalsNameTheFieldAndTheLimitOrSayTheValueIsAlreadyPending() {
        loadFile(editor);
        field("city").valueProperty().set("x".repeat(81));
        modify(editor, (changes, shown) -> {
            throw new FamilyFileService.FieldRefusedException("city", FamilyFileService.Refusal.TOO_LONG, 80, null);
        });
        assertThat(field("city").errorProperty().get()).isEqualTo("Ville : 80 caractères au plus.");
        assertThat(focus).containsExactly("city");

        field("city").valueProperty().set("Lyon");
        modify(editor, (changes, shown) -> {
            throw new FamilyFileService.FieldRefusedException("city", FamilyFileService.Refusal.ALREADY_PENDING, 0, null);
        });
        assertThat(field("city").errorProperty().get())
                .isEqualTo("Cette modification est déjà en attente de validation : rien n’a été envoyé.");
        assertThat(submitted).as("no \"mise à jour\"").isEmpty();
    }

    @Test
    void nothingRecordedIsNotCalledAnUpdate() {
        loadFile(editor);
        field("city").valueProperty().set("Lyon");
        modify(editor, (changes, shown) -> 0);
        assertThat(submitted).containsExactly("Rien de nouveau à envoyer : ces valeurs sont déjà celles de la fiche."
                + " Aucune demande n’a été enregistrée.");
    }

    @Test
    void aRespellingIsNoChangeAndModifierSaysWhyItIsDisabled() {
        loadFile(editor);
        assertThat(editor.disabledReasonProperty().get())
                .isEqualTo("Modifier est inactif : vous n’avez rien changé. Corrigez un champ pour pouvoir l’envoyer.");
        field("city").valueProperty().set(" Bellerive\u200b ");
        assertThat(editor.hasUnsavedEdits()).isFalse();
        field("city").valueProperty().set("Lyon");
        assertThat(editor.disabledReasonProperty().get()).isEmpty();

        editor.show("FAMILY:1", new FieldValues(Map.of("last_name", "Martin", "city", "Bellerive", "email", "a@b.fr"),
                Map.of("city", "Lyon"), Map.of("city", 7L), List.of()));
        assertThat(editor.disabledReasonProperty().get()).startsWith("Modifier est inactif : rien n’a changé depuis");
    }

    @Test
    void thePendingRequestsShownAreSentWithTheChanges() {
        List<Map<String, Long>> shownSent = new ArrayList<>();
        editor.show("FAMILY:1", new FieldValues(Map.of("last_name", "Martin", "city", "Bellerive", "email", "a@b.fr"),
                Map.of("city", "Lyon"), Map.of("city", 7L), List.of()));
        editor.readyProperty().set(true);
        field("city").valueProperty().set("Agen");
        field("email").valueProperty().set("c@d.fr");
        modify(editor, (changes, shown) -> {
            shownSent.add(shown);
            return changes.size();
        });
        Map<String, Long> expected = new java.util.HashMap<>();
        expected.put("city", 7L);
        expected.put("email", null);
        assertThat(shownSent).containsExactly(expected);
    }

    @Test
    void aPendingValueReplacedFromAnotherComputerIsNamedOnRefreshButNotOneThisScreenSent() {
        Map<String, String> current = Map.of("last_name", "Martin", "city", "Bellerive", "email", "a@b.fr");
        editor.show("FAMILY:1", new FieldValues(current, Map.of("city", "Lyon"), Map.of("city", 7L), List.of()));
        editor.readyProperty().set(true);
        editor.show("FAMILY:1", new FieldValues(current, Map.of("city", "Nérac"), Map.of("city", 9L), List.of()));
        assertThat(editor.noticeProperty().get()).isEqualTo("Depuis un autre poste de la famille, une autre demande a"
                + " remplacé ce qui était en attente : Ville (désormais en attente : « Nérac »). Vérifiez, puis cliquez"
                + " sur Modifier si vous voulez envoyer votre valeur.");

        // another file: nothing to compare with
        editor.show("STUDENT:4", new FieldValues(current, Map.of("city", "Agen"), Map.of("city", 11L), List.of()));
        assertThat(editor.noticeProperty().get()).isEmpty();

        // this screen's own change is not another computer's
        editor.show("FAMILY:1", new FieldValues(current, Map.of("city", "Nérac"), Map.of("city", 9L), List.of()));
        field("city").valueProperty().set("Agen");
        modify(editor, this::send);
        editor.show("FAMILY:1", new FieldValues(current, Map.of("city", "Agen"), Map.of("city", 12L), List.of()));
        assertThat(editor.noticeProperty().get()).isEmpty();
    }

    /** Read, not edited: the pending marker and the "replaced" notice show values as every surface does. */
    @Test
    void pendingAndReplacedValuesReadAsTheCatalogueWritesThem() {
        ValidationEditor identity = new ValidationEditor(List.of("civility", "birth_date"), BackgroundTasks.sameThread(),
                Failures.of("Test file", "form.error.unexpected"), "family.submitted");
        Map<String, String> current = Map.of("civility", "M", "birth_date", "2018-02-25");
        identity.show("STUDENT:4", new FieldValues(current, Map.of("birth_date", "2018-02-26"), Map.of("birth_date", 3L),
                List.of()));
        assertThat(identity.form().field("birth_date").pendingValueProperty().get()).isEqualTo("26/02/2018");

        identity.show("STUDENT:4", new FieldValues(current, Map.of("birth_date", "2018-02-27", "civility", "MME"),
                Map.of("birth_date", 4L, "civility", 5L), List.of()));
        assertThat(identity.form().field("civility").pendingValueProperty().get()).isEqualTo("Mme");
        assertThat(identity.noticeProperty().get()).contains("« 27/02/2018 »").doesNotContain("2018-02-27");
    }

    @Test
    void aReplacedRefusalReloadsKeepsTheTypedValueAndSaysSo() {
        Map<String, String> current = Map.of("last_name", "Martin", "city", "Bellerive", "email", "a@b.fr");
        FieldValues[] next = {new FieldValues(current, Map.of("city", "Lyon"), Map.of("city", 7L), List.of())};
        Runnable reload = () -> editor.show("FAMILY:1", next[0]);
        reload.run();
        editor.readyProperty().set(true);
        field("city").valueProperty().set("Marmande");
        next[0] = new FieldValues(current, Map.of("city", "Nérac"), Map.of("city", 9L), List.of());
        editor.submit((changes, shown) -> {
            throw new FamilyFileService.FieldRefusedException("city", FamilyFileService.Refusal.REPLACED, 0, null);
        }, reload);

        assertThat(field("city").valueProperty().get()).isEqualTo("Marmande");
        assertThat(field("city").pendingValueProperty().get()).isEqualTo("Nérac");
        assertThat(editor.noticeProperty().get()).contains("Ville (désormais en attente : « Nérac »)");
        assertThat(submitted).isEmpty();
        assertThat(editor.hasUnsavedEdits()).isTrue();
    }

    @Test
    void refusedChangesAreShownUntilOkVu() {
        List<Long> seen = new ArrayList<>();
        editor.setAcknowledger(seen::add);
        org.tutti.client.domain.RefusedChange refused = new org.tutti.client.domain.RefusedChange(5, "city", "Nérac",
                "Justificatif manquant", java.time.Instant.now());
        editor.show("FAMILY:1", new FieldValues(FILE.current(), Map.of(), Map.of(), List.of(refused)));
        assertThat(editor.refused()).containsExactly(refused);

        editor.acknowledge(refused);
        assertThat(seen).containsExactly(5L);
        assertThat(editor.refused()).isEmpty();
    }
}
