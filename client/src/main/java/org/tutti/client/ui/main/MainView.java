package org.tutti.client.ui.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.I18n;

/**
 * The main window's content: a header with the school's name and who is logged in, a
 * navigation bar (one button per module, then Déconnexion) and the current module.
 *
 * <p>Modules are created on first open and activated/deactivated as the user moves between
 * them; a module can veto leaving ({@link AppModule#canLeave()}), which also holds back
 * Déconnexion. The current entry is marked by the {@code :selected} pseudo-class (bold text
 * and an underline bar in the stylesheet, not colour alone) and its accessible help says
 * "page actuelle".
 */
public final class MainView {

    private static final Logger LOG = LoggerFactory.getLogger(MainView.class);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final MainViewModel model;
    private final List<ModuleEntry> entries;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<ModuleEntry, AppModule> created = new HashMap<>();
    private final Map<ModuleEntry, Button> buttons = new HashMap<>();
    private ModuleEntry current;

    public MainView(MainViewModel model, List<ModuleEntry> entries) {
        this.model = model;
        this.entries = List.copyOf(entries);
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");
        root.setTop(new VBox(header(), navigation()));
        content.getStyleClass().add("module-host");
        root.setCenter(content);
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
            if (!leaving.canLeave()) {
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
        return true;
    }

    /** Leaves the current module (if it agrees) and logs out. */
    public void logout() {
        if (current != null) {
            AppModule leaving = created.get(current);
            if (!leaving.canLeave()) {
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

    /** For closing the window: true when no module holds unsaved edits. */
    public boolean canClose() {
        return current == null || created.get(current).canLeave();
    }

    private Node header() {
        Label site = new Label(model.session().siteName());
        site.setId("mainSiteName");
        site.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label(model.userText());
        user.setId("mainUser");
        user.getStyleClass().add("app-user");
        HBox header = new HBox(site, spacer, user);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    private Node navigation() {
        HBox bar = new HBox();
        bar.setId("navBar");
        bar.getStyleClass().add("nav-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (ModuleEntry entry : entries) {
            Button button = navButton(entry.action());
            button.setOnAction(e -> open(entry));
            buttons.put(entry, button);
            bar.getChildren().add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button logout = navButton(Actions.NAV_LOGOUT);
        logout.getStyleClass().add("nav-logout");
        logout.disableProperty().bind(model.loggingOutProperty());
        logout.setOnAction(e -> logout());
        bar.getChildren().addAll(spacer, logout);
        return bar;
    }

    private static Button navButton(Actions action) {
        Button button = new Button(action.text());
        button.setId(action.id());
        button.setMnemonicParsing(true);
        button.getStyleClass().add("nav-button");
        button.setFocusTraversable(true);
        button.setTooltip(new Tooltip(I18n.get("nav.tooltip", action.plainText(),
                action.keyCombination().getDisplayText())));
        button.setAccessibleText(action.plainText());
        return button;
    }
}
