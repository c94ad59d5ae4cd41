package org.tutti.client.ui.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.AppModule;
import org.tutti.client.ui.common.Dialogs;
import org.tutti.client.ui.common.DisplayControls;
import org.tutti.client.ui.common.Forms;
import org.tutti.client.ui.common.I18n;
import org.tutti.client.ui.common.NavigationEvent;

/**
 * The main window's content: a header with the school's name and who is logged in, a
 * navigation bar (one button per module, then Déconnexion) and the current module.
 *
 * <p>Modules are created on first open and activated/deactivated as the user moves between
 * them; leaving a module that holds unsaved edits ({@link AppModule#hasUnsavedEdits()}) asks
 * first, with a question that says what happens (leave the page, log out, close Tutti); Annuler
 * stays. In the embedded demo the bar also opens the demo mailbox. The current entry is marked by the {@code :selected} pseudo-class (bold text
 * and an underline bar in the stylesheet, not colour alone) and its accessible help says
 * "page actuelle".
 */
public final class MainView {

    /** What leaving the current module is for; each has its own question. */
    public enum Leaving {
        NAVIGATE("leave.navigate"), LOGOUT("leave.logout"), CLOSE("leave.close");

        private final String key;

        Leaving(String key) {
            this.key = key;
        }

        public String question() {
            return I18n.get(key + ".question");
        }

        public String confirmText() {
            return I18n.get(key + ".confirm");
        }
    }

    /** Asks whether to leave a module with unsaved edits (a dialog; tests answer directly). */
    @FunctionalInterface
    public interface LeaveConfirmation {
        boolean confirm(Leaving leaving);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MainView.class);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final MainViewModel model;
    private final List<ModuleEntry> entries;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<ModuleEntry, AppModule> created = new HashMap<>();
    private final Map<ModuleEntry, Button> buttons = new HashMap<>();
    private final Runnable openDemoMailbox;
    private LeaveConfirmation leaveConfirmation = this::askBeforeLeaving;
    private ModuleEntry current;

    public MainView(MainViewModel model, List<ModuleEntry> entries) {
        this(model, entries, null);
    }

    /**
     * @param openDemoMailbox opens the demo mailbox window; null outside the embedded demo (no
     *        entry is shown then)
     */
    public MainView(MainViewModel model, List<ModuleEntry> entries, Runnable openDemoMailbox) {
        this.model = model;
        this.entries = List.copyOf(entries);
        this.openDemoMailbox = openDemoMailbox;
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");
        root.setTop(new VBox(header(), navigation()));
        content.getStyleClass().add("module-host");
        root.setCenter(content);
        // a page's link to another entry (Accueil → Validations) opens it as its button would
        root.addEventHandler(NavigationEvent.OPEN, e -> {
            e.consume();
            this.entries.stream().filter(entry -> entry.action() == e.entry()).findFirst().ifPresent(entry -> {
                if (open(entry) && e.detail() != null) {
                    created.get(entry).show(e.detail());
                }
            });
        });
    }

    public Parent root() {
        return root;
    }

    /** Registers the navigation key bindings on the scene that shows this view. */
    public void installAccelerators(Scene scene) {
        for (ModuleEntry entry : entries) {
            scene.getAccelerators().put(entry.action().keyCombination(), () -> open(entry));
        }
        scene.getAccelerators().put(Actions.NAV_LOGOUT.keyCombination(), this::logout);
        scene.getAccelerators().put(Actions.NAV_ACCESSIBILITY.keyCombination(), DisplayControls::toggleMode);
        scene.getAccelerators().put(Actions.SKIP_TO_CONTENT.keyCombination(), this::focusContent);
        if (openDemoMailbox != null) {
            scene.getAccelerators().put(Actions.NAV_DEMO_MAILBOX.keyCombination(), openDemoMailbox);
        }
    }

    /** Replaces the dialog that asks before unsaved edits are left (tests). */
    public void setLeaveConfirmation(LeaveConfirmation confirmation) {
        this.leaveConfirmation = Objects.requireNonNull(confirmation);
    }

    /** Opens the first entry (Accueil). */
    public void openFirst() {
        if (!entries.isEmpty()) {
            open(entries.get(0));
        }
    }

    /**
     * Opens an entry, unless the current module vetoes leaving. Opening the current entry again
     * activates it again: its data is reloaded (what "click Accueil to try again" relies on).
     */
    public boolean open(ModuleEntry entry) {
        if (entry.equals(current)) {
            created.get(current).activate();
            return true;
        }
        if (current != null) {
            AppModule leaving = created.get(current);
            if (!mayLeave(leaving, Leaving.NAVIGATE)) {
                return false;
            }
            leaving.deactivate();
        }
        AppModule module = created.computeIfAbsent(entry, e -> {
            LOG.debug("Creating module {}", e.action());
            return e.factory().get();
        });
        current = entry;
        content.getChildren().setAll(module.view());
        buttons.forEach((e, b) -> {
            boolean selected = e.equals(entry);
            b.pseudoClassStateChanged(SELECTED, selected);
            b.setAccessibleHelp(selected ? I18n.get("nav.current") : null);
        });
        module.activate();
        focusContentUnlessTaken();
        return true;
    }

    /**
     * The screen's first control takes the focus when the screen opens (WCAG 2.4.3), unless the
     * module gave it somewhere of its own in {@link AppModule#activate()} (Validations: the list).
     * A screen whose controls come with its data (Accueil, Famille) gets it when they are shown,
     * as long as the user has not moved the focus elsewhere meanwhile.
     */
    private void focusContentUnlessTaken() {
        Scene scene = root.getScene();
        if (scene == null) {
            // the first screen opens before the window shows it
            root.sceneProperty().addListener(new javafx.beans.value.ChangeListener<Scene>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                    if (now != null) {
                        root.sceneProperty().removeListener(this);
                        focusContentUnlessTaken();
                    }
                }
            });
            return;
        }
        ModuleEntry opened = current;
        Node focusAtOpen = scene.getFocusOwner();
        Runnable[] attempt = new Runnable[1];
        boolean[] done = new boolean[1];
        attempt[0] = () -> {
            if (done[0]) {
                return;
            }
            Node owner = scene.getFocusOwner();
            // the window's own first focus (the skip link) is not the user's move
            boolean untouched = owner == null || owner == focusAtOpen || owner.getScene() != scene
                    || Actions.SKIP_TO_CONTENT.id().equals(owner.getId());
            if (current != opened || !untouched || isInContent(owner) || Forms.focusFirstIn(content)) {
                done[0] = true;
                // not while the scene runs its listeners
                javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(attempt[0]));
            }
        };
        scene.addPostLayoutPulseListener(attempt[0]);
        javafx.application.Platform.requestNextPulse();
    }

    private boolean isInContent(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    /** Leaves the current module (if it agrees) and logs out. */
    public void logout() {
        if (model.loggingOutProperty().get()) {
            return;
        }
        if (current != null) {
            AppModule leaving = created.get(current);
            if (!mayLeave(leaving, Leaving.LOGOUT)) {
                return;
            }
            leaving.deactivate();
            current = null;
        }
        model.logout();
    }

    /**
     * The session has ended at the database (expired): leaves the current module without asking,
     * since nothing can be saved any more; its unsaved edits are dropped.
     */
    public void discard() {
        if (current != null) {
            created.get(current).deactivate();
            current = null;
        }
    }

    /**
     * For closing the window: true when no module holds unsaved edits, or the user agreed to
     * drop them.
     */
    public boolean canClose() {
        return current == null || mayLeave(created.get(current), Leaving.CLOSE);
    }

    private boolean mayLeave(AppModule module, Leaving leaving) {
        return !module.hasUnsavedEdits() || leaveConfirmation.confirm(leaving);
    }

    private boolean askBeforeLeaving(Leaving leaving) {
        return Dialogs.confirm(root.getScene().getWindow(), leaving.question(), leaving.confirmText());
    }

    /** "Aller au contenu" and F6: the focus to the current screen's first control. */
    public void focusContent() {
        Forms.focusFirstIn(content);
    }

    /**
     * The school and who is logged in, the text size and contrast on the right; the skip link
     * lies over the top-left corner, shown only while it has the focus (the first Tab stop).
     * Names wrap rather than being cut at large text sizes.
     */
    private Node header() {
        Hyperlink skip = new Hyperlink(Actions.SKIP_TO_CONTENT.text());
        skip.setId(Actions.SKIP_TO_CONTENT.id());
        skip.setMnemonicParsing(true);
        skip.getStyleClass().add("skip-link");
        skip.mouseTransparentProperty().bind(skip.focusedProperty().not());
        skip.setOnAction(e -> {
            skip.setVisited(false);
            focusContent();
        });
        StackPane.setAlignment(skip, Pos.TOP_LEFT);
        Label site = new Label(model.session().siteName());
        site.setId("mainSiteName");
        site.getStyleClass().add("app-title");
        site.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label(model.userText());
        user.setId("mainUser");
        user.getStyleClass().add("app-user");
        user.setWrapText(true);
        Node display = DisplayControls.sizeAndContrast();
        // one line with the names: the header stays as low as before the display settings came
        HBox right = new HBox(user, display);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.getStyleClass().add("app-header-right");
        HBox identity = new HBox(site, spacer, right);
        identity.setAlignment(Pos.CENTER_LEFT);
        identity.getStyleClass().add("app-header");
        // first in the Tab order, drawn above the header
        skip.setViewOrder(-1);
        return new StackPane(skip, identity);
    }

    private Node navigation() {
        // a flow: at 200 % text the entries go on a second line instead of being cut
        FlowPane bar = new FlowPane();
        bar.setId("navBar");
        bar.getStyleClass().add("nav-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (ModuleEntry entry : entries) {
            if (entry.action() == Actions.NAV_PASSWORD) {
                // Accessibilité before Mot de passe, as in the seed's menu
                bar.getChildren().add(DisplayControls.modeToggle());
            }
            Button button = navButton(entry.action());
            button.setOnAction(e -> open(entry));
            buttons.put(entry, button);
            bar.getChildren().add(button);
        }
        if (bar.lookup("#" + Actions.NAV_ACCESSIBILITY.id()) == null) {
            bar.getChildren().add(DisplayControls.modeToggle());
        }
        if (openDemoMailbox != null) {
            Button mailbox = navButton(Actions.NAV_DEMO_MAILBOX);
            mailbox.getStyleClass().add("nav-demo");
            mailbox.setOnAction(e -> openDemoMailbox.run());
            bar.getChildren().add(mailbox);
        }
        Button logout = navButton(Actions.NAV_LOGOUT);
        logout.getStyleClass().add("nav-logout");
        logout.disableProperty().bind(model.loggingOutProperty());
        logout.setOnAction(e -> logout());
        bar.getChildren().add(logout);
        return bar;
    }

    private static Button navButton(Actions action) {
        Button button = new Button(action.text());
        button.setId(action.id());
        button.setMnemonicParsing(true);
        button.getStyleClass().add("nav-button");
        if (!action.text().contains("_")) {
            // the staff menu has more entries than free Alt letters: these go by their Ctrl key (ADR 15)
            button.getStyleClass().add("nav-shortcut");
        }
        button.setFocusTraversable(true);
        button.setTooltip(new Tooltip(I18n.get("nav.tooltip", action.plainText(),
                action.keyCombination().getDisplayText())));
        button.setAccessibleText(action.plainText());
        return button;
    }
}
