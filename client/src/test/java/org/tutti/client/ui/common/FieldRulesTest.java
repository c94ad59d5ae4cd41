package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.client.ui.French;

class FieldRulesTest {

    @BeforeAll
    static void french() {
        French.use();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0612345678|06 12 34 56 78",
        "06.12.34.56.78|06 12 34 56 78",
        "06-12-34-56-78|06 12 34 56 78",
        "06 12 34 56 78|06 12 34 56 78",
        "+33612345678|+33612345678",
        "0612|0612"})
    void phonesAreShownAndStoredInPairsAnythingElseAsTyped(String typed, String shown) {
        assertThat(FieldRules.formatPhone(typed)).isEqualTo(shown);
        assertThat(FieldRules.display("phone_mobile", typed)).isEqualTo(shown);
        assertThat(FieldRules.normalise("phone_home", typed)).isEqualTo(shown);
    }

    @Test
    void otherColumnsAreShownAsStoredAndNothingAsEmpty() {
        assertThat(FieldRules.display("city", "Bellerive")).isEqualTo("Bellerive");
        assertThat(FieldRules.display("city", null)).isEmpty();
        assertThat(FieldRules.normalise("email", "a@b.fr")).isEqualTo("a@b.fr");
    }

    @Test
    void onlyRequiredColumnsMayBeEmpty() {
        assertThat(FieldRules.check("address2", "")).isEmpty();
        assertThat(FieldRules.check("phone_home", "")).isEmpty();
        assertThat(FieldRules.check("birth_date", "")).isEqualTo("Ce champ est obligatoire.");
        assertThat(FieldRules.check("sex", "")).isEqualTo("Ce champ est obligatoire.");
    }

    @Test
    void aBirthDateIsAnIsoDateAtLeastTwoYearsAgoAndAfter1900() {
        assertThat(FieldRules.check("birth_date", "2015-03-12")).isEmpty();
        assertThat(FieldRules.check("birth_date", "1900-01-01")).isEmpty();
        assertThat(FieldRules.check("birth_date", LocalDate.now().minusYears(2).toString())).isEmpty();
        assertThat(FieldRules.check("birth_date", "12/03/2015")).isEqualTo("Date invalide (format jj/mm/aaaa).");
        assertThat(FieldRules.check("birth_date", "1899-12-31"))
                .isEqualTo("La date de naissance doit être passée et plausible (après 1900, au moins 2 ans).");
    }
}
