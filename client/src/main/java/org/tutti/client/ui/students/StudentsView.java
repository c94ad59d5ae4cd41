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
        IdentityTabPane tabs = new IdentityTabPane(identityTab, identity, pedagogyTabs.coursesTab(),
                pedagogyTabs.historyTab(), pedagogyTabs.repertoireTab());
        tabs.setId("studentTabs");
        tabs.setAccessibleText(I18n.get("tabs.student"));
        // Réinscription: only while the site's campaign is open (checked each time Élèves is shown)
        ReenrolmentTab reenrolmentTab = new ReenrolmentTab(reenrolment);
        tabs.fitHeightTo(reenrolmentTab.tab(), reenrolmentTab.content());
        InvalidationListener showReenrolment = obs -> {
            boolean open = reenrolment.availableProperty().get();
            if (open && !tabs.getTabs().contains(reenrolmentTab.tab())) {
                tabs.getTabs().add(reenrolmentTab.tab());
            } else if (!open) {
                tabs.getTabs().remove(reenrolmentTab.tab());
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
     * A tab pane as tall as Identité (or another tab that grows, {@link #fitHeightTo}) needs while
     * it is selected, messages under the fields included (wrapped at the tab's width). The stock
     * pane's preferred height lagged behind its content's: the messages pushed the last fields
     * and Modifier out of its visible area.
     */
    private static final class IdentityTabPane extends TabPane {
        private final java.util.Map<Tab, Region> fitted = new java.util.HashMap<>();

        IdentityTabPane(Tab identityTab, Region identity, Tab... others) {
            super(identityTab);
            getTabs().addAll(others);
            fitted.put(identityTab, identity);
            getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> requestLayout());
        }

        /** Makes the pane as tall as {@code content} needs while {@code tab} is selected. */
        void fitHeightTo(Tab tab, Region content) {
            fitted.put(tab, content);
            content.needsLayoutProperty().addListener((obs, was, needs) -> {
                if (needs) {
                    requestLayout();
                }
            });
        }

        @Override
        protected double computePrefHeight(double width) {
            double pref = super.computePrefHeight(width);
            Region content = fitted.get(getSelectionModel().getSelectedItem());
            if (content == null) {
                return pref;
            }
            Node header = lookup(".tab-header-area");
            double headerHeight = header instanceof Region region ? region.prefHeight(-1) : 0;
            double contentWidth = content.getWidth() > 0 ? content.getWidth() : -1;
            return Math.max(pref, snappedTopInset() + headerHeight + content.prefHeight(contentWidth)
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
