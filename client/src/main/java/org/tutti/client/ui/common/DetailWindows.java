package org.tutti.client.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The windows a screen opens from its rows (a course's follow-up, an evaluation, an event):
 * never two for the same row (asking again brings the open one to the front), Escape closes
 * one, and closing it runs what the opener asked (give the focus back to the row). Not modal:
 * a parent may keep a course open beside the list. {@link #closeAll()} when the screen goes
 * away (another menu entry, Déconnexion): no window outlives the session that read its data.
 */
public final class DetailWindows {

    private final Map<Object, Stage> open = new LinkedHashMap<>();

    /**
     * Shows the window for {@code key}, or brings the open one to the front.
     *
     * @param key      what the window shows (e.g. "evaluation" + id): one window per key
     * @param owner    the window it belongs to (it stays above it and closes with it)
     * @param title    the window's title
     * @param content  builds the window's content, only when a new window opens; its root
     *                 carries the id tests and screen readers find (e.g. {@code detailWindow})
     * @param onClosed after the window closed, by Escape, its close button or {@link #closeAll()}
     * @return the window
     */
    public Stage show(Object key, Window owner, String title, Supplier<Parent> content, Runnable onClosed) {
        Objects.requireNonNull(key);
        if (toFront(key)) {
            return open.get(key);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Parent root = content.get();
        double em = ThemeManager.get().emInPixels();
        Scene scene = new Scene(root, 52 * em, 40 * em);
        ThemeManager.get().apply(scene);
        // a filter: a focused table or text area would take Escape first
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Actions.CLOSE_WINDOW.keyCombination().match(e)) {
                e.consume();
                closeUnlessVetoed(stage);
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            open.remove(key, stage);
            if (onClosed != null) {
                onClosed.run();
            }
        });
        open.put(key, stage);
        place(stage, owner, em);
        stage.show();
        return stage;
    }

    /**
     * Closes {@code stage} as its title bar's button would: its close-request handler may keep it
     * open (a window holding unsaved edits asks first).
     */
    static void closeUnlessVetoed(Stage stage) {
        WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        if (stage.getOnCloseRequest() != null) {
            stage.getOnCloseRequest().handle(request);
        }
        if (!request.isConsumed()) {
            stage.close();
        }
    }

    /**
     * Against the owner's right edge, below its title and menu, one step further for each window
     * already open: the list the user came from (its tabs, its arrows) stays in sight, and two
     * windows never sit exactly on top of each other.
     */
    private void place(Stage stage, Window owner, double em) {
        if (owner == null || Double.isNaN(owner.getX())) {
            return;
        }
        double step = 1.5 * em * Math.min(openCount(), 6);
        double width = stage.getScene().getWidth();
        stage.setX(Math.max(owner.getX(), owner.getX() + owner.getWidth() - width - 1.5 * em - step));
        stage.setY(owner.getY() + 6 * em + step);
    }

    /** Fermer, for a detail window's content: closes the window it is in (as Escape does, which its tooltip says). */
    public static Button closeButton() {
        Button close = new Button(I18n.get("window.close"));
        close.setTooltip(new Tooltip(Actions.CLOSE_WINDOW.plainText() + " ("
                + Actions.CLOSE_WINDOW.keyCombination().getDisplayText() + ")"));
        close.setOnAction(e -> {
            Window window = close.getScene() == null ? null : close.getScene().getWindow();
            if (window instanceof Stage stage) {
                closeUnlessVetoed(stage);
            } else if (window != null) {
                window.hide();
            }
        });
        return close;
    }

    /** Brings the open window for {@code key} to the front; false when there is none. */
    public boolean toFront(Object key) {
        Stage existing = window(key);
        if (existing == null) {
            return false;
        }
        existing.setIconified(false);
        existing.toFront();
        existing.requestFocus();
        return true;
    }

    /** The open window for {@code key}, or null. */
    public Stage window(Object key) {
        Stage stage = open.get(key);
        return stage != null && stage.isShowing() ? stage : null;
    }

    public int openCount() {
        return (int) open.values().stream().filter(Stage::isShowing).count();
    }

    public void closeAll() {
        for (Stage stage : List.copyOf(open.values())) {
            stage.close();
        }
        open.clear();
    }
}
