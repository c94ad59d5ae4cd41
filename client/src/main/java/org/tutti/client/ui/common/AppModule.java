package org.tutti.client.ui.common;

import javafx.scene.Node;

/**
 * One entry of the main window's navigation (Accueil, Famille, Élèves…), with a lifecycle in
 * the manner of WorkbenchFX's {@code WorkbenchModule} and Bisq's {@code ActivatableView}:
 * created lazily on first open, {@link #activate()} each time it is shown,
 * {@link #deactivate()} each time another entry replaces it, and a veto on leaving while it
 * holds unsaved edits: the main window asks the user first (another entry, Déconnexion, closing
 * the window), with a question that says what leaving does.
 */
public interface AppModule {

    /** The module's content; built once, on first open. */
    Node view();

    /** Shown (again): refresh data, start listening, put the focus where the user starts. */
    void activate();

    /**
     * Hidden: stop listening, release what is not needed while hidden. Unsaved edits are dropped
     * here (the user has agreed to leave them).
     */
    void deactivate();

    /**
     * Shown on a part of it, after {@link #activate()}, when another screen's link asked for it
     * ({@link NavigationEvent#detail()}: a list's filter, a row to select). Modules that have no
     * parts ignore it.
     */
    default void show(String detail) {
    }

    /** True while the module holds edits that leaving would lose (a half-typed form). */
    default boolean hasUnsavedEdits() {
        return false;
    }
}
