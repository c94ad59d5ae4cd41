package org.tutti.client.ui.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tutti.client.ui.common.I18n;

/**
 * Amounts of money as the front desk types and reads them: "1 234,5", "12.50", "12,50 €" are
 * 1234.50, 12.50 and 12.50 (BigDecimal, two decimals, never a double); anything else is refused.
 * Shown with {@code Formats.money} ("1 234,56 €").
 */
final class Amounts {

    /**
     * Digits, grouped by spaces (any kind: typed, no-break, narrow no-break) or not, then at most
     * one decimal separator (comma or point) and one or two decimals; an optional euro sign.
     */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(?: \\d{3})+|\\d+)(?:[.,](\\d{1,2}))?");

    private Amounts() {
    }

    /** The amount typed in {@code text} (scale 2, ≥ 0), or empty when it is not one. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ').strip();
        if (clean.endsWith("€")) {
            clean = clean.substring(0, clean.length() - 1).strip();
        }
        Matcher m = AMOUNT.matcher(clean);
        if (!m.matches()) {
            return Optional.empty();
        }
        String units = m.group(1).replace(" ", "");
        String decimals = m.group(2) == null ? "" : m.group(2);
        return Optional.of(new BigDecimal(units + (decimals.isEmpty() ? "" : "." + decimals)).setScale(2));
    }

    /** An amount as it is typed back into a field: "1234,50" in French (no grouping, no sign), "1234.50" in English. */
    static String input(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(I18n.textLocale()));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
