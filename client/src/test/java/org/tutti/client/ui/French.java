package org.tutti.client.ui;

import org.tutti.client.ui.common.I18n;

/** Tests read the French (base) texts, whatever the machine's locale. */
public final class French {

    private French() {
    }

    public static void use() {
        System.setProperty(I18n.LOCALE_PROPERTY, "fr");
        I18n.reload();
    }
}
