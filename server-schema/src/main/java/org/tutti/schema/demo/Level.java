package org.tutti.schema.demo;

import java.util.List;

/**
 * The steps of a French conservatoire curriculum a student climbs one per year:
 * éveil, initiation, cycles 1 to 3 (in years "1C1"…), then CPES or "hors cycle" for adults.
 */
enum Level {
    EVEIL(Cycle.EVEIL, "Éveil"),
    INITIATION(Cycle.INITIATION, "Initiation"),
    C1_1(Cycle.C1, "1C1"), C1_2(Cycle.C1, "1C2"), C1_3(Cycle.C1, "1C3"), C1_4(Cycle.C1, "1C4"),
    C2_1(Cycle.C2, "2C1"), C2_2(Cycle.C2, "2C2"), C2_3(Cycle.C2, "2C3"), C2_4(Cycle.C2, "2C4"),
    C3_1(Cycle.C3, "3C1"), C3_2(Cycle.C3, "3C2"),
    CPES(Cycle.CPES, "CPES"),
    HORS_CYCLE(Cycle.HORS_CYCLE, "Hors cycle");

    /** The cycles of table {@code tutti.cycle}, in rank order. */
    enum Cycle {
        EVEIL("EVEIL", "Éveil", 15000),
        INITIATION("INIT", "Initiation", 21000),
        C1("C1", "Cycle 1", 32000),
        C2("C2", "Cycle 2", 36000),
        C3("C3", "Cycle 3", 39000),
        CPES("CPES", "Cycle spécialisé / CPES", 42000),
        HORS_CYCLE("HC", "Hors cycle", 48000);

        final String code;
        final String label;
        /** Yearly fee at Bellerive, in cents. */
        final int yearlyFeeCents;

        Cycle(String code, String label, int yearlyFeeCents) {
            this.code = code;
            this.label = label;
            this.yearlyFeeCents = yearlyFeeCents;
        }
    }

    /** The ladder a child climbs on an instrument, from the first year. */
    static final List<Level> INSTRUMENT_LADDER = List.of(INITIATION, C1_1, C1_2, C1_3, C1_4,
            C2_1, C2_2, C2_3, C2_4, C3_1, C3_2);

    final Cycle cycle;
    final String label;

    Level(Cycle cycle, String label) {
        this.cycle = cycle;
        this.label = label;
    }

    boolean atLeast(Level other) {
        return ordinal() >= other.ordinal();
    }

    /** Levels that follow formation musicale (FM) classes. */
    boolean takesFormationMusicale() {
        return atLeast(INITIATION) && ordinal() <= CPES.ordinal();
    }

    /** Level of a child who started the instrument {@code yearsOfPractice} years ago (0 = first year). */
    static Level forChild(int ageAtStartOfYear, int yearsOfPractice, boolean cpesOffered) {
        if (ageAtStartOfYear < 6) {
            return EVEIL;
        }
        boolean startedAfterInitiationAge = ageAtStartOfYear - yearsOfPractice >= 8;
        int step = startedAfterInitiationAge ? yearsOfPractice + 1 : yearsOfPractice;
        if (step < INSTRUMENT_LADDER.size()) {
            return INSTRUMENT_LADDER.get(step);
        }
        if (cpesOffered && ageAtStartOfYear >= 16 && ageAtStartOfYear <= 25) {
            return CPES;
        }
        return ageAtStartOfYear >= 18 ? HORS_CYCLE : C3_2;
    }
}
