package org.tutti.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.French;
import org.tutti.client.ui.audit.AccessibilityAudit;
import org.tutti.client.ui.audit.AccessibilityAudit.Level;

/**
 * The two themes on a specimen of every kind of control and text the screens use (the header
 * band with the skip link and the display controls, the menu with its current entry, a card with
 * a form, a table with a selected row, tabs, links, errors, warnings, a field waiting for
 * validation), read by the accessibility audit: the normal theme meets AA, the light and the dark
 * high-contrast variants text 7:1, every control's edge and its focus ring 3:1, the ring 2px or
 * more and never clipped.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ThemesTest {

    private Scene scene;

    @Start
    void start(Stage stage) {
        French.use();
        scene = new Scene(specimen(), 1200, 860);
        ThemeManager.get().apply(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void normalTheme(FxRobot robot) {
        robot.interact(() -> {
            ThemeManager.get().accessibleProperty().set(false);
            ThemeManager.get().contrastProperty().set(ThemeManager.Contrast.LIGHT);
            ThemeManager.get().textSizeProperty().set(100);
        });
    }

    @Test
    void theNormalThemeMeetsAa(FxRobot robot) {
        assertThat(colourFindings(robot, false, ThemeManager.Contrast.LIGHT, Level.AA)).isEmpty();
    }

    @Test
    void theLightHighContrastVariantMeetsTheModesRatios(FxRobot robot) {
        assertThat(colourFindings(robot, true, ThemeManager.Contrast.LIGHT, Level.AAA_HIGH_CONTRAST)).isEmpty();
    }

    @Test
    void theDarkHighContrastVariantMeetsTheModesRatios(FxRobot robot) {
        assertThat(colourFindings(robot, true, ThemeManager.Contrast.DARK, Level.AAA_HIGH_CONTRAST)).isEmpty();
    }

    /** WCAG 1.4.1: in the mode, a selected row, a disabled button and an error are told apart without colour. */
    @Test
    void selectionDisabledButtonsAndErrorsAreToldWithoutColourInTheMode(FxRobot robot) {
        for (ThemeManager.Contrast contrast : ThemeManager.Contrast.values()) {
            robot.interact(() -> {
                ThemeManager.get().accessibleProperty().set(true);
                ThemeManager.get().contrastProperty().set(contrast);
                robot.lookup("#specimenCancel").query().setDisable(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<javafx.scene.control.TableCell<?, ?>> cells = new ArrayList<>();
            robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                    .filter(c -> !c.isEmpty()).forEach(cells::add);
            javafx.scene.control.TableCell<?, ?> selected = cells.stream()
                    .filter(c -> c.getTableRow().isSelected()).findFirst().orElseThrow();
            javafx.scene.control.TableCell<?, ?> other = cells.stream()
                    .filter(c -> !c.getTableRow().isSelected()).findFirst().orElseThrow();
            assertThat(selected.getFont().getStyle()).as(contrast + ": selected row").containsIgnoringCase("bold");
            assertThat(other.getFont().getStyle()).as(contrast + ": other row").doesNotContainIgnoringCase("bold");

            Button cancel = robot.lookup("#specimenCancel").queryButton();
            assertThat(cancel.getBorder()).as(contrast + ": disabled button's border").isNotNull();
            assertThat(cancel.getBorder().getStrokes().get(0).getTopStyle().getDashArray())
                    .as(contrast + ": disabled button's border is dashed").isNotEmpty();
            assertThat(cancel.getOpacity()).as(contrast + ": disabled button not faded").isEqualTo(1.0);

            Label error = robot.lookup(".error-text").queryAs(Label.class);
            assertThat(error.getFont().getStyle()).as(contrast + ": error").containsIgnoringCase("bold");
            assertThat(error.getBorder().getStrokes().get(0).getWidths().getLeft()).as(contrast + ": error bar")
                    .isGreaterThanOrEqualTo(3);
        }
    }

    /** The audit's contrast, boundary and focus findings (names and mnemonics are not the themes' business). */
    private List<String> colourFindings(FxRobot robot, boolean accessible, ThemeManager.Contrast contrast, Level level) {
        robot.interact(() -> {
            ThemeManager.get().accessibleProperty().set(accessible);
            ThemeManager.get().contrastProperty().set(contrast);
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> findings = new AtomicReference<>();
        robot.interact(() -> findings.set(AccessibilityAudit.check(scene, level)));
        List<String> colours = new ArrayList<>();
        for (String finding : findings.get()) {
            String rule = finding.substring(finding.indexOf(": ") + 2);
            if (rule.startsWith("contrast") || rule.startsWith("boundary") || rule.startsWith("no visible boundary")
                    || rule.startsWith("focus")) {
                colours.add(finding);
            }
        }
        return colours;
    }

    private static VBox specimen() {
        Hyperlink skip = new Hyperlink("Aller au contenu");
        skip.getStyleClass().add("skip-link");
        Label site = new Label("Conservatoire de Bellerive");
        site.getStyleClass().add("app-title");
        VBox header = new VBox(skip, site, DisplayControls.sizeAndContrast());
        header.getStyleClass().add("app-header");

        Button home = new Button("Accueil");
        home.getStyleClass().add("nav-button");
        home.pseudoClassStateChanged(PseudoClass.getPseudoClass("selected"), true);
        Button billing = new Button("Facturation");
        billing.getStyleClass().add("nav-button");
        FlowPane nav = new FlowPane(home, billing, DisplayControls.modeToggle());
        nav.getStyleClass().add("nav-bar");

        Label heading = new Label("Fiche du responsable");
        heading.setId("specimenHeading");
        heading.getStyleClass().add("h2");
        Label muted = new Label("Corrigez ce qui a changé puis cliquez sur Modifier.");
        muted.getStyleClass().add("muted");
        Label hint = new Label("Double-cliquez sur une ligne pour l’ouvrir.");
        hint.getStyleClass().add("hint");
        Label error = new Label("Le code postal a cinq chiffres.");
        error.getStyleClass().add("error-text");
        Label warning = new Label("Connexion non vérifiée.");
        warning.getStyleClass().add("warning-text");
        TextField name = new TextField("Ferrari");
        TextField phone = new TextField();
        phone.setPromptText("ex. 04 78 23 45 10");
        TextField pending = new TextField("32 rue du Stade");
        pending.getStyleClass().add("pending");
        Label pendingMarker = new Label("En attente de validation");
        pendingMarker.getStyleClass().add("pending-marker");
        PasswordField password = new PasswordField();
        ComboBox<String> civility = new ComboBox<>();
        civility.getItems().setAll("Mme", "M.");
        civility.setValue("Mme");
        DatePicker due = new DatePicker(LocalDate.of(2027, 1, 5));
        CheckBox course = new CheckBox("Piano — 2C1");
        CheckBox unticked = new CheckBox("Formation musicale");
        course.setSelected(true);
        Button save = new Button("Modifier");
        save.getStyleClass().add("accent");
        Button cancel = new Button("Annuler");
        cancel.setId("specimenCancel");
        Hyperlink lost = new Hyperlink("Mot de passe perdu");
        lost.getStyleClass().add("lost-password-link");
        TextArea comment = new TextArea("Un commentaire");
        comment.setPrefRowCount(2);
        comment.setPrefColumnCount(16);
        FlowPane form = new FlowPane(name, phone, pending, pendingMarker, password, civility, due, course, unticked,
                save, cancel, lost, comment);
        form.setHgap(12);
        form.setVgap(12);
        VBox card = new VBox(heading, muted, hint, error, warning, form);
        card.getStyleClass().add("card");

        TableView<String> table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>("Discipline");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
        column.setPrefWidth(260);
        table.getColumns().add(column);
        table.getItems().setAll("Piano", "Formation musicale", "Atelier musiques actuelles");
        table.getSelectionModel().select(1);
        table.setPrefHeight(150);
        VBox courses = new VBox(table);
        courses.getStyleClass().add("tab-content");
        courses.setPadding(new javafx.geometry.Insets(8));
        TabPane tabs = new TabPane(new Tab("Cours", courses), new Tab("Historique", new Label("Aucun historique.")));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(220);
        tabs.setMinWidth(300);
        tabs.setMaxHeight(260);

        javafx.scene.layout.HBox page = new javafx.scene.layout.HBox(24, card, tabs);
        javafx.scene.layout.HBox.setHgrow(card, javafx.scene.layout.Priority.ALWAYS);
        page.getStyleClass().add("page");
        VBox root = new VBox(header, nav, page);
        root.getStyleClass().add("main-root");
        return root;
    }
}
