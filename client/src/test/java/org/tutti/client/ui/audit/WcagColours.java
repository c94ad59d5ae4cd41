package org.tutti.client.ui.audit;

import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

/**
 * Colour arithmetic of WCAG 2.2: relative luminance, contrast ratio, alpha compositing and the
 * colours a paint can show. https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
 */
public final class WcagColours {

    private WcagColours() {
    }

    /** WCAG relative luminance of an opaque sRGB colour (its alpha is ignored). */
    public static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** Contrast ratio (L1 + 0.05) / (L2 + 0.05) of two opaque colours, from 1 to 21. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** {@code top} drawn over {@code below} (source-over); opaque when {@code below} is. */
    public static Color composite(Color top, Color below) {
        double a = top.getOpacity();
        double b = below.getOpacity() * (1 - a);
        double alpha = a + b;
        if (alpha == 0) {
            return Color.TRANSPARENT;
        }
        return new Color(
                (top.getRed() * a + below.getRed() * b) / alpha,
                (top.getGreen() * a + below.getGreen() * b) / alpha,
                (top.getBlue() * a + below.getBlue() * b) / alpha,
                Math.min(1, alpha));
    }

    /** The colour with its alpha multiplied by {@code opacity}. */
    public static Color fade(Color colour, double opacity) {
        return opacity >= 1 ? colour : Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(),
                colour.getOpacity() * Math.max(0, opacity));
    }

    /**
     * The colours a paint can show: a colour, or every stop of a linear or radial gradient (the
     * worst case lies among them); empty for anything else (image patterns) and for null.
     */
    public static List<Color> colours(Paint paint) {
        if (paint instanceof Color colour) {
            return List.of(colour);
        }
        if (paint instanceof LinearGradient gradient) {
            return gradient.getStops().stream().map(Stop::getColor).toList();
        }
        if (paint instanceof RadialGradient gradient) {
            return gradient.getStops().stream().map(Stop::getColor).toList();
        }
        return List.of();
    }

    /** True when a paint shows nothing (null, or every colour fully transparent). */
    public static boolean transparent(Paint paint) {
        return colours(paint).stream().allMatch(c -> c.getOpacity() == 0);
    }

    /** "#rrggbb", or "#rrggbbaa" when not opaque. */
    public static String hex(Color colour) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", channel(colour.getRed()), channel(colour.getGreen()),
                channel(colour.getBlue()));
        return colour.getOpacity() >= 1 ? rgb : rgb + String.format(Locale.ROOT, "%02x", channel(colour.getOpacity()));
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }

    /**
     * A ratio as "4.49:1": rounded down to two decimals, so a ratio under a threshold never reads
     * as the threshold itself (4.499 is not 4.5).
     */
    public static String ratioText(double ratio) {
        double down = Math.floor(ratio * 100 + 1e-9) / 100;
        String text = String.format(Locale.ROOT, "%.2f", down);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + ":1";
    }
}
