package org.tutti.client.ui.staff;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.domain.ReenrolmentSummary;
import org.tutti.client.domain.SchoolYearOption;
import org.tutti.client.domain.StoredDocument;
import org.tutti.client.ui.common.BackgroundTasks;
import org.tutti.client.ui.common.DatePickers;
import org.tutti.client.ui.common.DetailWindows;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.DocumentViewer;
import org.tutti.client.ui.common.DocumentTexts;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.RowOpening;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.staff.ReenrolmentsViewModel.StateFilter;

/**
 * Réinscriptions, built in code, in two tabs. Demandes: the filter by state and the count, the
 * requests (family, student, date, state) and beside them the selected one's detail (choices,
 * the family's comment, the documents, opened in the document viewer by Enter or a double-click),
 * the comment for the family, Valider la réinscription and Refuser. Campagne et documents: the
 * target year, the dates, the state in words, Ouvrir and Fermer, and the documents asked for
 * (Ajouter, Renommer, Supprimer, Obligatoire).
 */
public final class ReenrolmentsView {

    private final ReenrolmentsViewModel model;
    private final BackgroundTasks tasks;
    private final TabPane root;
    private final TableView<ReenrolmentSummary> table = Tables.table("reenrolmentsTable", "reenrolments.empty");
    private final TableView<StoredDocument> documentsTable = Tables.table("reenrolmentDocuments",
            "reenrolments.documents.empty");
    private final TableView<DocumentType> typesTable = Tables.table("documentTypesTable", "reenrolments.types.empty");
    private final DetailWindows viewers = new DetailWindows();
    private boolean selecting;

    public ReenrolmentsView(ReenrolmentsViewModel model, BackgroundTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        Tab requestsTab = new Tab(I18n.get("reenrolments.tab.requests"), requestsPage());
        requestsTab.setId("tabReenrolmentRequests");
        Tab campaignTab = new Tab(I18n.get("reenrolments.tab.campaign"), campaignPage());
        campaignTab.setId("tabReenrolmentCampaign");
        root = new TabPane(requestsTab, campaignTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("reenrolmentsRoot");
        root.setAccessibleText(I18n.get("tabs.reenrolments"));
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                e.consume();
                model.reload();
            }
        });
    }

    // ------------------------------------------------------------------------------ Demandes

    private Parent requestsPage() {
        Label title = new Label(I18n.get("reenrolments.title"));
        title.getStyleClass().add("h1");

        ComboBox<StateFilter> filter = new ComboBox<>();
        filter.setId("reenrolmentsFilter");
        filter.getItems().setAll(StateFilter.values());
        filter.setConverter(Forms.displayConverter(StateFilter::text));
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label filterLabel = Forms.label("reenrolments.filter", filter);
        Label count = new Label();
        count.setId("reenrolmentsCount");
        count.getStyleClass().add("validations-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(model.countProperty());
        Button refresh = button("reenrolmentsRefresh", "reenrolments.refresh", model::reload);
        refresh.setTooltip(new Tooltip(I18n.get("reenrolments.refresh.tooltip")));
        ProgressIndicator busy = Forms.busyIndicator("reenrolmentsBusy", "reenrolments.busy",
                model.loadingProperty().or(model.decidingProperty()));
        HBox filterRow = new HBox(filterLabel, filter, count, refresh, busy);
        filterRow.getStyleClass().add("filter-row");
        filterRow.setAlignment(Pos.CENTER_LEFT);

        table.getColumns().setAll(
                Tables.text("reenrolments.column.family", ReenrolmentsViewModel::familyText),
                Tables.text("reenrolments.column.student", ReenrolmentSummary::studentName),
                Tables.formatted("reenrolments.column.date", ReenrolmentSummary::submittedAt, model::dateTime),
                Tables.formatted("reenrolments.column.state", ReenrolmentSummary::state, ReenrolmentsViewModel::stateText));
        table.setItems(model.requests());
        table.setAccessibleText(I18n.get("reenrolments.list").replace("_", ""));
        Tables.placeholderWhileLoading(table, model.loadingProperty(), model.errorProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!selecting) {
                model.select(item);
            }
        });
        model.selectedProperty().addListener((obs, old, item) -> reselect(item));
        model.requests().addListener((ListChangeListener<ReenrolmentSummary>) c -> reselect(model.selectedProperty().get()));
        Label listLabel = Forms.label("reenrolments.list", table);
        VBox list = new VBox(listLabel, table);
        list.getStyleClass().add("reenrolments-list");
        VBox.setVgrow(table, Priority.ALWAYS);

        SplitPane split = new SplitPane(list, detailPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label error = Forms.announce(Forms.error("reenrolmentError", model.errorProperty()), true);
        Label status = Forms.announce(Forms.message("reenrolmentStatus", model.statusProperty(), "notice-text"), true);

        VBox page = new VBox(title, filterRow, status, error, split);
        page.getStyleClass().addAll("page", "reenrolments-page");
        return page;
    }

    private Parent detailPane() {
        Label heading = Forms.heading("reenrolments.detail.title");
        Label none = Forms.wrapped(I18n.get("reenrolments.detail.none"), "muted");
        none.setId("reenrolmentNone");
        none.visibleProperty().bind(model.detailProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());

        documentsTable.getColumns().setAll(
                Tables.text("reenrolments.documents.type", StoredDocument::typeName),
                Tables.text("reenrolments.documents.file", StoredDocument::fileName),
                Tables.formatted("reenrolments.documents.size", StoredDocument::sizeBytes, Formats::size),
                Tables.text("reenrolments.documents.format", d -> DocumentTexts.format(d.contentType())));
        documentsTable.setItems(model.documents());
        documentsTable.setMinHeight(Region.USE_PREF_SIZE);
        // as high as its rows (a request has a few documents): the rest of the detail stays in sight
        double em = org.tutti.client.ui.common.ThemeManager.get().emInPixels();
        Runnable fitRows = () -> documentsTable.setPrefHeight((Math.max(1, model.documents().size()) * 2.9 + 2.4) * em);
        model.documents().addListener((ListChangeListener<StoredDocument>) c -> fitRows.run());
        fitRows.run();
        RowOpening.install(documentsTable, this::openDocument);
        Label documentsHint = Forms.wrapped(I18n.get("reenrolments.documents.hint"), "hint");

        GridPane form = Forms.grid("detail-form");
        int row = 0;
        row = Forms.valueRow(form, row, "reenrolments.detail.family", "reenrolmentFamily", model.detailFamilyProperty());
        row = Forms.valueRow(form, row, "reenrolments.detail.student", "reenrolmentStudent", model.detailStudentProperty());
        row = Forms.valueRow(form, row, "reenrolments.detail.date", "reenrolmentDate", model.detailDateProperty());
        row = Forms.valueRow(form, row, "reenrolments.detail.state", "reenrolmentState", model.detailStateProperty());
        // what was sent: the documents first (across the whole width), then the choices and the comments
        Label documentsLabel = Forms.label("reenrolments.documents", documentsTable);
        VBox documentsPart = new VBox(documentsLabel, documentsTable, documentsHint);
        documentsPart.getStyleClass().add("reenrolment-documents");
        form.add(documentsPart, 0, row++, 2, 1);
        int decisionRow = row;
        row = Forms.longValueRow(form, row, "reenrolments.detail.decisionComment", "reenrolmentDecisionComment",
                model.detailDecisionCommentProperty());
        row = Forms.longValueRow(form, row, "reenrolments.detail.choices", "reenrolmentChoices",
                model.detailChoicesProperty());
        Forms.longValueRow(form, row, "reenrolments.detail.comment", "reenrolmentFamilyComment",
                model.detailCommentProperty());
        // the front desk's comment only once there is one
        for (javafx.scene.Node n : List.copyOf(form.getChildren())) {
            Integer at = GridPane.getRowIndex(n);
            if (at != null && at == decisionRow) {
                n.visibleProperty().bind(model.detailDecisionCommentProperty().isNotEmpty());
                n.managedProperty().bind(n.visibleProperty());
            }
        }
        for (String id : new String[] {"#reenrolmentDecisionComment", "#reenrolmentChoices", "#reenrolmentFamilyComment"}) {
            TextArea area = (TextArea) form.lookup(id);
            GridPane.setVgrow(area, Priority.NEVER);
            fitLines(area);
        }

        TextArea comment = new TextArea();
        comment.setId("reenrolmentComment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        Forms.limitLength(comment, ReenrolmentsViewModel.COMMENT_MAX);
        comment.textProperty().bindBidirectional(model.commentProperty());
        Button accept = button("reenrolmentAccept", "reenrolments.accept", model::accept);
        Button reject = button("reenrolmentReject", "reenrolments.reject", model::reject);
        // Tab and Shift+Tab leave the comment in the window's order (a text area would insert a tab character)
        Forms.tabLeaves(comment);
        Label commentLabel = Forms.label("reenrolments.comment", comment);
        Label commentHint = Forms.wrapped(I18n.get("reenrolments.comment.hint"), "hint");
        accept.disableProperty().bind(model.decidableProperty().not());
        reject.disableProperty().bind(accept.disableProperty());
        HBox buttons = Forms.buttonRow(accept, reject);

        // what was sent scrolls; the decision stays in sight below it
        VBox content = new VBox(heading, none, form);
        content.getStyleClass().add("reenrolment-detail");
        form.visibleProperty().bind(model.detailProperty().isNotNull());
        form.managedProperty().bind(form.visibleProperty());
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("page-scroll");
        VBox.setVgrow(scroller, Priority.ALWAYS);

        VBox decision = new VBox(commentLabel, comment, commentHint, buttons);
        decision.getStyleClass().add("reenrolment-decision");
        decision.visibleProperty().bind(form.visibleProperty());
        decision.managedProperty().bind(form.visibleProperty());

        // after a decision the buttons are disabled while the list reloads: the focus goes back to the list
        accept.disabledProperty().addListener((obs, was, disabled) -> {
            if (disabled && root.getScene() != null
                    && (root.getScene().getFocusOwner() == accept || root.getScene().getFocusOwner() == reject)) {
                table.requestFocus();
            }
        });
        return new VBox(scroller, decision);
    }

    /** A read-only text area as high as its text (one to four lines, about 60 characters a line). */
    private static void fitLines(TextArea area) {
        Runnable fit = () -> {
            int lines = 0;
            for (String line : area.getText().split("\n", -1)) {
                lines += Math.max(1, (line.length() + 59) / 60);
            }
            area.setPrefRowCount(Math.max(1, Math.min(4, lines)));
        };
        area.textProperty().addListener((obs, old, text) -> fit.run());
        fit.run();
    }

    private void reselect(ReenrolmentSummary item) {
        if (table.getSelectionModel().getSelectedItem() == item) {
            return;
        }
        selecting = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(item);
                table.scrollTo(item);
            }
        } finally {
            selecting = false;
        }
    }

    private void openDocument(StoredDocument document) {
        String title = I18n.get("reenrolments.viewer.title", document.typeName(), document.fileName());
        DocumentViewer.open(viewers, "document" + document.id(), owner(), title, document.contentType(),
                model.content(document), document.fileName(), tasks, () -> RowOpening.focusRow(documentsTable, document));
    }

    // ------------------------------------------------------------------------------ Campagne et documents

    private Parent campaignPage() {
        Label title = Forms.heading("reenrolments.campaign.title");
        Label intro = Forms.wrapped(I18n.get("reenrolments.campaign.intro"), "muted");

        ComboBox<SchoolYearOption> year = new ComboBox<>(model.years());
        year.setId("campaignYear");
        year.setConverter(Forms.displayConverter(SchoolYearOption::label));
        year.valueProperty().bindBidirectional(model.yearProperty());
        DatePicker start = DatePickers.strict(model.startProperty());
        start.setId("campaignStart");
        DatePicker end = DatePickers.strict(model.endProperty());
        end.setId("campaignEnd");
        Label state = new Label();
        state.setId("campaignState");
        state.getStyleClass().add("notice-text");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.textProperty().bind(model.campaignStateProperty());
        Label stateLabel = new Label(I18n.get("reenrolments.campaign.state"));
        stateLabel.getStyleClass().add("field-label");
        GridPane form = Forms.grid("detail-form");
        form.addRow(0, Forms.label("reenrolments.campaign.year", year), year);
        form.addRow(1, Forms.label("reenrolments.campaign.start", start), start);
        form.addRow(2, Forms.label("reenrolments.campaign.end", end), end);
        form.addRow(3, stateLabel, state);

        Button open = button("campaignOpen", "reenrolments.campaign.openButton", model::openCampaign);
        Button close = button("campaignClose", "reenrolments.campaign.closeButton", this::confirmClose);
        open.disableProperty().bind(model.savingCampaignProperty());
        close.disableProperty().bind(model.savingCampaignProperty().or(Bindings.createBooleanBinding(
                () -> model.campaignProperty().get() == null || !"OPEN".equals(model.campaignProperty().get().status()),
                model.campaignProperty())));
        ProgressIndicator saving = Forms.busyIndicator("campaignBusy", "reenrolments.busy",
                model.savingCampaignProperty());
        HBox campaignButtons = Forms.buttonRow(open, close, saving);
        Label message = Forms.announce(Forms.message("campaignMessage", model.campaignMessageProperty(), "notice-text"), true);
        Label error = Forms.announce(Forms.error("campaignError", model.campaignErrorProperty()), true);

        Label typesTitle = Forms.heading("reenrolments.types.title");
        typesTable.getColumns().setAll(
                Tables.text("reenrolments.types.name", DocumentType::name),
                Tables.formatted("reenrolments.types.required", DocumentType::required, ReenrolmentsViewModel::yesNo),
                Tables.formatted("reenrolments.types.uses", DocumentType::uses, ReenrolmentsViewModel::usesText));
        typesTable.setItems(model.types());
        typesTable.setPrefHeight(9 * org.tutti.client.ui.common.ThemeManager.get().emInPixels());
        typesTable.setMinHeight(Region.USE_PREF_SIZE);
        boolean[] selectingType = {false};
        typesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, type) -> {
            if (!selectingType[0]) {
                model.selectType(type);
            }
        });
        CheckBox required = new CheckBox(I18n.get("reenrolments.types.requiredToggle"));
        required.setId("documentTypeRequired");
        required.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        required.setMnemonicParsing(true);
        model.selectedTypeProperty().addListener((obs, old, type) -> {
            selectingType[0] = true;
            if (typesTable.getSelectionModel().getSelectedItem() != type) {
                if (type == null) {
                    typesTable.getSelectionModel().clearSelection();
                } else {
                    typesTable.getSelectionModel().select(type);
                }
            }
            selectingType[0] = false;
            required.setSelected(type != null && type.required());
        });
        required.setOnAction(e -> model.setRequired(required.isSelected()));
        // a change refused (or not made) leaves the box as the type is, not as it was clicked
        model.savingTypeProperty().addListener((obs, was, busy) -> {
            DocumentType type = model.selectedTypeProperty().get();
            if (!busy) {
                required.setSelected(type != null && type.required());
            }
        });
        Label typesListLabel = Forms.label("reenrolments.types.list", typesTable);

        Button add = button("documentTypeAdd", "reenrolments.types.add", this::askAdd);
        Button rename = button("documentTypeRename", "reenrolments.types.rename", this::askRename);
        Button remove = button("documentTypeRemove", "reenrolments.types.remove", this::confirmRemove);
        add.disableProperty().bind(model.campaignProperty().isNull().or(model.savingTypeProperty()));
        var unusedSelected = Bindings.createBooleanBinding(() -> model.selectedTypeProperty().get() != null
                && model.selectedTypeProperty().get().uses() == 0, model.selectedTypeProperty());
        rename.disableProperty().bind(unusedSelected.not().or(model.savingTypeProperty()));
        remove.disableProperty().bind(rename.disableProperty());
        required.disableProperty().bind(model.selectedTypeProperty().isNull().or(model.savingTypeProperty()));
        HBox typeButtons = Forms.buttonRow(add, rename, remove, required);
        Label reason = Forms.message("documentTypeReason", model.typeReasonProperty(), "hint");
        Label noCampaign = Forms.wrapped(I18n.get("reenrolments.types.error.noCampaign"), "hint");
        noCampaign.setId("documentTypesNoCampaign");
        noCampaign.visibleProperty().bind(model.campaignProperty().isNull());
        noCampaign.managedProperty().bind(noCampaign.visibleProperty());
        Label typesMessage = Forms.announce(Forms.message("documentTypesMessage", model.typesMessageProperty(), "notice-text"), true);
        Label typesError = Forms.announce(Forms.error("documentTypesError", model.typesErrorProperty()), true);

        VBox page = new VBox(title, intro, form, campaignButtons, message, error, typesTitle, noCampaign, typesListLabel,
                typesTable, typeButtons, reason, typesMessage, typesError);
        page.getStyleClass().addAll("page", "campaign-page");
        ScrollPane scroller = new ScrollPane(page);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("page-scroll");
        return scroller;
    }

    private void confirmClose() {
        if (Dialogs.confirm(owner(), I18n.get("reenrolments.campaign.closeQuestion"),
                I18n.get("reenrolments.campaign.closeConfirm"))) {
            model.closeCampaign();
        }
    }

    private void askAdd() {
        TextField name = nameField("");
        CheckBox required = new CheckBox(I18n.get("reenrolments.types.requiredToggle"));
        required.setId("documentTypeDialogRequired");
        required.setMnemonicParsing(true);
        if (ask("reenrolments.types.addTitle", "reenrolments.types.addConfirm", name, required)) {
            model.addType(name.getText(), required.isSelected());
        }
    }

    private void askRename() {
        DocumentType type = model.selectedTypeProperty().get();
        if (type == null) {
            return;
        }
        TextField name = nameField(type.name());
        if (ask("reenrolments.types.renameTitle", "reenrolments.types.renameConfirm", name, null)) {
            model.renameType(name.getText());
        }
    }

    private void confirmRemove() {
        DocumentType type = model.selectedTypeProperty().get();
        if (type != null && Dialogs.confirm(owner(), I18n.get("reenrolments.types.removeQuestion", type.name()),
                I18n.get("reenrolments.types.removeConfirm"))) {
            model.removeType();
        }
    }

    private static TextField nameField(String text) {
        TextField name = new TextField(text);
        name.setId("documentTypeName");
        name.setPrefColumnCount(28);
        Forms.limitLength(name, ReenrolmentsViewModel.NAME_MAX);
        return name;
    }

    /** Asks for a document type's name (and whether it is required); true when confirmed with a name. */
    private boolean ask(String titleKey, String confirmKey, TextField name, CheckBox required) {
        GridPane form = Forms.grid("detail-form");
        form.addRow(0, Forms.label("reenrolments.types.nameLabel", name), name);
        if (required != null) {
            form.add(required, 1, 1);
        }
        Dialog<ButtonType> dialog = Dialogs.form(owner(), "documentType", I18n.get(titleKey), form,
                I18n.get(confirmKey));
        ButtonType confirm = dialog.getDialogPane().getButtonTypes().get(0);
        dialog.getDialogPane().lookupButton(confirm).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> name.getText().isBlank(), name.textProperty()));
        dialog.setOnShown(e -> name.requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get().getButtonData() == ButtonBar.ButtonData.OK_DONE;
    }

    // ------------------------------------------------------------------------------ helpers

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button(I18n.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setAccessibleText(I18n.get(key).replace("_", ""));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** Puts the focus on the list of requests (the module calls it when the screen is shown). */
    public void focus() {
        root.getSelectionModel().select(0);
        Forms.focusWhenShown(table);
    }

    /** Closes the document viewers (the screen is left). */
    public void closeWindows() {
        viewers.closeAll();
    }
}
