package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.French;

class RecordNavigatorTest {

    private final ObservableList<String> years = FXCollections.observableArrayList("2025-2026", "2024-2025", "2023-2024");
    private final RecordNavigator<String> navigator = new RecordNavigator<>(years);

    @BeforeAll
    static void french() {
        French.use();
    }

    @Test
    void withoutACurrentRecordNextAndPreviousStartAtTheFirst() {
        assertThat(navigator.current()).isNull();
        navigator.next();
        assertThat(navigator.current()).isEqualTo("2025-2026");

        navigator.moveTo((String) null);
        navigator.previous();
        assertThat(navigator.current()).isEqualTo("2025-2026");
    }

    @Test
    void movesThroughTheListAndStopsAtItsEnds() {
        navigator.first();
        assertThat(navigator.atFirstProperty().get()).isTrue();
        assertThat(navigator.atLastProperty().get()).isFalse();
        navigator.previous();
        assertThat(navigator.current()).isEqualTo("2025-2026");

        navigator.next();
        assertThat(navigator.current()).isEqualTo("2024-2025");
        assertThat(navigator.atFirstProperty().get()).isFalse();
        assertThat(navigator.atLastProperty().get()).isFalse();
        assertThat(navigator.positionText()).isEqualTo("fiche 2 sur 3");

        navigator.last();
        assertThat(navigator.current()).isEqualTo("2023-2024");
        assertThat(navigator.atLastProperty().get()).isTrue();
        navigator.next();
        assertThat(navigator.current()).isEqualTo("2023-2024");
        assertThat(navigator.indexProperty().get()).isEqualTo(2);
    }

    @Test
    void sortingTheListKeepsTheCurrentRecordCurrent() {
        navigator.moveTo("2025-2026");

        FXCollections.sort(years);

        assertThat(navigator.current()).isEqualTo("2025-2026");
        assertThat(navigator.indexProperty().get()).isEqualTo(2);
        assertThat(navigator.atLastProperty().get()).isTrue();
    }

    @Test
    void aNewListWithoutTheCurrentRecordLeavesNoneCurrent() {
        navigator.moveTo("2024-2025");

        years.setAll("2022-2023");

        assertThat(navigator.current()).isNull();
        assertThat(navigator.indexProperty().get()).isEqualTo(-1);
        assertThat(navigator.positionText()).isEmpty();
    }

    @Test
    void anEmptyListIsAtBothEnds() {
        years.clear();

        assertThat(navigator.atFirstProperty().get()).isTrue();
        assertThat(navigator.atLastProperty().get()).isTrue();
        navigator.next();
        navigator.last();
        assertThat(navigator.current()).isNull();
    }
}
