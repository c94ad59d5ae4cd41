package org.tutti.client.ui.main;

import java.util.Objects;
import java.util.function.Supplier;
import org.tutti.client.ui.common.Actions;
import org.tutti.client.ui.common.AppModule;

/**
 * A navigation entry: its action (node id, text with mnemonic, key binding) and how to create
 * its module the first time it is opened.
 */
public record ModuleEntry(Actions action, Supplier<AppModule> factory) {

    public ModuleEntry {
        Objects.requireNonNull(action);
        Objects.requireNonNull(factory);
    }
}
