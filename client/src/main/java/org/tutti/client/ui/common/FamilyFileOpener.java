package org.tutti.client.ui.common;

import javafx.stage.Window;

/**
 * Opens a family's file at the front desk (the window whose root is {@code familyFile}): the
 * family search, the accounts, Accueil's lists and the validation queue all open it without
 * knowing the screens it holds (ui.main assembles them). Opening the file of a family already
 * open brings its window to the front.
 */
@FunctionalInterface
public interface FamilyFileOpener {

    /** Does nothing: for screens built without a front desk (tests of one screen). */
    FamilyFileOpener NONE = (familyId, title, owner) -> {
    };

    /**
     * @param familyId the family's id (a family of the staff session's site)
     * @param title    what the window's title names ("F0001 — Mme Claire Martin")
     * @param owner    the window it opens from, beside which it is placed
     */
    void open(long familyId, String title, Window owner);
}
