package org.tutti.client.archfixture.ui.alpha;

import org.tutti.client.archfixture.ui.common.Piece;

/** UiArchitectureTest's fixture: a feature using a shared piece (allowed). */
public final class Alpha {

    private Alpha() {
    }

    public static String name() {
        return Piece.name();
    }
}
