package org.tutti.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.domain.SiteSettings;
import org.tutti.client.domain.UserSession;
import org.tutti.client.service.DeskRefusedException;
import org.tutti.client.service.DeskRefusedException.Reason;
import org.tutti.client.service.SiteSettingsService;
import org.tutti.client.ui.FakeBackend;
import org.tutti.client.ui.French;
import org.tutti.client.ui.common.BackgroundTasks;

/** Paramètres' model as DIRECTION and as ACCUEIL, on a fake service: what is sent, what a refusal shows. */
class SettingsViewModelTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    /** Answers the settings read, records each save, refuses with {@link #refusal} when set. */
    private static final class FakeSettings implements SiteSettingsService {
        SiteSettings stored;
        final List<SiteSettings> saved = new ArrayList<>();
        final List<Boolean> logoSent = new ArrayList<>();
        DeskRefusedException refusal;

        FakeSettings(boolean mayChange) {
            stored = new SiteSettings("Conservatoire de Bellerive", "12 rue des Arts", null, "69000", "Bellerive",
                    "04 00 00 00 00", "accueil@bellerive.example", null, true, "https://pay.example/{reference}",
                    "Chèque à l’ordre du conservatoire", 2097152, "F####", null, null, "BEL", 7, mayChange);
        }

        @Override
        public SiteSettings read(UserSession session) {
            return stored;
        }

        @Override
        public long save(UserSession session, SiteSettings settings, boolean logoChanged) {
            if (refusal != null) {
                throw refusal;
            }
            saved.add(settings);
            logoSent.add(logoChanged);
            return settings.version() + 1;
        }
    }

    private static SettingsViewModel model(FakeSettings service) {
        SettingsViewModel model = new SettingsViewModel(FakeBackend.staff(), service, BackgroundTasks.sameThread());
        model.load();
        return model;
    }

    @Test
    void directionSavesWhatWasTypedAndTheScreenSaysSo() {
        FakeSettings service = new FakeSettings(true);
        SettingsViewModel model = model(service);
        assertThat(model.text("max_document_bytes").get()).isEqualTo("2");
        assertThat(model.dirtyProperty().get()).isFalse();

        model.onlinePaymentProperty().set(false);
        model.text("city").set("  Lyon ");
        model.text("session_lifetime_hours").set("8");
        assertThat(model.dirtyProperty().get()).as("unsaved edits veto leaving").isTrue();
        model.save();

        assertThat(service.saved).singleElement().satisfies(s -> {
            assertThat(s.city()).isEqualTo("Lyon");
            assertThat(s.onlinePayment()).isFalse();
            assertThat(s.sessionLifetimeHours()).isEqualTo(8);
            assertThat(s.maxDocumentBytes()).isEqualTo(2097152);
            assertThat(s.version()).isEqualTo(7);
        });
        assertThat(service.logoSent).containsExactly(false);
        assertThat(model.messageProperty().get()).isEqualTo("Paramètres enregistrés.");
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void aRefusedFieldShowsItsErrorAndKeepsEverythingTyped() {
        FakeSettings service = new FakeSettings(true);
        SettingsViewModel model = model(service);
        model.text("online_payment_url").set("http://pay.example/");
        service.refusal = new DeskRefusedException(Reason.INVALID, "online_payment_url");
        model.save();

        assertThat(model.error("online_payment_url").get())
                .isEqualTo("Saisissez une adresse https:// qui contient {reference} ; elle est obligatoire avec le paiement en ligne.");
        assertThat(model.messageProperty().get()).isEqualTo("Corrigez les champs signalés : rien n’a été enregistré.");
        assertThat(model.text("online_payment_url").get()).isEqualTo("http://pay.example/");
        assertThat(model.dirtyProperty().get()).isTrue();

        service.refusal = new DeskRefusedException(Reason.STALE, null);
        model.save();
        assertThat(model.messageProperty().get()).startsWith("Quelqu’un a enregistré les paramètres entre-temps.");
        assertThat(model.text("online_payment_url").get()).isEqualTo("http://pay.example/");
    }

    @Test
    void numbersOutOfRangeAreRefusedBeforeAnythingIsSent() {
        FakeSettings service = new FakeSettings(true);
        SettingsViewModel model = model(service);
        model.text("max_document_bytes").set("25");
        model.text("session_lifetime_hours").set("0");
        model.save();
        assertThat(service.saved).isEmpty();
        assertThat(model.error("max_document_bytes").get()).isEqualTo("Saisissez un nombre entier de 1 à 10.");
        assertThat(model.error("session_lifetime_hours").get())
                .isEqualTo("Saisissez un nombre entier d’heures de 1 à 720, ou laissez vide.");
    }

    @Test
    void aLogoMustBeAPngOrAJpegAndIsSentOnlyWhenChanged() {
        FakeSettings service = new FakeSettings(true);
        SettingsViewModel model = model(service);
        model.chooseLogo("GIF89a".getBytes());
        assertThat(model.error("letterhead_logo").get()).isEqualTo("Choisissez une image PNG ou JPEG de 512 Ko au plus.");
        model.chooseLogo(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        assertThat(model.error("letterhead_logo").get()).isEmpty();
        model.save();
        assertThat(service.logoSent).containsExactly(true);
        assertThat(service.saved.get(0).logo()).hasSize(8);
    }

    @Test
    void withoutTheRightNothingCanBeSaved() {
        FakeSettings service = new FakeSettings(false);
        SettingsViewModel model = model(service);
        assertThat(model.mayChangeProperty().get()).isFalse();
        assertThat(model.canSave().get()).isFalse();
        model.text("city").set("Lyon");
        model.save();
        assertThat(service.saved).isEmpty();
    }
}
