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
    private final String detail;

    public NavigationEvent(Actions entry) {
        this(entry, null);
    }

    /**
     * Opens {@code entry} on a part of it: the entry's module receives {@code detail} through
     * {@link AppModule#show(String)} once it is shown (Accueil's "comptes verrouillés" opens
     * Comptes on its locked accounts).
     */
    public NavigationEvent(Actions entry, String detail) {
        super(OPEN);
        this.entry = Objects.requireNonNull(entry);
        this.detail = detail;
    }

    /** What part of the entry to show (the module's own word), or null. */
    public String detail() {
        return detail;
    }

    /** The navigation entry to open ({@link Actions#NAV_VALIDATIONS}…). */
    public Actions entry() {
        return entry;
    }
}
