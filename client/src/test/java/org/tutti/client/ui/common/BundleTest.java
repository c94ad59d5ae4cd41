package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/tutti/client/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> fr = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(en).as("keys missing in messages_en.properties").containsAll(fr);
        assertThat(fr).as("keys missing in messages.properties").containsAll(en);
        assertThat(fr).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void noValueIsEmptyAndFormattedValuesSurviveMessageFormat(String file) throws IOException {
        Properties p = load(file);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            assertThat(value.trim()).as(file + ": " + key).isNotEmpty();
            if (value.matches("(?s).*\\{\\d.*")) {
                assertThat(value).as(file + ": " + key + " has an unescaped ' (MessageFormat would drop it)")
                        .doesNotContainPattern("(^|[^'])'([^']|$)");
                // choice formats (plurals) take numbers, the others any text
                Object[] arguments = value.contains(",choice,") ? new Object[] {1, 2, 3} : new Object[] {"A", "B", "C"};
                String formatted = new MessageFormat(value, Locale.ROOT).format(arguments);
                assertThat(formatted).as(file + ": " + key).doesNotContain("{0}");
            }
        }
    }

    @Test
    void frenchIsTheBaseAndEnglishTheTranslation() {
        assertThat(I18n.load(Locale.FRENCH).getString("login.title")).isEqualTo("Tutti — Accès usagers");
        assertThat(I18n.load(Locale.GERMAN).getString("login.title")).isEqualTo("Tutti — Accès usagers");
        assertThat(I18n.load(Locale.ENGLISH).getString("login.title")).isEqualTo("Tutti — Family access");
    }

    @Test
    void everyActionHasTextsAndAKeyBindingThatParses() throws IOException {
        Properties fr = load("messages.properties");
        for (Actions action : Actions.values()) {
            assertThat(fr.getProperty(action.textKey())).as(action.name()).isNotBlank();
            assertThat(action.keyCombination()).as(action.name() + ": a key, not characters")
                    .isInstanceOf(javafx.scene.input.KeyCodeCombination.class);
        }
        assertThat(fr.getProperty(Actions.NAV_HOME.textKey())).isEqualTo("_Accueil");
        assertThat(fr.getProperty(Actions.NAV_LOGOUT.textKey())).isEqualTo("_Déconnexion");
        assertThat(fr.getProperty(Actions.NAV_PASSWORD.textKey())).isEqualTo("Mot de _passe");
        assertThat(Actions.CLOSE_WINDOW.keyCombination().match(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE,
                false, false, false, false))).as("Escape closes windows").isTrue();
    }
}
