package org.tutti.client.ui.students;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tutti.client.domain.DocumentType;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.Formats;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.NavigationEvent;
import org.tutti.client.ui.common.Tables;
import org.tutti.client.ui.students.ReenrolmentViewModel.CourseChoice;
import org.tutti.client.ui.students.ReenrolmentViewModel.DocumentLine;

/**
 * Élèves › Réinscription (seed manual, onglet Réinscription): the campaign, "Réinscription
 * administrative" or the courses (one or the other), Importer with the documents asked for, the
 * documents imported (Retirer, or Suppr), "Demandes complémentaires", Valider and Retour, and
 * under the text box "Réinscription en attente de validation" while the front desk has not
 * decided. A sent request is shown read-only with its state.
 */
final class ReenrolmentTab {

    private final ReenrolmentViewModel model;
    private final Tab tab;
    private final VBox choices = new VBox();
    private final VBox asked = new VBox();
    private final TableView<DocumentLine> documents = Tables.table("reenrolDocuments", "reenrolment.documents.empty");
    private final Label coursesLabel;
    private final Region content;

    ReenrolmentTab(ReenrolmentViewModel model) {
        this.model = model;
        Label campaign = Forms.message("reenrolCampaign", Bindings.createStringBinding(model::campaignLine,
                model.campaignProperty()), "campaign-line");
        Label loadError = Forms.announce(Forms.error("reenrolLoadError", model.loadErrorProperty()), true);
        Button retry = Forms.button(Actions.REENROL_RETRY, model::retry);
        retry.visibleProperty().bind(loadError.visibleProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        Node loading = Forms.busyIndicator("reenrolLoading", "reenrolment.loading", model.loadingProperty());
        Label intro = Forms.wrapped(I18n.get("reenrolment.intro"), "hint");

        CheckBox administrative = new CheckBox(I18n.get("reenrolment.administrative"));
        administrative.setId("reenrolAdministrative");
        administrative.setMnemonicParsing(true);
        administrative.selectedProperty().bindBidirectional(model.administrativeProperty());
        administrative.disableProperty().bind(model.readOnlyProperty());

        choices.setId("reenrolChoices");
        choices.getStyleClass().add("reenrol-choices");
        coursesLabel = Forms.label("reenrolment.courses", null);
        model.courses().addListener((ListChangeListener<CourseChoice>) change -> showCourses());
        Label noCourse = Forms.wrapped(I18n.get("reenrolment.courses.empty"), "muted");
        noCourse.visibleProperty().bind(Bindings.isEmpty(model.courses()).and(model.formProperty().isNotNull()));
        noCourse.managedProperty().bind(noCourse.visibleProperty());

        Label askedHeading = Forms.wrapped(I18n.get("reenrolment.documentTypes"), "field-label");
        asked.setId("reenrolDocumentTypes");
        model.documentTypes().addListener((ListChangeListener<DocumentType>) change -> showAsked());
        Label limits = Forms.message("reenrolLimits", Bindings.createStringBinding(
                () -> I18n.get("reenrolment.limits", Formats.size(model.maxDocumentBytes())), model.campaignProperty()),
                "muted");

        Button importButton = Forms.button(Actions.REENROL_IMPORT, this::openImport);
        importButton.disableProperty().bind(model.importAllowedProperty().not());
        importButton.accessibleHelpProperty().bind(model.importReasonProperty());
        Label importReason = Forms.message("reenrolImportReason", model.importReasonProperty(), "muted");
        HBox importRow = Forms.buttonRow(importButton, importReason);

        documents.setItems(model.documents());
        documents.getColumns().addAll(List.of(
                Tables.text("reenrolment.column.type", DocumentLine::typeName),
                Tables.text("reenrolment.column.file", DocumentLine::fileName),
                Tables.<DocumentLine, Long>formatted("reenrolment.column.size", DocumentLine::size, Formats::size),
                Tables.text("reenrolment.column.format", DocumentLine::format)));
        documents.setMinHeight(Region.USE_PREF_SIZE);
        Label documentsLabel = Forms.label("reenrolment.documents", documents);
        Button remove = Forms.button(Actions.REENROL_REMOVE, this::removeSelected);
        // only a document imported here, not one of a request already sent
        remove.disableProperty().bind(model.readOnlyProperty()
                .or(Bindings.createBooleanBinding(() -> {
                    DocumentLine line = documents.getSelectionModel().getSelectedItem();
                    return line == null || line.draft() == null;
                }, documents.getSelectionModel().selectedItemProperty())));
        documents.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.REENROL_REMOVE.keyCombination().match(e) && !remove.isDisabled()) {
                e.consume();
                removeSelected();
            }
        });
        HBox removeRow = Forms.buttonRow(remove);

        TextArea comment = new TextArea();
        Forms.tabLeaves(comment);
        comment.setId("reenrolComment");
        comment.setWrapText(true);
        comment.setPrefRowCount(4);
        Forms.limitLength(comment, ReenrolmentViewModel.MAX_COMMENT_LENGTH);
        comment.textProperty().bindBidirectional(model.commentProperty());
        comment.editableProperty().bind(model.readOnlyProperty().not());
        Label commentLabel = Forms.label("reenrolment.comment", comment);
        HBox pending = Forms.pendingMessageRow("reenrolPendingMessage", "reenrolment.pendingMessage",
                model.pendingProperty());

        Label state = Forms.message("reenrolState", Bindings.createStringBinding(model::stateLine, model.sentProperty()),
                "notice-text");
        Label decision = Forms.message("reenrolDecisionComment",
                Bindings.createStringBinding(model::decisionComment, model.sentProperty()));
        Label error = Forms.announce(Forms.error("reenrolError", model.errorProperty()), true);

        Button submit = Forms.button(Actions.REENROL_SUBMIT, model::submit);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(model.readOnlyProperty());
        Node sending = Forms.busyIndicator("reenrolSending", "reenrolment.sending", model.sendingProperty());
        // Retour: back to the family (Famille), as its navigation button would (asking first if edits would be lost)
        Button back = Forms.button(Actions.REENROL_BACK, () -> choices.fireEvent(new NavigationEvent(Actions.NAV_FAMILY)));
        back.disableProperty().bind(model.sendingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = Forms.buttonRow(submit, sending, spacer, back);

        VBox content = new VBox(
                section(campaign, state, decision, loadError, retry, loading),
                section(intro, administrative, coursesLabel, choices, noCourse),
                section(askedHeading, asked, limits, importRow),
                section(documentsLabel, documents, removeRow),
                section(commentLabel, comment, pending),
                error, buttons);
        content.getStyleClass().addAll("tab-content", "reenrolment-tab");
        content.setId("reenrolRoot");
        content.setFillWidth(true);
        content.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.REENROL_SUBMIT.keyCombination().match(e) && !submit.isDisabled()) {
                e.consume();
                model.submit();
            } else if (Actions.REENROL_IMPORT.keyCombination().match(e) && !importButton.isDisabled()) {
                e.consume();
                openImport();
            } else if (Actions.REENROL_BACK.keyCombination().match(e) && !back.isDisabled()) {
                e.consume();
                back.fire();
            }
        });
        // the confirmation needs the window; Élèves left meanwhile, the state line says it on return
        model.setOnSubmitted(message -> {
            if (content.getScene() != null && content.getScene().getWindow() != null) {
                Dialogs.showMessage(content.getScene().getWindow(), message);
            }
        });
        // the page scrolls (Élèves is in a scroll pane): no second scroll bar inside the tab
        content.setMinHeight(Region.USE_PREF_SIZE);
        this.content = content;
        TabContent holder = new TabContent(content);
        tab = Forms.tab("tabReenrolment", "students.tab.reenrolment", holder);
        holder.tab = tab;
        tab.selectedProperty().addListener((obs, was, selected) -> holder.requestLayout());
        showCourses();
        showAsked();
    }

    /** A group of the tab's lines, kept together (the groups are spaced apart); an empty group takes no room. */
    private static VBox section(Node... nodes) {
        VBox section = new VBox(nodes);
        section.getStyleClass().add("reenrolment-section");
        section.setFillWidth(true);
        section.setMinHeight(Region.USE_PREF_SIZE);
        return section;
    }

    /** The tab's content, whose height the student tabs follow while it is selected. */
    Region content() {
        return content;
    }

    /**
     * Holds the tab's content and asks for its height only while the tab is selected: a tab
     * pane is as tall as its tallest tab, and this one, the tallest, would push the arrows under
     * Historique out of the window.
     */
    private static final class TabContent extends javafx.scene.layout.StackPane {
        private Tab tab;

        TabContent(Region content) {
            super(content);
            setAlignment(Pos.TOP_LEFT);
        }

        @Override
        protected double computePrefHeight(double width) {
            return tab == null || tab.isSelected() ? super.computePrefHeight(width) : 0;
        }

        @Override
        protected double computeMinHeight(double width) {
            return tab == null || tab.isSelected() ? super.computeMinHeight(width) : 0;
        }
    }

    Tab tab() {
        return tab;
    }

    private void showCourses() {
        choices.getChildren().clear();
        for (CourseChoice choice : model.courses()) {
            CheckBox box = new CheckBox(choice.label());
            box.setMnemonicParsing(false);
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
            // named by the course: no Alt+letter (there are many, and they change); reached by Tab
            box.getStyleClass().addAll("reenrol-course", "data-named");
            box.selectedProperty().bindBidirectional(choice.chosenProperty());
            box.disableProperty().bind(model.readOnlyProperty());
            choices.getChildren().add(box);
        }
        coursesLabel.setLabelFor(choices.getChildren().isEmpty() ? null : choices.getChildren().get(0));
    }

    private void showAsked() {
        asked.getChildren().clear();
        for (DocumentType type : model.documentTypes()) {
            Label line = Forms.wrapped("• " + ReenrolmentViewModel.documentTypeText(type), "document-type");
            asked.getChildren().add(line);
        }
        if (model.documentTypes().isEmpty()) {
            asked.getChildren().add(Forms.wrapped(I18n.get("reenrolment.documentTypes.none"), "muted"));
        }
    }

    private void removeSelected() {
        model.remove(documents.getSelectionModel().getSelectedItem());
        documents.requestFocus();
    }

    private void openImport() {
        if (!model.importAllowedProperty().get()) {
            return;
        }
        new ImportDialog(model.newImport(), tab.getContent().getScene().getWindow()).show();
    }
}
