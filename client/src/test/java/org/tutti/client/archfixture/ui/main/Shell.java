package org.tutti.client.archfixture.ui.main;

import org.tutti.client.archfixture.ui.alpha.Alpha;

/** UiArchitectureTest's fixture: the main window assembling a feature (allowed). */
public final class Shell {

    private Shell() {
    }

    public static String name() {
        return Alpha.name();
    }
}
