package org.tutti.client.ui.families;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.tutti.client.domain.FamilyMatch;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.SearchFields;
import org.tutti.client.ui.common.Tables;

/**
 * Familles at the front desk, built in code: the search field (ControlsFX's, with its clear
 * button; the list follows the typing a moment after the last key), the busy sign, the error, and
 * the families found (Identifiant, Famille, Élèves, Téléphone, E-mail, Ville). Down arrow goes
 * from the field to the list; Enter (on the list, or in the field when one family is found) or a
 * double-click opens the family's file.
 */
public final class FamilySearchView {

    /** How long after the last key the search runs. */
    static final Duration SEARCH_DELAY = Duration.millis(200);

    private final FamilySearchViewModel model;
    private final FamilyFileOpener opener;
    private final VBox root;
    private final TextField search = TextFields.createClearableTextField();
    private final TableView<FamilyMatch> results = Tables.table(Actions.FAMILY_RESULTS.id(), "families.results.start");

    public FamilySearchView(FamilySearchViewModel model, FamilyFileOpener opener) {
        this.model = model;
        this.opener = opener;
        Label title = new Label(I18n.get("families.title"));
        title.getStyleClass().add("h1");

        search.setId(Actions.FAMILY_SEARCH.id());
        search.setPromptText(I18n.get("families.search.prompt"));
        search.setAccessibleHelp(I18n.get("families.search.help"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        Label searchLabel = Forms.label(Actions.FAMILY_SEARCH.textKey(), search);
        ProgressIndicator busy = Forms.busyIndicator("familySearchBusy", "families.search.busy",
                model.searchingProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(search, busy);
        searchRow.getStyleClass().add("field-cell");
        searchRow.setAlignment(Pos.CENTER_LEFT);
        Label error = Forms.announce(Forms.error("familySearchError", model.errorProperty()), false);
        Label status = Forms.message("familySearchStatus", model.statusProperty(), "muted");

        results.getColumns().setAll(
                Tables.text("families.column.identifier", FamilyMatch::identifier),
                Tables.text("families.column.family", FamilyMatch::name),
                Tables.text("families.column.students", FamilyMatch::students),
                Tables.text("families.column.phones", FamilyMatch::phones),
                Tables.text("families.column.email", FamilyMatch::email),
                Tables.text("families.column.city", FamilyMatch::city));
        results.setItems(model.results());
        // ↓ goes to the results; Enter opens the only family found, or goes to the results
        SearchFields.install(search, results, SEARCH_DELAY, model::search, this::open);
        Tables.placeholderWhileLoading(results, model.searchingProperty(), model.errorProperty(), model.emptyTextProperty());
        RowOpening.install(results, this::open);
        Label resultsLabel = Forms.label("families.results", results);
        Label hint = Forms.wrapped(I18n.get("families.results.hint"), "hint");
        VBox.setVgrow(results, Priority.ALWAYS);

        root = new VBox(title, searchLabel, searchRow, error, status, resultsLabel, results, hint);
        root.setId("familiesRoot");
        root.getStyleClass().addAll("page", "families-page");
        // Ctrl+F: back to the field from the list
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.FAMILY_SEARCH.keyCombination().match(e)) {
                e.consume();
                search.requestFocus();
                search.selectAll();
            }
        });
    }

    /** Opens the family's file ("F0001 — Mme Claire Martin") beside this window. */
    private void open(FamilyMatch match) {
        opener.open(match.familyId(), match.title(), window());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shown (again): the field takes the focus. */
    void activated() {
        Forms.focusWhenShown(search);
    }

    public Parent root() {
        return root;
    }
}
