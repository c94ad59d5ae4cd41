package org.tutti.client.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls a page so that a node is in view before a test clicks it, as a user would. */
public final class Scrolling {

    private Scrolling() {
    }

    /** Scrolls {@code page} vertically so that {@code node} shows near its top. Call on the FX thread. */
    public static void intoView(ScrollPane page, Node node) {
        page.layout();
        Bounds bounds = page.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
        page.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (bounds.getMinY() - 40) / room)));
        // the skin moves the content at its next layout: now, so that a click finds the node where it shows
        page.layout();
    }
}
