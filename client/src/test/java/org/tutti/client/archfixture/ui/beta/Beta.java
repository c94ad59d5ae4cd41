package org.tutti.client.archfixture.ui.beta;

import org.tutti.client.archfixture.ui.alpha.Alpha;

/** UiArchitectureTest's fixture: a feature using another feature (forbidden). */
public final class Beta {

    private Beta() {
    }

    public static String name() {
        return Alpha.name();
    }
}
