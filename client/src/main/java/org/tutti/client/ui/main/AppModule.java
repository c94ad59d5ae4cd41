package org.tutti.client.ui.main;

import javafx.scene.Node;

/**
 * One entry of the main window's navigation (Accueil, Famille, Élèves…), with a lifecycle in
 * the manner of WorkbenchFX's {@code WorkbenchModule} and Bisq's {@code ActivatableView}:
 * created lazily on first open, {@link #activate()} each time it is shown,
 * {@link #deactivate()} each time another entry replaces it, and a veto on leaving while it
 * holds unsaved edits.
 */
public interface AppModule {

    /** The module's content; built once, on first open. */
    Node view();

    /** Shown (again): refresh data, start listening. */
    void activate();

    /** Hidden: stop listening, release what is not needed while hidden. */
    void deactivate();

    /**
     * Asked before leaving this module (another entry, Déconnexion, closing the window). A
     * module with unsaved edits asks the user and answers false to stay.
     */
    default boolean canLeave() {
        return true;
    }
}
