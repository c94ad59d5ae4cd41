package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.client.service.ServiceException;
import org.tutti.client.service.ServiceException.Reason;
import org.tutti.client.ui.French;

class FailuresTest {

    private static Properties french;
    private static Properties english;

    @BeforeAll
    static void bundles() throws IOException {
        French.use();
        french = load("messages.properties");
        english = load("messages_en.properties");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FailuresTest.class.getResourceAsStream("/org/tutti/client/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static ServiceException failure(Reason reason) {
        return new ServiceException(reason, "technical detail");
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasAMessageInBothBundles(Reason reason) {
        String key = Failures.defaultKey(reason);
        assertThat(french.getProperty(key)).as("French " + key).isNotBlank();
        assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = "UNEXPECTED", mode = EnumSource.Mode.EXCLUDE)
    void everyScreenSaysTheCommonMessageUnlessItOverridesIt(Reason reason) {
        Failures screen = Failures.of("Test screen", "home.error");

        assertThat(screen.message(failure(reason))).isEqualTo(I18n.get(Failures.defaultKey(reason)))
                .doesNotContain("technical detail");
    }

    @Test
    void theCommonMessagesAreTheOnesUsersKnow() {
        Failures screen = Failures.of("Test screen", "home.error");

        assertThat(screen.message(failure(Reason.SESSION_EXPIRED))).isEqualTo("Votre session a expiré. Reconnectez-vous.");
        assertThat(screen.message(failure(Reason.DATABASE_UNAVAILABLE)))
                .isEqualTo("La base de données est injoignable pour le moment. Vérifiez votre connexion à Internet,"
                        + " puis réessayez.");
    }

    @Test
    void anUnexpectedFailureOrABugGetsTheScreensOwnText() {
        Failures screen = Failures.of("Test screen", "home.error");

        assertThat(screen.message(failure(Reason.UNEXPECTED)))
                .isEqualTo("L’accueil n’a pas pu être chargé. Cliquez sur Accueil pour réessayer.");
        assertThat(screen.message(new IllegalStateException("bug")))
                .isEqualTo("L’accueil n’a pas pu être chargé. Cliquez sur Accueil pour réessayer.");
    }

    @Test
    void aScreenOverridesOnlyWhatItNames() {
        Failures base = Failures.of("Test screen", "lost.error.unexpected");
        Failures lost = base.with(Reason.RATE_LIMITED, "lost.error.rateLimited");

        assertThat(lost.message(failure(Reason.RATE_LIMITED)))
                .isEqualTo("Trop de demandes pour cet identifiant. Réessayez dans une heure.");
        assertThat(base.key(failure(Reason.RATE_LIMITED))).as("the original is unchanged").isEqualTo("error.rateLimited");
        assertThat(lost.key(failure(Reason.SESSION_EXPIRED))).isEqualTo("error.sessionExpired");
        assertThat(lost.key(new RuntimeException())).isEqualTo("lost.error.unexpected");
    }

    @Test
    void theCommonTextIsAvailableWithoutAFailure() {
        assertThat(Failures.text(Reason.SESSION_EXPIRED)).isEqualTo("Votre session a expiré. Reconnectez-vous.");
    }
}
