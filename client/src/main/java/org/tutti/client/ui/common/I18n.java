package org.tutti.client.ui.common;

import java.text.Collator;
import java.text.Normalizer;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every user-visible text comes from here: the bundle {@code org/tutti/client/ui/messages}, whose
 * base file is French and which has an English translation.
 *
 * <p>The locale is the system property {@code tutti.locale} (a language tag such as {@code en})
 * if set, else French: the product is French first, whatever the language of the computer it
 * runs on (families and staff of a French school, and a demo that looks the same everywhere).
 * A locale the bundle does not translate falls back to the base (French) file, never to the
 * JVM's default locale.
 *
 * <p>Texts are used as they are when no arguments are given; with arguments they go through
 * {@link MessageFormat}. French texts use the typographic apostrophe (’), so MessageFormat's
 * quoting rules never bite.
 */
public final class I18n {

    public static final String BUNDLE = "org.tutti.client.ui.messages";
    public static final String LOCALE_PROPERTY = "tutti.locale";

    private static final Logger LOG = LoggerFactory.getLogger(I18n.class);
    private static volatile ResourceBundle bundle;

    private I18n() {
    }

    public static Locale locale() {
        String tag = System.getProperty(LOCALE_PROPERTY);
        if (tag != null && !tag.isBlank()) {
            return Locale.forLanguageTag(tag.trim());
        }
        return Locale.FRANCE;
    }

    public static ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            b = load(locale());
            bundle = b;
        }
        return b;
    }

    /** Loads the bundle for a locale, falling back to the base (French) file only. */
    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Forgets the loaded bundle so that the next call reads {@code tutti.locale} again. */
    public static void reload() {
        bundle = null;
    }

    /**
     * Makes the JVM's default locale the interface's, so that JavaFX's own texts follow it: the
     * DatePicker's months and weekdays (a French week starts on Monday), the text fields' context
     * menu (Couper, Copier, Coller…) and the dialogs' built-in buttons. JavaFX reads the default
     * locale each time it builds one of these, so call this before the first control is built
     * (the launcher does, before the toolkit starts); a machine under a C/POSIX locale, whose
     * default is English, then shows French too.
     */
    public static void applyToJvm() {
        Locale.setDefault(jvmLocale());
    }

    /** The interface's locale with a country when it has none: French texts are France's. */
    static Locale jvmLocale() {
        Locale l = textLocale();
        return "fr".equals(l.getLanguage()) && l.getCountry().isEmpty() ? Locale.FRANCE : l;
    }

    /**
     * The locale of the texts actually shown, for dates, day names and numbers: the base file is
     * French, so a locale without its own file formats in French.
     */
    public static Locale textLocale() {
        Locale l = bundle().getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.FRANCE : l;
    }

    /** Compares texts as the user's language sorts them (accents after their letter, case ignored first). */
    public static Collator collator() {
        return Collator.getInstance(textLocale());
    }

    /** A text as a search compares it: lower case without accents ("Hélène" → "helene"); null as "". */
    public static String folded(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** True when the bundle has a text for {@code key}. */
    public static boolean has(String key) {
        return bundle().containsKey(key);
    }

    public static String get(String key, Object... args) {
        String text;
        try {
            text = bundle().getString(key);
        } catch (MissingResourceException e) {
            LOG.error("Missing text for key {} in {}", key, BUNDLE);
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return text;
        }
        return new MessageFormat(text, textLocale()).format(args);
    }
}
