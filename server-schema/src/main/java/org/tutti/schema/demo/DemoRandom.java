package org.tutti.schema.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/** The one source of randomness of a generation: seeded, so the same seed gives the same school. */
final class DemoRandom {

    private final Random random;

    DemoRandom(long seed) {
        this.random = new Random(seed);
    }

    int between(int minInclusive, int maxInclusive) {
        return minInclusive + random.nextInt(maxInclusive - minInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pickOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Index chosen with the given relative weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    LocalDate dateBetween(LocalDate firstInclusive, LocalDate lastInclusive) {
        long days = ChronoUnit.DAYS.between(firstInclusive, lastInclusive);
        return firstInclusive.plusDays(days <= 0 ? 0 : random.nextInt((int) days + 1));
    }

    /** An amount in euros with two decimals, from whole cents. */
    BigDecimal euros(int minCents, int maxCents) {
        return BigDecimal.valueOf(between(minCents, maxCents), 2);
    }

    /** A mark out of 20, in quarter points, with two decimals. */
    BigDecimal mark(double mean) {
        double value = mean + random.nextGaussian() * 2.2;
        double quarters = Math.round(Math.max(4, Math.min(20, value)) * 4) / 4.0;
        return BigDecimal.valueOf(quarters).setScale(2, RoundingMode.HALF_UP);
    }

    void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    String digits(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
