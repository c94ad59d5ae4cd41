package org.tutti.client.ui.staff;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.FamilyBillingPanel;
import org.tutti.client.ui.common.FamilyFileOpener;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.SearchFields;
import org.tutti.client.ui.common.Tables;

/**
 * Facturation at the front desk, built in code: on the left the family search (as one types, a
 * moment after the last key) and its results (Enter or a double-click opens a family); on the
 * right the family open ({@link FamilyBillingDesk}, which a family's file window shows too): its
 * Facturation tabs, the billing operations and its rentals; the number issued is said above.
 */
public final class BillingDeskView {

    /** How long after the last key the search runs. */
    static final Duration SEARCH_DELAY = Duration.millis(250);

    private final BillingDeskViewModel model;
    private final FamilyBillingDesk desk;
    private final VBox root;
    private final TextField search = new TextField();
    private final TableView<FamilyOption> results = Tables.table("billingFamilyResults", "billingDesk.results.empty");

    public BillingDeskView(BillingDeskViewModel model, FamilyBillingPanel panel) {
        this(model, panel, FamilyFileOpener.NONE);
    }

    /** @param opener opens the family's file from its billing ({@code familyFileOpen}) */
    public BillingDeskView(BillingDeskViewModel model, FamilyBillingPanel panel, FamilyFileOpener opener) {
        this.model = model;
        Label title = new Label(I18n.get("billingDesk.title"));
        title.getStyleClass().add("h1");
        desk = new FamilyBillingDesk(model, panel, opener);

        SplitPane split = new SplitPane(searchPane(), desk.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.19);
        VBox.setVgrow(split, Priority.ALWAYS);

        root = new VBox(title, desk.status(), desk.error(), split);
        root.setId("billingDeskRoot");
        root.getStyleClass().addAll("page", "billing-desk-page");
        installShortcuts();
        desk.installShortcuts(root);
    }

    private Parent searchPane() {
        search.setId(Actions.BILLING_SEARCH.id());
        search.setPromptText(I18n.get("billingDesk.search.prompt"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setAccessibleHelp(I18n.get("billingDesk.search.help"));
        // ↓ goes to the results; Enter opens the only result, or goes to the results
        SearchFields.install(search, results, SEARCH_DELAY, model::search, model::open);
        Label searchLabel = Forms.label(Actions.BILLING_SEARCH.textKey(), search);
        ProgressIndicator busy = Forms.busyIndicator("billingSearchBusy", "billingDesk.search.busy",
                model.searchingProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(search, busy);
        searchRow.getStyleClass().add("field-cell");
        searchRow.setAlignment(Pos.CENTER_LEFT);
        Label searchError = Forms.announce(Forms.error("billingSearchError", model.searchErrorProperty()), false);

        // one column ("F0001 — FERRARI Apolline"): the family's billing keeps the width
        results.getColumns().setAll(Tables.text("billingDesk.results.family", FamilyOption::toString));
        results.setItems(model.families());
        Tables.placeholderWhileLoading(results, model.searchingProperty(), model.searchErrorProperty(),
                model.emptyTextProperty());
        RowOpening.install(results, model::open);
        Label resultsLabel = Forms.label("billingDesk.results", results);
        Label hint = Forms.wrapped(I18n.get("billingDesk.results.hint"), "hint");
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox pane = new VBox(searchLabel, searchRow, searchError, resultsLabel, results, hint);
        pane.getStyleClass().add("billing-search");
        return pane;
    }

    /** Ctrl+F: the search (the operations' shortcuts: {@link FamilyBillingDesk}). */
    private void installShortcuts() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.BILLING_SEARCH.keyCombination().match(e)) {
                e.consume();
                search.requestFocus();
                search.selectAll();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** The screen is left: the PDFs opened from the tabs close. */
    void closeWindows() {
        desk.closeWindows();
    }

    /** The screen is shown: the focus goes to the family search. */
    void activated() {
        Forms.focusWhenShown(search);
        desk.refresh();
    }
}
