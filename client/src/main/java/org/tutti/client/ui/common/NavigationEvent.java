package org.tutti.client.ui.common;

import java.util.Objects;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the main window to open one of its navigation entries (a link on Accueil to Validations):
 * fired on the node that was activated, it bubbles up to the main window, which opens the entry
 * as its own button would (asking first if the current page holds unsaved edits). A screen thus
 * links to another without knowing it.
 */
public final class NavigationEvent extends Event {

    private static final long serialVersionUID = 1L;

    public static final EventType<NavigationEvent> OPEN = new EventType<>(Event.ANY, "TUTTI_NAVIGATE");

    private final Actions entry;

    public NavigationEvent(Actions entry) {
        super(OPEN);
        this.entry = Objects.requireNonNull(entry);
    }

    /** The navigation entry to open ({@link Actions#NAV_VALIDATIONS}…). */
    public Actions entry() {
        return entry;
    }
}
