package org.tutti.client.ui.students;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.StudentIdentity;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.ValidationFormView;

/**
 * Élèves: the student selector, then the student's tabs. Identité: one row per field with its
 * pending marker and message, Modifier, and the pending message at its bottom right; Cours,
 * Historique, Répertoire: see {@link PedagogyTabs}; Réinscription, while the site's campaign is
 * open: see {@link ReenrolmentTab}.
 */
public final class StudentsView {

    /** Wide enough for the course list's ten columns; the identity form keeps a form's width. */
    private static final double CARD_MAX_WIDTH = 1400;
    private static final double IDENTITY_MAX_WIDTH = 720;

    private final ScrollPane root;
    private final PedagogyTabs pedagogyTabs;

    public StudentsView(StudentsViewModel model, PedagogyViewModel pedagogy, ReenrolmentViewModel reenrolment) {
        Label heading = Forms.heading("students.heading");
        ComboBox<StudentIdentity> selector = new ComboBox<>(model.students());
        selector.setId("studentSelector");
        selector.setCellFactory(list -> new NameCell());
        selector.setButtonCell(new NameCell());
        // another student with unsaved edits: asks first (the edits would be lost)
        selector.setValue(model.selectedProperty().get());
        model.selectedProperty().addListener((obs, old, student) -> selector.setValue(student));
        selector.valueProperty().addListener((obs, old, student) -> {
            if (student == model.selectedProperty().get()) {
                return;
            }
            if ((model.editor().hasUnsavedEdits() || reenrolment.hasUnsavedEdits()) && !Dialogs.confirm(selector.getScene().getWindow(),
                    I18n.get("students.switchQuestion"), I18n.get("students.switchConfirm"))) {
                Platform.runLater(() -> selector.setValue(old));
                return;
            }
            model.selectedProperty().set(student);
        });
        selector.disableProperty().bind(model.editor().busyProperty().or(reenrolment.sendingProperty()));
        HBox selectorRow = new HBox(Forms.label("students.selector", selector), selector);
        selectorRow.getStyleClass().add("button-row");
        selectorRow.setAlignment(Pos.CENTER_LEFT);

        ValidationFormView form = new ValidationFormView(model.editor(), "student",
                Actions.STUDENT_MODIFY, model::submit, "students.pendingMessage");
        VBox identity = new VBox(form.nodes());
        identity.getStyleClass().addAll("tab-content", "identity-tab");
        // the tab keeps room for its fields: a message under a field pushes the rows below it down
        identity.setMinHeight(Region.USE_PREF_SIZE);
        Tab identityTab = Forms.tab("tabIdentity", "students.tab.identity", identity);
        identity.setMaxWidth(IDENTITY_MAX_WIDTH);
        pedagogyTabs = new PedagogyTabs(pedagogy);
        TabPane tabs = new IdentityTabPane(identityTab, identity, pedagogyTabs.coursesTab(),
                pedagogyTabs.historyTab(), pedagogyTabs.repertoireTab());
        tabs.setId("studentTabs");
        // Réinscription: only while the site's campaign is open (checked each time Élèves is shown)
        Tab reenrolmentTab = new ReenrolmentTab(reenrolment).tab();
        InvalidationListener showReenrolment = obs -> {
            boolean open = reenrolment.availableProperty().get();
            if (open && !tabs.getTabs().contains(reenrolmentTab)) {
                tabs.getTabs().add(reenrolmentTab);
            } else if (!open) {
                tabs.getTabs().remove(reenrolmentTab);
            }
        };
        reenrolment.availableProperty().addListener(showReenrolment);
        showReenrolment.invalidated(null);
        // a message appearing under a field makes Identité taller: the tab pane must grow with it
        identity.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) {
                tabs.requestLayout();
            }
        });

        VBox card = new VBox(heading, selectorRow, tabs);
        card.getStyleClass().addAll("card", "students-card");
        card.setMaxWidth(CARD_MAX_WIDTH);
        VBox page = new VBox(card);
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setId("studentsRoot");
        root.setFitToWidth(true);
        root.getStyleClass().add("page-scroll");
    }

    public Parent root() {
        return root;
    }

    /** Closes the course, sheet and event windows (the screen is left). */
    public void closeWindows() {
        pedagogyTabs.closeWindows();
    }

    /**
     * A tab pane as tall as Identité needs while it is selected, messages under the fields
     * included (wrapped at the tab's width). The stock pane's preferred height lagged behind its
     * content's: the messages pushed the last fields and Modifier out of its visible area.
     */
    private static final class IdentityTabPane extends TabPane {
        private final Tab identityTab;
        private final Region identity;

        IdentityTabPane(Tab identityTab, Region identity, Tab... others) {
            super(identityTab);
            getTabs().addAll(others);
            this.identityTab = identityTab;
            this.identity = identity;
            getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> requestLayout());
        }

        @Override
        protected double computePrefHeight(double width) {
            double pref = super.computePrefHeight(width);
            if (getSelectionModel().getSelectedItem() != identityTab) {
                return pref;
            }
            Node header = lookup(".tab-header-area");
            double headerHeight = header instanceof Region region ? region.prefHeight(-1) : 0;
            double contentWidth = identity.getWidth() > 0 ? identity.getWidth() : -1;
            return Math.max(pref, snappedTopInset() + headerHeight + identity.prefHeight(contentWidth)
                    + snappedBottomInset());
        }
    }

    private static final class NameCell extends ListCell<StudentIdentity> {
        @Override
        protected void updateItem(StudentIdentity item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName());
        }
    }
}
