package org.tutti.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics of a set of samples (milliseconds unless a table says otherwise). */
public final class Stats {

    private final List<Double> sorted;

    private Stats(List<Double> sorted) {
        this.sorted = sorted;
    }

    public static Stats of(Collection<? extends Number> samples) {
        List<Double> values = new ArrayList<>(samples.size());
        for (Number sample : samples) {
            values.add(sample.doubleValue());
        }
        Collections.sort(values);
        return new Stats(values);
    }

    /** Nanosecond samples as milliseconds. */
    public static Stats ofNanos(Collection<Long> nanos) {
        List<Double> millis = new ArrayList<>(nanos.size());
        for (long n : nanos) {
            millis.add(n / 1_000_000.0);
        }
        return of(millis);
    }

    public int count() {
        return sorted.size();
    }

    /** The value below which a fraction {@code q} of the samples lie (nearest rank). */
    public double quantile(double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public double median() {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double p95() {
        return quantile(0.95);
    }

    public double p99() {
        return quantile(0.99);
    }

    public double min() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(0);
    }

    public double max() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    public double mean() {
        return sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** "min–max" with one decimal: the spread a table shows beside a median. */
    public String spread() {
        return format(min()) + "–" + format(max());
    }

    /** One decimal, a dot, no grouping: what the tables print. */
    public static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
