package org.tutti.client.ui.main;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.tutti.client.domain.FamilyOption;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.staff.FamilyBillingDesk;

/**
 * A family's file window at the front desk (root {@code familyFile}): a header (identifier and
 * name, account state, e-mail, phone), then the tabs {@code fileTabFamily} (Famille),
 * {@code fileTabStudents} (Élèves: Identité, Cours, Historique, Répertoire), {@code fileTabBilling}
 * (the front desk's billing of the family) and the records' tabs added after them. The family's
 * screens keep their ids inside. Ctrl+Tab and Ctrl+Shift+Tab go from one file tab to the next
 * (even from inside Élèves' own tabs); a tab's screen is read when first shown, and again each time
 * it is shown. The first field of Famille has the focus on opening.
 */
final class FamilyFileView {

    private final FamilyFileViewModel header;
    private final AppModule family;
    private final AppModule students;
    private final FamilyBillingDesk billing;
    private final TabPane tabs = new TabPane();
    private final BorderPane root;
    private final Tab familyTab;
    private final Tab studentsTab;
    private final Tab billingTab;
    private boolean studentsShown;

    FamilyFileView(FamilyFileViewModel header, AppModule family, AppModule students, FamilyBillingDesk billing) {
        this.header = header;
        this.family = family;
        this.students = students;
        this.billing = billing;

        Label title = new Label();
        title.setId("fileTitle");
        title.getStyleClass().add("h1");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(header.titleProperty());
        FlowPane facts = new FlowPane(fact("fileAccount", header.accountProperty()),
                fact("fileEmail", header.emailProperty()),
                fact("filePhone", header.phoneProperty()));
        facts.getStyleClass().add("file-facts");
        facts.setHgap(24);
        facts.setVgap(4);
        facts.setAlignment(Pos.CENTER_LEFT);
        Label error = Forms.announce(Forms.error("fileError", header.errorProperty()), false);
        VBox top = new VBox(title, facts, error);
        top.getStyleClass().addAll("page", "file-header");

        familyTab = Forms.tab("fileTabFamily", "file.tab.family", family.view());
        studentsTab = Forms.tab("fileTabStudents", "file.tab.students", students.view());
        VBox billingPage = new VBox(billing.status(), billing.error(), billing.root());
        VBox.setVgrow(billing.root(), Priority.ALWAYS);
        billingPage.getStyleClass().addAll("page", "billing-desk-page");
        billingTab = Forms.tab("fileTabBilling", "file.tab.billing", billingPage);
        billing.installShortcuts(billingPage);
        tabs.getTabs().setAll(familyTab, studentsTab, billingTab);
        tabs.setId("fileTabs");
        tabs.setAccessibleText(I18n.get("tabs.familyFile"));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> show(tab));
        // the billing of the family once its identifier and name are read
        header.headerProperty().addListener((obs, old, read) -> {
            if (old == null && read != null) {
                billing.showFamily(new FamilyOption(read.familyId(), read.identifier(),
                        upper(read.lastName()) + " " + (read.firstName() == null ? "" : read.firstName())));
            }
        });

        root = new BorderPane(tabs, top, null, null, null);
        root.setId("familyFile");
        // Ctrl+Tab: the file's tabs, whichever tab pane inside has the focus
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                int count = tabs.getTabs().size();
                int at = tabs.getSelectionModel().getSelectedIndex();
                tabs.getSelectionModel().select((at + (e.isShiftDown() ? count - 1 : 1)) % count);
                Node content = tabs.getSelectionModel().getSelectedItem().getContent();
                if (content instanceof Parent parent && !Forms.focusFirstIn(parent)) {
                    tabs.requestFocus();
                }
            }
        });
    }

    private static Label fact(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static String upper(String name) {
        return name == null ? "" : name.toUpperCase(java.util.Locale.FRENCH);
    }

    /** Part "records"'s tabs, after Facturation. */
    void addTabs(List<Tab> more) {
        tabs.getTabs().addAll(more);
    }

    Parent root() {
        return root;
    }

    /** The window is shown: the header and Famille are read, its first field takes the focus. */
    void opened() {
        header.load();
        family.activate();
        // the fields are enabled once the file is read: the focus goes to the first one then
        Node first = root.lookup("#familyCivility");
        if (first != null) {
            first.disabledProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was,
                        Boolean disabled) {
                    if (!disabled) {
                        first.disabledProperty().removeListener(this);
                        if (tabs.getSelectionModel().getSelectedItem() == familyTab) {
                            first.requestFocus();
                        }
                    }
                }
            });
            Forms.focusWhenShown(first);
        }
    }

    /** A tab shown again is read again, unless it holds edits not sent yet (nothing typed is lost). */
    private void show(Tab tab) {
        if (tab == familyTab) {
            header.load();
            if (!family.hasUnsavedEdits()) {
                family.activate();
            }
        } else if (tab == studentsTab) {
            if (!studentsShown || !students.hasUnsavedEdits()) {
                studentsShown = true;
                students.activate();
            }
        } else if (tab == billingTab && header.headerProperty().get() != null) {
            billing.refresh();
        }
    }

    /** The window closed: the windows opened from its tabs close too. */
    /** True while Famille or Élèves › Identité holds edits not yet applied. */
    boolean hasUnsavedEdits() {
        return family.hasUnsavedEdits() || students.hasUnsavedEdits();
    }

    void closed() {
        students.deactivate();
        billing.closeWindows();
    }

    /** The window's stage, once shown. */
    Stage stage() {
        return root.getScene() == null ? null : (Stage) root.getScene().getWindow();
    }
}
