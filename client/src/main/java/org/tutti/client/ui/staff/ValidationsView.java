package org.tutti.client.ui.staff;

import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.service.PendingChange;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.staff.ValidationsViewModel.ConflictChoice;
import org.tutti.client.ui.staff.ValidationsViewModel.Entry;

/**
 * Validations, built in code: the tree of waiting changes (family, student, field "old → new"),
 * the optional comment, Accepter / Refuser / Rafraîchir, and a status line. Conflicts are asked
 * in a dialog (Accepter quand même / Refuser / Annuler).
 */
public final class ValidationsView implements ValidationsViewModel.Prompts {

    private final ValidationsViewModel model;
    private final VBox root;
    private final TreeView<Entry> tree = new TreeView<>();
    private boolean rebuilding;

    public ValidationsView(ValidationsViewModel model) {
        this.model = model;
        model.setPrompts(this);

        Label title = new Label(I18n.get("validations.title"));
        title.getStyleClass().add("h1");

        Label intro = Forms.wrapped(I18n.get("validations.intro"), "muted");

        TextField filter = new TextField();
        filter.setId("validationsFilter");
        filter.setPromptText(I18n.get("validations.filter.prompt"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(model.filterProperty());
        // Escape empties a filled filter (and does nothing else on this page)
        filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                e.consume();
                filter.clear();
            }
        });
        Label filterLabel = Forms.label("validations.filter", filter);
        Label count = new Label();
        count.setId("validationsCount");
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        count.getStyleClass().add("validations-count");
        count.textProperty().bind(model.countProperty());
        HBox filterRow = new HBox(filterLabel, filter, count);
        filterRow.getStyleClass().add("filter-row");
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TreeItem<Entry> treeRoot = new TreeItem<>();
        tree.setRoot(treeRoot);
        tree.setShowRoot(false);
        tree.setId("validationsList");
        tree.setAccessibleText(I18n.get("validations.list"));
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            {
                // a long change (an old and a new e-mail) wraps at the list's width, at any text size
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Entry item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                getStyleClass().removeAll("validation-group", "validation-field");
                if (emptyCell || item == null) {
                    setText(null);
                } else {
                    setText(item.text());
                    getStyleClass().add(item.kind() == ValidationsViewModel.Kind.FIELD ? "validation-field" : "validation-group");
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!rebuilding) {
                model.select(item == null ? null : item.getValue());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label listLabel = Forms.label("validations.list", tree);

        Label empty = new Label(I18n.get("validations.empty"));
        empty.setId("validationsEmpty");
        empty.visibleProperty().bind(model.emptyProperty());
        empty.managedProperty().bind(empty.visibleProperty());
        Label noMatch = new Label();
        noMatch.setId("validationsNoMatch");
        noMatch.setWrapText(true);
        noMatch.textProperty().bind(model.noMatchProperty());
        noMatch.visibleProperty().bind(model.noMatchProperty().isNotEmpty());
        noMatch.managedProperty().bind(noMatch.visibleProperty());

        TextArea comment = new TextArea();
        comment.setId("validationComment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(model.commentProperty());
        // Tab leaves the comment (a text area would insert a tab character)
        comment.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                if (e.isShiftDown()) {
                    tree.requestFocus();
                } else {
                    lookupAccept().requestFocus();
                }
            }
        });
        Label commentLabel = Forms.label("validations.comment", comment);

        Button accept = button("validationAccept", "validations.accept", model::accept);
        Button reject = button("validationReject", "validations.reject", model::reject);
        Button refresh = button("validationRefresh", "validations.refresh", model::refresh);
        refresh.setTooltip(new javafx.scene.control.Tooltip(I18n.get("validations.refresh.tooltip")));
        accept.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.selection()).or(model.decidingProperty()));
        reject.disableProperty().bind(accept.disableProperty());

        ProgressIndicator busy = Forms.busyIndicator("validationBusy", "validations.busy",
                model.decidingProperty().or(model.loadingProperty()));
        HBox buttons = Forms.buttonRow(accept, reject, refresh, busy);

        Label status = new Label();
        status.setId("validationStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Forms.announce(status, true);

        Label error = Forms.announce(Forms.error("validationError", model.errorProperty()), true);

        root = new VBox(title, intro, filterRow, listLabel, tree, empty, noMatch, commentLabel, comment, buttons, status, error);
        root.setId("validationsRoot");
        root.getStyleClass().add("page");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                e.consume();
                model.refresh();
            }
        });

        // after a decision the buttons are disabled while the list reloads: the focus goes back to the list
        model.selection().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (model.selection().isEmpty() && root.getScene() != null
                    && (root.getScene().getFocusOwner() == accept || root.getScene().getFocusOwner() == reject)) {
                tree.requestFocus();
            }
        });
        model.roots().addListener((javafx.collections.ListChangeListener<Entry>) c -> rebuild());
        model.selectedKeyProperty().addListener((obs, old, key) -> reselect(key));
        rebuild();
    }

    private Button lookupAccept() {
        return (Button) root.lookup("#validationAccept");
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button(I18n.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setAccessibleText(I18n.get(key).replace("_", ""));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void rebuild() {
        rebuilding = true;
        try {
            TreeItem<Entry> treeRoot = tree.getRoot();
            treeRoot.getChildren().setAll(items(model.roots()));
        } finally {
            rebuilding = false;
        }
        reselect(model.selectedKeyProperty().get());
    }

    /**
     * The tree's items. A field is not a leaf to the tree: TreeCellSkin indents a leaf by the
     * widest arrow its cells have laid out so far (18 px until one has), so leaves laid out
     * before a group in the same pass, as after a decision reuses the cells in another order,
     * sat a few pixels left of the others until the next reload. Every row laid out like a group
     * lines up whatever the order; the stylesheet does not draw a field's arrow.
     */
    private static List<TreeItem<Entry>> items(List<Entry> entries) {
        return entries.stream().map(e -> {
            TreeItem<Entry> item = new TreeItem<>(e) {
                @Override
                public boolean isLeaf() {
                    return false;
                }
            };
            item.getChildren().setAll(items(e.children()));
            item.setExpanded(true);
            return item;
        }).toList();
    }

    private void reselect(String key) {
        TreeItem<Entry> current = tree.getSelectionModel().getSelectedItem();
        if (key == null) {
            if (current != null) {
                rebuilding = true;
                tree.getSelectionModel().clearSelection();
                rebuilding = false;
            }
            return;
        }
        if (current != null && current.getValue() != null && key.equals(current.getValue().key())
                && current.getParent() != null) {
            return;
        }
        TreeItem<Entry> found = find(tree.getRoot(), key);
        rebuilding = true;
        try {
            if (found == null) {
                tree.getSelectionModel().clearSelection();
            } else {
                tree.getSelectionModel().select(found);
            }
        } finally {
            rebuilding = false;
        }
    }

    private static TreeItem<Entry> find(TreeItem<Entry> item, String key) {
        if (item.getValue() != null && item.getValue().key().equals(key)) {
            return item;
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            TreeItem<Entry> found = find(child, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public ConflictChoice conflict(PendingChange change, String currentValue) {
        ButtonType force = new ButtonType(I18n.get("validations.conflict.force"), ButtonBar.ButtonData.YES);
        ButtonType reject = new ButtonType(I18n.get("validations.conflict.reject"), ButtonBar.ButtonData.NO);
        String field = ValidationsViewModel.fieldLabel(change.fieldName());
        String text = I18n.get("validations.conflict.text", field,
                ValidationsViewModel.value(change.fieldName(), change.oldValue()),
                ValidationsViewModel.value(change.fieldName(), change.newValue()),
                ValidationsViewModel.value(change.fieldName(), currentValue));
        Alert alert = Dialogs.choice(owner(), "validationConflict", I18n.get("validations.conflict.title"),
                I18n.get("validations.conflict.header", field), text, force, reject);
        Dialogs.button(alert, force).setId("validationConflictForce");
        Dialogs.button(alert, reject).setId("validationConflictReject");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == force) {
            return ConflictChoice.ACCEPT_ANYWAY;
        }
        if (answer.isPresent() && answer.get() == reject) {
            return ConflictChoice.REJECT;
        }
        return ConflictChoice.CANCEL;
    }

    @Override
    public void alreadyDecided(PendingChange change) {
        Dialogs.showMessage(owner(), I18n.get("validations.alreadyDecided"));
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** Puts the focus on the list (the module calls it when the screen is shown). */
    public void focus() {
        tree.requestFocus();
    }
}
