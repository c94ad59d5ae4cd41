package org.tutti.client.archfixture.ui.common;

import org.tutti.client.archfixture.ui.main.Shell;

/** UiArchitectureTest's fixture: a shared piece reaching up into the main window (forbidden). */
public final class Back {

    private Back() {
    }

    public static String name() {
        return Shell.name();
    }
}
