package org.tutti.client.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.domain.FamilyMatch;

/**
 * Familles at the front desk on the seeded embedded demo: ACCUEIL opens the screen (the search field
 * has the focus) and finds a family by its accented name typed without accents, by its phone number
 * with and without spaces, and by a student's first name. (Enter opening the family's file is the
 * view test's: this branch gives the screen FamilyFileOpener.NONE.)
 */
class FamilySearchFlowTest extends AppHarness {

    @TempDir
    Path dataFolder;

    @AfterEach
    void tearDown() throws Exception {
        stopApp();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private TableView<FamilyMatch> results() {
        return lookup("#familyResults").query();
    }

    /** Types {@code typed} in the field and waits until {@code identifier} shows among the families found. */
    private void assertFound(String typed, String identifier) throws Exception {
        interact(() -> lookup("#familySearch").queryAs(TextField.class).clear());
        clickOn("#familySearch").write(typed);
        await(identifier + " found by " + typed, () -> lookup("#familySearch").queryAs(TextField.class).getText()
                .equals(typed) && results().getItems().stream().anyMatch(f -> f.identifier().equals(identifier)));
    }

    private static String value(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String label(String query) {
        return lookup(query).queryAs(javafx.scene.control.Label.class).getText();
    }

    @Test
    void theFrontDeskFindsAFamilyByAccentlessNamePhoneAndStudent() throws Exception {
        DemoData.copyInto(dataFolder);
        startApp(dataFolder);
        waitUntilLoginEnabled();
        logInByKeyboard("ACCUEIL", "bellerive");
        await("the navigation", () -> exists("#navFamilies"));
        String accented;
        String byName;
        String byPhone;
        String phone;
        String student;
        // one connection beside the running app (opening and closing the file again and again trips H2)
        try (Connection c = new DemoSql(dataFolder).connect()) {
            accented = value(c, "select min(f.last_name) from tutti.family f join tutti.site s on s.id = f.site_id"
                    + " where s.code = 'BELLERIVE' and f.last_name <> translate(f.last_name, 'éèêëàâäîïôöûüùç',"
                    + " 'eeeeaaaiioouuuc')");
            byName = value(c, "select min(f.identifier) from tutti.family f join tutti.site s on s.id = f.site_id"
                    + " where s.code = 'BELLERIVE' and f.last_name = ?", accented);
            byPhone = value(c, "select min(f.identifier) from tutti.family f join tutti.site s on s.id = f.site_id"
                    + " where s.code = 'BELLERIVE' and f.phone_mobile like '06 %'"
                    + " and exists (select 1 from tutti.student st where st.family_id = f.id)");
            phone = value(c, "select f.phone_mobile from tutti.family f join tutti.site s on s.id = f.site_id"
                    + " where s.code = 'BELLERIVE' and f.identifier = ?", byPhone);
            student = value(c, "select min(st.first_name) from tutti.student st join tutti.family f"
                    + " on f.id = st.family_id join tutti.site s on s.id = f.site_id"
                    + " where s.code = 'BELLERIVE' and f.identifier = ?", byPhone);
        }
        assertThat(accented).as("an accented last name in the demo").isNotNull();

        clickOn("#navFamilies");
        await("the search has the focus", () -> exists("#familySearch")
                && stage.getScene().getFocusOwner() == lookup("#familySearch").query());

        assertFound(plain(accented).toLowerCase(Locale.ROOT), byName);
        FamilyMatch match = results().getItems().stream().filter(f -> f.identifier().equals(byName)).findFirst()
                .orElseThrow();
        assertThat(match.name()).contains(accented);

        assertFound(phone, byPhone);
        assertFound(phone.replace(" ", ""), byPhone);
        assertFound(plain(student).toLowerCase(Locale.ROOT), byPhone);

        interact(() -> lookup("#familySearch").queryAs(TextField.class).clear());
        clickOn("#familySearch").write("zzqx");
        await("nothing found", () -> label("#familySearchStatus").equals("Aucune famille ne correspond à « zzqx »."));
        assertThat(results().getItems()).isEmpty();
    }
}
