package org.tutti.client.ui.mailbox;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.common.ThemeManager;
import org.tutti.client.ui.mailbox.DemoMailboxViewModel.MailRow;

/**
 * The demo mailbox window (embedded demo only): the mails in a table (Reçu le, Destinataire,
 * Objet; newest first), the selected one's text beside it in a read-only text area whose text
 * can be selected and copied (the new password). Not modal: the user keeps it open next to the
 * login window. Reads the mailbox again every {@value #REFRESH_SECONDS} s while it is open (in
 * the background), and on Rafraîchir (F5). Escape closes it; Enter on a mail moves to its text.
 */
public final class DemoMailboxWindow {

    static final double REFRESH_SECONDS = 2;

    private final DemoMailboxViewModel model;
    private final Stage stage = new Stage();
    private final TableView<MailRow> table = new TableView<>();
    private final TextArea body = new TextArea();
    private final Timeline autoRefresh;
    private boolean syncing;

    public DemoMailboxWindow(Window owner, DemoMailboxViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle(I18n.get("mailbox.title"));
        Scene scene = new Scene(content(), 78 * ThemeManager.get().emInPixels(), 36 * ThemeManager.get().emInPixels());
        ThemeManager.get().apply(scene);
        // a filter, not an accelerator: the text area would consume Escape first
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.CLOSE_WINDOW.keyCombination().match(e)) {
                e.consume();
                stage.close();
            }
        });
        scene.getAccelerators().put(Actions.REFRESH_MAILBOX.keyCombination(), model::refresh);
        stage.setScene(scene);
        autoRefresh = new Timeline(new KeyFrame(Duration.seconds(REFRESH_SECONDS), e -> model.refresh()));
        autoRefresh.setCycleCount(Animation.INDEFINITE);
        stage.setOnShown(e -> {
            model.refresh();
            autoRefresh.play();
        });
        stage.setOnHidden(e -> autoRefresh.stop());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        table.requestFocus();
    }

    private Parent content() {
        Label heading = new Label(I18n.get("mailbox.heading"));
        heading.getStyleClass().add("h2");
        Label intro = new Label(I18n.get("mailbox.intro"));
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Label count = new Label();
        count.setId("demoMailCount");
        count.textProperty().bind(model.countProperty());
        count.getStyleClass().add("muted");
        Label error = new Label();
        error.setId("demoMailError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button(Actions.REFRESH_MAILBOX.text());
        refresh.setId(Actions.REFRESH_MAILBOX.id());
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> model.refresh());
        HBox toolbar = new HBox(count, error, spacer, refresh);
        toolbar.getStyleClass().add("button-row");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(heading, intro, toolbar);
        top.getStyleClass().add("mailbox-top");

        SplitPane split = new SplitPane(table(), bodyPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);

        BorderPane root = new BorderPane(split);
        root.setTop(top);
        root.setId("demoMailbox");
        root.getStyleClass().add("mailbox-root");
        return root;
    }

    private Node table() {
        table.setId("demoMailTable");
        table.setItems(model.rows());
        table.getStyleClass().add("mail-table");
        table.setAccessibleText(I18n.get("mailbox.table"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // columns sized to their texts, long subjects wrapped, at every text size
        table.getColumns().add(Tables.text("mailbox.receivedAt", MailRow::receivedAt));
        table.getColumns().add(Tables.text("mailbox.recipient", MailRow::recipient));
        table.getColumns().add(Tables.text("mailbox.subject", MailRow::subject));
        Tables.fitToContent(table);
        table.setPlaceholder(new Label(I18n.get("mailbox.empty")));

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing) {
                model.selectedProperty().set(row);
            }
        });
        // a refresh replaces the rows: the model keeps the selection by id, the table follows
        model.selectedProperty().addListener((obs, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                syncing = true;
                try {
                    if (row == null) {
                        table.getSelectionModel().clearSelection();
                    } else {
                        table.getSelectionModel().select(row);
                    }
                } finally {
                    syncing = false;
                }
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openFocused();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<MailRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openFocused();
                }
            });
            return row;
        });
        return table;
    }

    /** Enter or double-click: the focused mail is selected and its text gets the focus. */
    private void openFocused() {
        MailRow row = table.getFocusModel().getFocusedItem();
        if (row == null) {
            return;
        }
        table.getSelectionModel().select(row);
        body.requestFocus();
    }

    private Node bodyPane() {
        Label title = new Label(I18n.get("mailbox.body"));
        title.setMnemonicParsing(true);
        title.getStyleClass().add("field-label");
        title.setLabelFor(body);
        body.setId("demoMailBody");
        body.setEditable(false);
        body.setWrapText(true);
        body.getStyleClass().add("mail-body");
        body.setPromptText(I18n.get("mailbox.body.none"));
        body.textProperty().bind(model.bodyProperty());
        Forms.tabLeaves(body);
        body.setAccessibleText(I18n.get("mailbox.body").replace("_", ""));
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox pane = new VBox(title, body);
        pane.getStyleClass().add("mail-body-pane");
        return pane;
    }
}
