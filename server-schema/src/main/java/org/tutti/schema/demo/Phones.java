package org.tutti.schema.demo;

/** French phone numbers, written the French way: "06 12 34 56 78". */
final class Phones {

    private Phones() {
    }

    static String mobile(DemoRandom random) {
        return format(random.chance(0.7) ? "06" : "07", random);
    }

    /** A landline of the Rhône-Alpes region (04), or of Paris (01) for some workplaces. */
    static String landline(DemoRandom random, boolean maybeParis) {
        return format(maybeParis && random.chance(0.2) ? "01" : "04", random);
    }

    private static String format(String prefix, DemoRandom random) {
        String digits = random.digits(8);
        return prefix + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6)
                + " " + digits.substring(6, 8);
    }
}
