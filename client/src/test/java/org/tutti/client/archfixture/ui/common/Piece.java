package org.tutti.client.archfixture.ui.common;

/** UiArchitectureTest's fixture: a shared piece, which every feature may use. */
public final class Piece {

    private Piece() {
    }

    public static String name() {
        return "piece";
    }
}
