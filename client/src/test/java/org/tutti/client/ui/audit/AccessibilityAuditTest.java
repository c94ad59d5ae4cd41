package org.tutti.client.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tutti.client.ui.audit.AccessibilityAudit.Level;

/**
 * Each rule of the audit on small scenes: it reports the faulty variant, with the figures a
 * reader needs, and is silent on the fixed one.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AccessibilityAuditTest {

    /** Plain surroundings: white, and a focus ring of 3 px at 7:1, so only the node under test can fail. */
    private static final String NEUTRAL = """
            .root { -fx-background-color: white; }
            .button, .text-field { -fx-background-color: #595959, white; -fx-background-insets: 0, 1; }
            .button:focused, .text-field:focused {
                -fx-background-color: #0b5cad, white; -fx-background-insets: -3, 0;
            }
            """;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setTitle("Essai");
        stage.setScene(new Scene(new Label("…"), 200, 100));
        stage.show();
    }

    // ---------------------------------------------------------------- helpers

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /** Shows {@code root} (white, plus the given CSS) in the test's window and returns its scene. */
    private Scene show(Parent root, String css) throws Exception {
        return fx(() -> {
            Scene scene = new Scene(root, 420, 260);
            scene.getStylesheets().add(dataUrl(NEUTRAL + css));
            stage.setScene(scene);
            stage.sizeToScene();
            stage.requestFocus();
            root.applyCss();
            root.layout();
            return scene;
        });
    }

    private static String dataUrl(String css) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> audit(Parent root, String css, Level level) throws Exception {
        Scene scene = show(root, css);
        return fx(() -> AccessibilityAudit.check(scene, level));
    }

    private List<String> audit(Parent root, Level level) throws Exception {
        return audit(root, "", level);
    }

    private static Label label(String text, String colour) {
        Label label = new Label(text);
        label.setStyle("-fx-text-fill: " + colour + ";");
        return label;
    }

    // ---------------------------------------------------------------- a well-made form

    /** Borders of 7:1 and a 3 px ring of 6.6:1 on every kind of control of the form below. */
    private static final String WELL_MADE = """
            .root { -fx-accent: #1f4e8c; }
            .button, .text-field, .password-field, .combo-box-base, .table-view, .list-view,
            .check-box > .box, .radio-button > .radio {
                -fx-background-color: #595959, white; -fx-background-insets: 0, 1;
            }
            .button:focused, .text-field:focused, .password-field:focused, .combo-box-base:focused,
            .table-view:focused, .list-view:focused, .check-box:focused > .box, .radio-button:focused > .radio {
                -fx-background-color: #0b5cad, #595959, white; -fx-background-insets: -3, 0, 1;
            }
            .tab-pane:focused > .tab-header-area > .headers-region > .tab:selected .focus-indicator {
                -fx-border-color: #0b5cad; -fx-border-width: 2; -fx-border-insets: -3;
            }
            """;

    @Test
    void aWellMadeFormOfEveryKindOfControlHasNoFinding() throws Exception {
        Parent form = fx(() -> {
            javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
            grid.setHgap(8);
            grid.setVgap(8);
            grid.setPadding(new javafx.geometry.Insets(8));
            TextField name = new TextField("Ferrari");
            javafx.scene.control.PasswordField secret = new javafx.scene.control.PasswordField();
            javafx.scene.control.ComboBox<String> site = new javafx.scene.control.ComboBox<>(
                    javafx.collections.FXCollections.observableArrayList("Bellerive", "Montfleury"));
            site.getSelectionModel().select(0);
            DatePicker birth = new DatePicker(java.time.LocalDate.of(2015, 1, 16));
            String[] texts = {"_Nom", "Mot de _passe", "_Site", "_Date de naissance"};
            javafx.scene.control.Control[] fields = {name, secret, site, birth};
            for (int i = 0; i < fields.length; i++) {
                Label label = new Label(texts[i]);
                label.setMnemonicParsing(true);
                label.setLabelFor(fields[i]);
                grid.addRow(i, label, fields[i]);
            }
            CheckBox stay = new CheckBox("_Rester connecté");
            javafx.scene.control.RadioButton yes = new javafx.scene.control.RadioButton("_Oui");
            Button save = new Button("_Valider");
            grid.addRow(4, stay, yes, save);
            TableView<String> table = new TableView<>(javafx.collections.FXCollections.observableArrayList("Piano", "Violon"));
            table.setAccessibleText("Cours");
            TableColumn<String, String> course = new TableColumn<>("Discipline");
            course.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue()));
            table.getColumns().add(course);
            table.setPrefHeight(120);
            javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(
                    javafx.collections.FXCollections.observableArrayList("Julie", "Robin"));
            list.setAccessibleText("Élèves");
            list.setPrefHeight(80);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                    new javafx.scene.control.Tab("Cours", table), new javafx.scene.control.Tab("Élèves", list));
            tabs.setAccessibleText("Onglets");
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            grid.add(tabs, 0, 5, 3, 1);
            return grid;
        });
        Scene scene = show(form, WELL_MADE);
        assertThat(fx(() -> AccessibilityAudit.check(scene, Level.AA))).isEmpty();
        assertThat(fx(() -> AccessibilityAudit.keyboardReach(scene))).isEmpty();
    }

    @Test
    void everyShowingWindowIsAuditedUnderItsTitle() throws Exception {
        show(new VBox(label("Identifiant", "#777777")), "");
        Stage second = fx(() -> {
            Stage window = new Stage();
            window.initOwner(stage);
            window.setTitle("Détail");
            TextField nameless = new TextField();
            nameless.setId("nameless");
            window.setScene(new Scene(new VBox(nameless), 200, 100));
            window.show();
            return window;
        });
        try {
            assertThat(fx(() -> AccessibilityAudit.inShowingWindows(Level.AA)))
                    .contains("Essai: contrast 4.47:1 < 4.5:1 — Label 'Identifiant' (#777777 on #ffffff)")
                    .anyMatch(f -> f.startsWith("Détail: no accessible name — TextField#nameless"));
            assertThat(fx(AccessibilityAudit::keyboardReachInShowingWindows)).isEmpty();
        } finally {
            fx(() -> {
                second.hide();
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- 1. names

    @Test
    void aFieldWithoutLabelOrAccessibleTextHasNoName() throws Exception {
        TextField nameless = new TextField();
        nameless.setId("phone");
        assertThat(audit(new VBox(nameless), Level.AA))
                .contains("Essai: no accessible name — TextField#phone — no text, no accessibleText, no Label with labelFor");

        TextField labelled = new TextField();
        labelled.setId("phone");
        Label label = new Label("_Téléphone");
        label.setLabelFor(labelled);
        assertThat(audit(new VBox(label, labelled), Level.AA)).noneMatch(f -> f.contains("accessible name"));

        TextField described = new TextField();
        described.setAccessibleText("Téléphone");
        assertThat(audit(new VBox(described), Level.AA)).noneMatch(f -> f.contains("accessible name"));
    }

    @Test
    void anIconOnlyButtonNeedsAnAccessibleTextAndADatePickerIsNamedByItsLabel() throws Exception {
        Button icon = new Button();
        icon.setId("print");
        icon.setGraphic(new Rectangle(12, 12, Color.BLACK));
        DatePicker date = new DatePicker();
        date.setId("birth");
        Label dateLabel = new Label("_Né le");
        dateLabel.setLabelFor(date);
        List<String> findings = audit(new VBox(icon, dateLabel, date), Level.AA);
        assertThat(findings).filteredOn(f -> f.contains("accessible name"))
                .containsExactly("Essai: no accessible name — Button#print — no text, no accessibleText, no Label with labelFor");

        icon.setAccessibleText("Imprimer");
        assertThat(fx(() -> AccessibilityAudit.check(icon.getScene(), Level.AA))).noneMatch(f -> f.contains("accessible name"));
    }

    @Test
    void everyShownColumnOfATableHasAHeaderText() throws Exception {
        TableView<String> table = new TableView<>();
        table.setId("invoices");
        table.setAccessibleText("Factures");
        TableColumn<String, String> number = new TableColumn<>("Numéro");
        TableColumn<String, String> blank = new TableColumn<>("");
        TableColumn<String, String> hidden = new TableColumn<>("");
        hidden.setVisible(false);
        table.getColumns().addAll(List.of(number, blank, hidden));
        assertThat(audit(new VBox(table), Level.AA))
                .contains("Essai: column without a header text — TableView#invoices [Factures] — column 2 of 2");

        fx(() -> {
            blank.setText("Montant");
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(table.getScene(), Level.AA))).noneMatch(f -> f.contains("column"));
    }

    // ---------------------------------------------------------------- 2. text contrast

    @Test
    void greyTextOnWhiteIsMeasuredAgainstTheThresholdOfTheLevel() throws Exception {
        // #777777 on white is 4.48:1: under AA's 4.5:1; #767676 is 4.54:1
        assertThat(audit(new VBox(label("Identifiant", "#777777")), Level.AA))
                .contains("Essai: contrast 4.47:1 < 4.5:1 — Label 'Identifiant' (#777777 on #ffffff)");
        assertThat(audit(new VBox(label("Identifiant", "#767676")), Level.AA)).noneMatch(f -> f.contains("contrast"));
        // the high-contrast mode asks 7:1: #767676 fails, #595959 (7.0:1) passes
        assertThat(audit(new VBox(label("Identifiant", "#767676")), Level.AAA_HIGH_CONTRAST))
                .contains("Essai: contrast 4.54:1 < 7:1 — Label 'Identifiant' (#767676 on #ffffff)");
        assertThat(audit(new VBox(label("Identifiant", "#595959")), Level.AAA_HIGH_CONTRAST)).noneMatch(f -> f.contains("contrast"));
    }

    @Test
    void theBackgroundIsTheNearestPaintedOneBehindTheTextIncludingTranslucentAndSiblingLayers() throws Exception {
        // white text on a dark ancestor: fine; the same text once the ancestor paints nothing: white on white
        StackPane dark = new StackPane(label("Bienvenue", "white"));
        dark.setStyle("-fx-background-color: #1f3a5f;");
        assertThat(audit(new VBox(dark), Level.AAA_HIGH_CONTRAST)).noneMatch(f -> f.contains("contrast"));
        dark.setStyle("-fx-background-color: transparent;");
        assertThat(fx(() -> AccessibilityAudit.check(dark.getScene(), Level.AAA_HIGH_CONTRAST)))
                .contains("Essai: contrast 1:1 < 7:1 — Label 'Bienvenue' (#ffffff on #ffffff)");

        // a fill whose insets leave the text's centre outside does not count
        StackPane inset = new StackPane(label("Bienvenue", "white"));
        inset.setStyle("-fx-background-color: #1f3a5f; -fx-background-insets: 0 0 0 1000;");
        assertThat(audit(new VBox(inset), Level.AA)).contains("Essai: contrast 1:1 < 4.5:1 — Label 'Bienvenue' (#ffffff on #ffffff)");

        // half-transparent black over white is mid grey (#808080): black text on it is 5.28:1
        StackPane translucent = new StackPane(label("Bienvenue", "black"));
        translucent.setStyle("-fx-background-color: rgba(0,0,0,0.5);");
        assertThat(audit(new VBox(translucent), Level.AAA_HIGH_CONTRAST))
                .contains("Essai: contrast 5.28:1 < 7:1 — Label 'Bienvenue' (#000000 on #808080)");

        // a dark region drawn beneath the label (an earlier sibling), not an ancestor
        Region backdrop = new Region();
        backdrop.setStyle("-fx-background-color: black;");
        assertThat(audit(new VBox(new StackPane(backdrop, label("Bienvenue", "white"))), Level.AAA_HIGH_CONTRAST))
                .noneMatch(f -> f.contains("contrast"));

        // a region listed after the label but painted beneath it (the label has the lower viewOrder)
        Label inFront = label("Aller au contenu", "white");
        inFront.setViewOrder(-1);
        Region band = new Region();
        band.setStyle("-fx-background-color: #1f3a5f;");
        assertThat(audit(new VBox(new StackPane(inFront, band)), Level.AAA_HIGH_CONTRAST))
                .noneMatch(f -> f.contains("contrast"));
    }

    @Test
    void largeTextHasTheLowerThresholdAndHiddenOrDisabledTextIsNotRead() throws Exception {
        // #949494 on white is 3.03:1: enough for large text at AA, not for body text
        Label large = label("Titre", "#949494");
        large.setStyle(large.getStyle() + "-fx-font-size: 24px;");
        Label small = label("Texte", "#949494");
        small.setStyle(small.getStyle() + "-fx-font-size: 14px;");
        Label boldLarge = label("Gras", "#949494");
        boldLarge.setStyle(boldLarge.getStyle() + "-fx-font-size: 19px; -fx-font-weight: bold;");
        assertThat(audit(new VBox(large, small), Level.AA)).filteredOn(f -> f.contains("contrast"))
                .containsExactly("Essai: contrast 3.03:1 < 4.5:1 — Label 'Texte' (#949494 on #ffffff)");

        Label disabled = label("Inactif", "#dddddd");
        disabled.setDisable(true);
        Label transparent = label("Invisible", "#dddddd");
        transparent.setOpacity(0);
        Label scrolledAway = label("Plus bas", "#dddddd");
        VBox tall = new VBox(new Region() {
            {
                setMinHeight(2000);
            }
        }, scrolledAway);
        ScrollPane scroll = new ScrollPane(tall);
        scroll.setPrefViewportHeight(100);
        assertThat(audit(new VBox(disabled, transparent, scroll), Level.AA)).noneMatch(f -> f.contains("contrast"));
        // (the same label scrolled into view is read)
        fx(() -> {
            scroll.setVvalue(1);
            scroll.getScene().getRoot().layout();
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(scroll.getScene(), Level.AA)))
                .anyMatch(f -> f.startsWith("Essai: contrast") && f.contains("Label 'Plus bas'"));
    }

    @Test
    void theContentAndThePromptOfAFieldAreText() throws Exception {
        TextField field = new TextField();
        field.setId("email");
        field.setAccessibleText("E-mail");
        field.setPromptText("nom@exemple.fr");
        field.setStyle("-fx-prompt-text-fill: #aaaaaa; -fx-text-fill: #aaaaaa;");
        assertThat(audit(new VBox(field), Level.AA))
                .contains("Essai: contrast 2.32:1 < 4.5:1 — TextField#email [E-mail] prompt 'nom@exemple.fr' (#aaaaaa on #ffffff)");
        fx(() -> {
            field.setText("anne@exemple.fr");
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(field.getScene(), Level.AA)))
                .contains("Essai: contrast 2.32:1 < 4.5:1 — TextField#email [E-mail] text 'anne@exemple.fr' (#aaaaaa on #ffffff)")
                .noneMatch(f -> f.contains("prompt"));
    }

    @Test
    void selectedTextIsReadInItsSelectionColoursOverTheHighlight() throws Exception {
        TextField name = field("name");
        Scene scene = show(new VBox(name), "");
        fx(() -> {
            name.setText("Ferrari");
            name.requestFocus();
            name.selectAll();
            return null;
        });
        // Modena's highlight (#0096c9) under white selected text: 3.38:1
        assertThat(fx(() -> AccessibilityAudit.check(scene, Level.AA))).filteredOn(f -> f.contains("contrast"))
                .containsExactly("Essai: contrast 3.38:1 < 4.5:1 — TextField#name [name] text 'Ferrari' selected (#ffffff on #0096c9)");

        fx(() -> {
            scene.getRoot().setStyle("-fx-accent: #1f4e8c;");
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(scene, Level.AA))).noneMatch(f -> f.contains("contrast"));
        fx(() -> {
            name.selectRange(0, 3);
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(scene, Level.AA))).as("part selected: both parts read")
                .noneMatch(f -> f.contains("contrast"));
    }

    // ---------------------------------------------------------------- 3. boundaries

    @Test
    void aFieldsBorderMustStandOutFromWhatIsBehindIt() throws Exception {
        TextField pale = new TextField();
        pale.setId("pale");
        pale.setAccessibleText("Pâle");
        pale.setStyle("-fx-background-color: #cccccc, white; -fx-background-insets: 0, 1;");
        assertThat(audit(new VBox(pale), Level.AA))
                .contains("Essai: boundary contrast 1.6:1 < 3:1 — TextField#pale [Pâle] (#cccccc on #ffffff)");

        pale.setStyle("-fx-background-color: #767676, white; -fx-background-insets: 0, 1;");
        assertThat(fx(() -> AccessibilityAudit.check(pale.getScene(), Level.AA))).noneMatch(f -> f.contains("boundary"));

        // a border stroke counts as well as a fill
        pale.setStyle("-fx-background-color: white; -fx-border-color: #767676; -fx-border-width: 1;");
        assertThat(fx(() -> AccessibilityAudit.check(pale.getScene(), Level.AA))).noneMatch(f -> f.contains("boundary"));
    }

    @Test
    void aFieldScrolledOutOfViewIsJudgedAgainstTheBackgroundItScrollsInto() throws Exception {
        TextField below = new TextField();
        below.setId("below");
        below.setAccessibleText("En bas");
        below.getStyleClass().add("below");
        Region spacer = new Region();
        spacer.setMinHeight(1000);
        ScrollPane scroll = new ScrollPane(new VBox(field("top"), spacer, below));
        scroll.setPrefViewportHeight(100);
        // a white edge and a yellow ring: both stand out on the black viewport, not on white
        String dark = ".scroll-pane > .viewport { -fx-background-color: black; }"
                + ".below { -fx-background-color: white, #333333; -fx-background-insets: 0, 2; }"
                + ".below:focused { -fx-background-color: #ffd479, white, #333333; -fx-background-insets: -3, 0, 2; }";
        assertThat(audit(new VBox(scroll), dark, Level.AA)).noneMatch(f -> f.contains("TextField#below"));
    }

    @Test
    void aFocusedFieldIsJudgedByItsBorderNotByItsFocusRing() throws Exception {
        TextField pale = new TextField();
        pale.setId("pale");
        pale.setAccessibleText("Pâle");
        pale.getStyleClass().add("pale");
        String css = ".pale { -fx-background-color: #cccccc, white; -fx-background-insets: 0, 1; }"
                + ".pale:focused { -fx-background-color: #0b5cad, #cccccc, white; -fx-background-insets: -3, 0, 1; }";
        Scene scene = show(new VBox(pale), css);
        fx(() -> {
            pale.requestFocus();
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.check(scene, Level.AA)))
                .contains("Essai: boundary contrast 1.6:1 < 3:1 — TextField#pale [Pâle] (#cccccc on #ffffff)")
                .noneMatch(f -> f.contains("focus"));
        boolean ringStillShown = fx(() -> pale.getBackground().getFills().get(0).getFill().equals(javafx.scene.paint.Color.web("#0b5cad")));
        assertThat(ringStillShown).as("the focused field keeps its ring after the audit").isTrue();
    }

    @Test
    void aCheckBoxIsJudgedByItsBoxAndALinkLikeButtonByItsText() throws Exception {
        CheckBox box = new CheckBox("_Rester connecté");
        Button link = new Button("_Mot de passe oublié");
        link.setStyle("-fx-background-color: transparent; -fx-text-fill: #1f4e8c;");
        String css = ".check-box > .box { -fx-background-color: #dddddd, white; -fx-background-insets: 0, 1; }";
        assertThat(audit(new VBox(box, link), css, Level.AA)).filteredOn(f -> f.contains("boundary"))
                .containsExactly("Essai: boundary contrast 1.35:1 < 3:1 — CheckBox 'Rester connecté' (#dddddd on #ffffff)");

        String fixed = ".check-box > .box { -fx-background-color: #595959, white; -fx-background-insets: 0, 1; }";
        Button sameLink = new Button("_Mot de passe oublié");
        sameLink.setStyle(link.getStyle());
        assertThat(audit(new VBox(new CheckBox("_Rester connecté"), sameLink), fixed, Level.AA))
                .noneMatch(f -> f.contains("boundary"));
    }

    // ---------------------------------------------------------------- 4. focus indicator

    @Test
    void modenasFaintRingIsNotEnoughAndASolidTwoPixelRingIs() throws Exception {
        Button plain = new Button("_Enregistrer");
        plain.setId("save");
        TextField other = new TextField();
        other.setAccessibleText("Autre");
        // Modena's own button: its ring is 1.2 px of #039ed3 (3.07:1 on white, 2.8:1 on Modena's grey)
        String modena = ".button { -fx-background-color: -fx-shadow-highlight-color, #595959, -fx-inner-border, -fx-body-color;"
                + " -fx-background-insets: 0 0 -1 0, 0, 1, 2; }"
                + ".button:focused { -fx-background-color: -fx-focus-color, -fx-inner-border, -fx-body-color,"
                + " -fx-faint-focus-color, -fx-body-color; -fx-background-insets: -0.2, 1, 2, -1.4, 2.6; }";
        Scene scene = show(new VBox(other, plain), modena);
        fx(() -> {
            other.requestFocus();
            return null;
        });
        List<String> findings = fx(() -> AccessibilityAudit.check(scene, Level.AA));
        assertThat(findings).filteredOn(f -> f.contains("focus"))
                .singleElement().asString()
                .startsWith("Essai: focus indicator 1.2 px < 2 px — Button#save 'Enregistrer' (#039ed3 on #ffffff, 3.07:1, 1.2 px)");
        assertThat(fx(scene::getFocusOwner)).as("the focus goes back where it was").isSameAs(other);

        // the fixed variant (NEUTRAL): 3 px of #0b5cad outside the button
        assertThat(audit(new VBox(new TextField("x") {
            {
                setAccessibleText("Autre");
            }
        }, new Button("_Enregistrer")), Level.AA)).noneMatch(f -> f.contains("focus"));
    }

    @Test
    void aThinOrPaleRingIsReportedWithItsFigures() throws Exception {
        Button thin = new Button("_Valider");
        String oneBorderPixel = ".button:focused { -fx-background-color: #595959, white; -fx-background-insets: 0, 1;"
                + " -fx-border-color: #0b5cad; -fx-border-width: 1; }";
        assertThat(audit(new VBox(thin), oneBorderPixel, Level.AA)).filteredOn(f -> f.contains("focus"))
                .containsExactly("Essai: focus indicator 1.0 px < 2 px — Button 'Valider' (#0b5cad on #ffffff, 6.66:1, 1.0 px)");

        Button pale = new Button("_Valider");
        String paleRing = ".button:focused { -fx-background-color: #a0c8f0, #595959, white;"
                + " -fx-background-insets: -3, 0, 1; }";
        assertThat(audit(new VBox(pale), paleRing, Level.AA)).filteredOn(f -> f.contains("focus"))
                .containsExactly("Essai: focus indicator 1.74:1 < 3:1 — Button 'Valider' (#a0c8f0 on #ffffff, 1.74:1, 3.0 px)");

        Button none = new Button("_Valider");
        String noRing = ".button:focused { -fx-background-color: #595959, white; -fx-background-insets: 0, 1; }";
        assertThat(audit(new VBox(none), noRing, Level.AA)).filteredOn(f -> f.contains("focus"))
                .containsExactly("Essai: no focus indicator — Button 'Valider' (nothing is drawn differently when it has the focus)");

        Button wideBorder = new Button("_Valider");
        String twoPixelBorder = ".button:focused { -fx-background-color: white;"
                + " -fx-border-color: #0b5cad; -fx-border-width: 2; }";
        assertThat(audit(new VBox(wideBorder), twoPixelBorder, Level.AA)).noneMatch(f -> f.contains("focus"));
    }

    @Test
    void aFocusedControlOutsideTheWindowIsReported() throws Exception {
        Button away = new Button("_Loin");
        away.setManaged(false);
        away.relocate(2000, 10);
        away.resize(80, 30);
        assertThat(audit(new VBox(new Button("_Ici"), away), Level.AA))
                .anyMatch(f -> f.startsWith("Essai: focus outside the window — Button 'Loin' (2000,10 80×30 in a "));
    }

    // ---------------------------------------------------------------- 5. mnemonics

    @Test
    void everyButtonNeedsAMnemonicAndNoLetterServesTwice() throws Exception {
        Button bare = new Button("Enregistrer");
        Button off = new Button("_Annuler");
        off.setMnemonicParsing(false);
        assertThat(audit(new HBox(bare, off), Level.AA)).filteredOn(f -> f.contains("mnemonic"))
                .containsExactly("Essai: no mnemonic — Button 'Enregistrer' (no '_' before a letter)",
                        "Essai: no mnemonic — Button '_Annuler' (mnemonicParsing is off)");

        Button save = new Button("_Enregistrer");
        Button clear = new Button("_Effacer");
        TextField email = new TextField();
        Label emailLabel = new Label("E-_mail");
        emailLabel.setMnemonicParsing(true);
        emailLabel.setLabelFor(email);
        assertThat(audit(new HBox(save, clear, emailLabel, email), Level.AA)).filteredOn(f -> f.contains("mnemonic"))
                .containsExactly("Essai: mnemonic Alt+E used twice — Button '_Enregistrer' and Button '_Effacer'");

        assertThat(audit(new HBox(new Button("_Enregistrer"), new Button("E_ffacer")), Level.AA))
                .noneMatch(f -> f.contains("mnemonic"));
    }

    @Test
    void fieldLabelsMayShareALetterAndDataNamedChoicesNeedNone() throws Exception {
        TextField city = new TextField();
        Label cityLabel = new Label("_Ville");
        cityLabel.setMnemonicParsing(true);
        cityLabel.setLabelFor(city);
        TextField work = new TextField();
        Label workLabel = new Label("Téléphone tra_vail");
        workLabel.setMnemonicParsing(true);
        workLabel.setLabelFor(work);
        javafx.scene.control.CheckBox course = new javafx.scene.control.CheckBox("Piano — 2C1");
        course.setMnemonicParsing(false);
        course.getStyleClass().add("data-named");
        Button remove = new Button("Retirer");
        remove.getStyleClass().add("row-action");
        assertThat(audit(new VBox(cityLabel, city, workLabel, work, course, remove), Level.AA))
                .as("Alt+V moves between the two fields; the course and the line's button are reached by Tab")
                .noneMatch(f -> f.contains("mnemonic"));

        Button validate = new Button("_Valider");
        assertThat(audit(new VBox(cityLabel, city, validate), Level.AA)).filteredOn(f -> f.contains("mnemonic"))
                .as("a button sharing a field's letter would only be focused, not pressed")
                .containsExactly("Essai: mnemonic Alt+V used twice — Label '_Ville' and Button '_Valider'");
    }

    @Test
    void aLabelForAFieldNeedsAMnemonicButADialogsDefaultAndCancelButtonsDoNot() throws Exception {
        TextField phone = new TextField();
        Label phoneLabel = new Label("Téléphone");
        phoneLabel.setMnemonicParsing(true);
        phoneLabel.setLabelFor(phone);
        TextField fax = new TextField();
        Label faxLabel = new Label("_Fax");
        faxLabel.setLabelFor(fax);
        Label plain = new Label("Un texte");
        assertThat(audit(new VBox(plain, phoneLabel, phone, faxLabel, fax), Level.AA)).filteredOn(f -> f.contains("mnemonic"))
                .containsExactly("Essai: no mnemonic — Label 'Téléphone' (no '_' before a letter)",
                        "Essai: no mnemonic — Label '_Fax' (mnemonicParsing is off)");

        DialogPane pane = new DialogPane();
        pane.setContentText("Enregistrer les changements ?");
        Button ok = new Button("OK");
        ok.setDefaultButton(true);
        Button cancel = new Button("Annuler");
        cancel.setCancelButton(true);
        pane.setContent(new HBox(ok, cancel));
        assertThat(audit(pane, Level.AA)).noneMatch(f -> f.contains("mnemonic"));
    }

    // ---------------------------------------------------------------- keyboard reach

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(id);
        return field;
    }

    private List<String> reach(Parent root) throws Exception {
        Scene scene = show(root, "");
        return fx(() -> AccessibilityAudit.keyboardReach(scene));
    }

    @Test
    void tabGoesRoundEveryControl() throws Exception {
        TextField a = field("a");
        TextField b = field("b");
        Button c = new Button("_Valider");
        Scene scene = show(new VBox(a, b, c), "");
        fx(() -> {
            b.requestFocus();
            return null;
        });
        assertThat(fx(() -> AccessibilityAudit.keyboardReach(scene))).isEmpty();
        assertThat(fx(scene::getFocusOwner)).as("the focus goes back where it was").isSameAs(b);
    }

    @Test
    void aFieldThatSwallowsTabIsATrap() throws Exception {
        TextField b = field("b");
        b.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                e.consume();
            }
        });
        assertThat(reach(new VBox(field("a"), b, new Button("_Valider"))))
                .containsExactly("Essai: keyboard trap — Tab stays on TextField#b [b]",
                        "Essai: keyboard trap — Shift+Tab stays on TextField#b [b]");
    }

    @Test
    void aTabThatJumpsOverAControlLeavesItUnreachedAndALoopThatNeverComesBackIsATrap() throws Exception {
        TextField a = field("a");
        TextField b = field("b");
        TextField c = field("c");
        a.addEventFilter(KeyEvent.KEY_PRESSED, e -> jump(e, c));
        c.addEventFilter(KeyEvent.KEY_PRESSED, e -> jump(e, a));
        assertThat(reach(new VBox(a, b, c))).contains("Essai: not reachable with Tab — TextField#b [b]");

        TextField d = field("d");
        TextField e = field("e");
        TextField f = field("f");
        f.addEventFilter(KeyEvent.KEY_PRESSED, ev -> jump(ev, e));
        assertThat(reach(new VBox(d, e, f)))
                .contains("Essai: keyboard trap — Tab cycles among TextField#e [e], TextField#f [f] without coming back to TextField#d [d]");
    }

    private static void jump(KeyEvent event, TextField to) {
        if (event.getCode() == KeyCode.TAB && !event.isShiftDown()) {
            event.consume();
            to.requestFocus();
        }
    }

    @Test
    void aTextAreaKeepsTabAndGetsItsTextBack() throws Exception {
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea("Bonjour");
        area.setId("message");
        area.setAccessibleText("Message");
        List<String> findings = reach(new VBox(field("a"), area, new Button("_Envoyer")));
        assertThat(findings).contains("Essai: keyboard trap — Tab stays in TextArea#message [Message] (only Ctrl+Tab leaves it)");
        assertThat(findings).noneMatch(f -> f.contains("not reachable"));
        String text = fx(area::getText);
        assertThat(text).isEqualTo("Bonjour");
    }
}
